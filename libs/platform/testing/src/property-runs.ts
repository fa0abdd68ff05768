/**
 * How many random worlds a model-based property suite checks against PostgreSQL: `base` in npm
 * test, times HUB_PROPERTY_RUNS_SCALE for a deeper search (`HUB_PROPERTY_RUNS_SCALE=10 npx jest -c
 * libs/referrals/jest.config.js`, before a release or when touching a rule). The bases keep each
 * suite near 15 s of CPU on 2 cores, inside npm test's budget; every run of npm test draws new
 * seeds, so CI's runs together search far more worlds than one does, and a failure prints the seed
 * and path that replay it (fast-check's `seed` and `path` parameters).
 */
export function propertyRuns(base: number): number {
  const raw = process.env['HUB_PROPERTY_RUNS_SCALE'];
  const scale = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`HUB_PROPERTY_RUNS_SCALE must be a positive number, not "${raw}"`);
  }
  return Math.max(1, Math.round(base * scale));
}
