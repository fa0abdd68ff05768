/**
 * The end-to-end suites (`*.e2e-spec.ts`), run in four groups of one jest file each
 * (`e2e-<group>.spec.ts`). Jest loads every module anew for each test file — Nest, Apollo,
 * TypeORM and the hub cost ≈ 1 s of CPU each time — so 47 files spent ≈ 50 s of `npm test` on
 * loading alone. Within a group each suite keeps its own `describe`, hub, database and
 * environment (startTestHub restores what it set), exactly as when it ran as a file of its own.
 * The groups are balanced by time and named by subject; `e2e-groups.spec.ts` fails when a suite
 * is in no group or in two.
 *
 * Suites that read the app's log (`logs.spec.ts`, `http-edge.spec.ts`) stay files of their own:
 * nestjs-pino builds one pino-http logger per process, on the first app's settings, so in a group
 * their captures would silently stay empty and their "nothing logged" checks pass vacuously.
 *
 * One suite alone: `npx jest -c apps/api/jest.config.js --testMatch '**\/referrals.e2e-spec.ts'`.
 */
export const E2E_GROUPS = {
  // The referral loop and what hangs off it: child safety, break-glass, live and e-mail notices.
  referrals: [
    'referrals',
    'referrals-cost',
    'referrals-concurrency',
    'referral-flow',
    'child-safety',
    'break-glass',
    'live-updates',
    'email-delivery',
  ],
  // Survivors, consent, the access rules they feed, and the audit trail of it all.
  survivors: [
    'survivors',
    'consents',
    'consent-flow',
    'access-rules',
    'audit-coverage',
    'audit-trail',
    'audit-queries',
    'review-regressions',
  ],
  // The edge every request crosses: tokens, hostile input, limits, HTTP, logs, metrics, schema.
  platform: [
    'forged-tokens',
    'hostile-input',
    'startup',
    'limits',
    'query-budget',
    'tracing',
    'metrics',
    'app-shell',
    'web-app',
    'graphql-over-http',
    'schema',
    'deny-by-declaration',
    'me',
  ],
  // Running a task force: administration, directory, members, protocols, technical assistance.
  'task-force': [
    'first-run',
    'platform-admin',
    'agency-profile',
    'agency-users',
    'task-force-members',
    'directory',
    'directory-exchange',
    'notifications',
    'notification-preferences',
    'protocols',
    'protocols-input',
    'technical-assistance',
    'technical-assistance-guards',
    'technical-assistance-input',
    'technical-assistance-lists',
    'technical-assistance-readme',
  ],
} as const satisfies Record<string, readonly string[]>;

export type E2eGroup = keyof typeof E2E_GROUPS;

/** Registers each suite of the group under a `describe` named after it (so `-t <suite>` works). */
export function runE2eGroup(group: E2eGroup): void {
  for (const suite of E2E_GROUPS[group]) {
    describe(suite, () => {
      // Required inside the describe: the suite's hooks and tests become this block's.
      require(`./${suite}.e2e-spec`);
    });
  }
}
