import { performance } from 'node:perf_hooks';
import type { TestHub } from '@hub/testing';
import { auditMaxId, auditWhere } from './audit-support';
import { startHub } from './hub';
import { createSurvivor, ok, personalData, SURVIVOR_BY_ID, tag } from './survivor-support';

/**
 * Issue 7, "the cost of auditing measured on a simple read (with and without audit, same run)":
 * N `survivor(id)` reads selecting a personal field (one READ_SURVIVOR row each) against N
 * selecting only `reference` (no audit row), interleaved so both see the same conditions. The
 * medians are printed; this is a measurement, not a timed assertion (DESIGN.md §6) — only the
 * audit rows written are asserted.
 */

const N = 300;
const WARM_UP = 20;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

describe('the cost of auditing a simple read (e2e measurement)', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it(`times ${N} audited survivor(id) reads against ${N} unaudited ones in the same run`, async () => {
    const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
    const audited = SURVIVOR_BY_ID('id reference givenName');
    const plain = SURVIVOR_BY_ID('id reference');
    const read = async (query: string) => {
      const started = performance.now();
      const response = await hub.gql(query, { id: survivor.id }, { user: 'ngo.caseworker' });
      const elapsed = performance.now() - started;
      ok(response);
      return elapsed;
    };
    for (let i = 0; i < WARM_UP; i += 1) {
      await read(audited);
      await read(plain);
    }

    const before = await auditMaxId(hub);
    const withAudit: number[] = [];
    const withoutAudit: number[] = [];
    for (let i = 0; i < N; i += 1) {
      // Alternate which goes first, so neither always follows the other.
      if (i % 2 === 0) {
        withAudit.push(await read(audited));
        withoutAudit.push(await read(plain));
      } else {
        withoutAudit.push(await read(plain));
        withAudit.push(await read(audited));
      }
    }

    const written = await auditWhere(hub, `id > $1 AND subject_id = $2`, [before, survivor.id]);
    expect(written).toHaveLength(N);
    written.forEach((row) => expect(row).toMatchObject({ action: 'READ_SURVIVOR', fields: ['givenName'] }));

    const ms = (value: number) => `${value.toFixed(2)} ms`;
    const withMedian = median(withAudit);
    const withoutMedian = median(withoutAudit);
    process.stdout.write(
      [
        '',
        `audit cost on survivor(id), N=${N} each, interleaved, same run:`,
        `  with audit (givenName → 1 READ_SURVIVOR row): median ${ms(withMedian)}, p90 ${ms(percentile(withAudit, 90))}`,
        `  without audit (reference only, no row):       median ${ms(withoutMedian)}, p90 ${ms(percentile(withoutAudit, 90))}`,
        `  difference of medians: ${ms(withMedian - withoutMedian)} (${((withMedian / withoutMedian - 1) * 100).toFixed(1)} %)`,
        '',
      ].join('\n'),
    );
  });
});
