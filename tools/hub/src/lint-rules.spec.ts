import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * Lints a probe file written at `path` (with a random suffix) in the workspace, with the real
 * ESLint config: on disk, because type-aware rules need the file in its project, and in a child
 * process, because the flat config is an ES module jest's VM cannot import.
 */
async function rulesHit(path: string, source: string): Promise<string[]> {
  const probe = path.replace('lint-probe', `lint-probe-${randomBytes(4).toString('hex')}`);
  await writeFile(resolve(ROOT, probe), source);
  try {
    return await lint(probe);
  } finally {
    await rm(resolve(ROOT, probe), { force: true });
  }
}

function lint(path: string): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', path],
      { cwd: ROOT },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => {
      try {
        const [result] = JSON.parse(out) as { messages: { ruleId: string | null; message: string }[] }[];
        done(result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`));
      } catch (error) {
        fail(new Error(`eslint gave no JSON: ${out.slice(0, 500)} (${String(error)})`));
      }
    });
  });
}

// The lint step of `npm test` is what enforces module boundaries: prove each rule bites.
describe('lint rules that guard the architecture', () => {
  jest.setTimeout(120_000);

  it('refuses the ORM in a resolver', async () => {
    expect(
      await rulesHit(
        'libs/agencies/src/agency/lint-probe.resolver.ts',
        "import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('refuses a domain lib importing an app', async () => {
    expect(
      await rulesHit(
        'libs/agencies/src/lint-probe.ts',
        "import { apiMigrations } from '../../../apps/api/src/app/migrations';\nexport const probe = apiMigrations;\n",
      ),
    ).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses a platform lib importing a domain lib', async () => {
    expect(
      await rulesHit(
        'libs/platform/database/src/lint-probe.ts',
        "import { AgencyType } from '@hub/agencies';\nexport const probe = AgencyType;\n",
      ),
    ).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses a floating promise', async () => {
    expect(
      await rulesHit(
        'libs/agencies/src/lint-probe.ts',
        'async function work(): Promise<void> {}\nwork();\nexport {};\n',
      ),
    ).toContain('@typescript-eslint/no-floating-promises');
  });

  it('refuses focused and skipped tests', async () => {
    const hits = await rulesHit(
      'libs/agencies/src/lint-probe.spec.ts',
      // Assembled, so this file itself holds no focused or skipped test for any checker to trip on.
      [`it.${'only'}('a', () => expect(1).toBe(1));`, `it.${'skip'}('b', () => expect(1).toBe(1));`].join(
        '\n',
      ) + '\n',
    );
    expect(hits.filter((rule) => rule === 'no-restricted-syntax')).toHaveLength(2);
  });

  it('accepts clean code (the probes above fail for their reason only)', async () => {
    expect(await rulesHit('libs/agencies/src/lint-probe.ts', 'export const probe = 1;\n')).toEqual([]);
  });
});
