import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_GROUPS } from './e2e-groups';

describe('the end-to-end groups', () => {
  it('hold every *.e2e-spec.ts suite exactly once', () => {
    const suites = readdirSync(__dirname)
      .filter((file) => file.endsWith('.e2e-spec.ts'))
      .map((file) => file.slice(0, -'.e2e-spec.ts'.length))
      .sort();
    const grouped = Object.values(E2E_GROUPS).flat();
    expect([...grouped].sort()).toEqual(suites);
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('hold no suite that reads the app log (one logger per process: it needs its own file)', () => {
    const readingLogs = Object.values(E2E_GROUPS)
      .flat()
      .filter((suite) =>
        readFileSync(join(__dirname, `${suite}.e2e-spec.ts`), 'utf8').includes('logDestination'),
      );
    expect(readingLogs).toEqual([]);
  });
});
