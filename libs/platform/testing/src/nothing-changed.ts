import { DEMO_USERS } from '@hub/demo-data';
import type { TestHub } from './test-hub';
import type { Watermark } from './watermark';

/** The sub and agency of a demo user (the demo realm is the tests' identity provider). */
export function demoUser(username: string): { sub: string; agencyId: string } {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { sub: user.sub, agencyId: user.agencyId };
}

/**
 * Nothing at all was written since the watermark: no domain row, notification or outbox row, and
 * no audit event (with `allowDenied`, DENIED audit events of a refusal are allowed).
 */
export async function expectNothingWritten(
  hub: TestHub,
  before: Watermark,
  options: { allowDenied?: boolean } = {},
): Promise<void> {
  expect(await hub.tablesWrittenSince(before)).toEqual([]);
  const audit = await hub.auditEventsSince(before);
  expect(options.allowDenied ? audit.filter((event) => event.decision !== 'DENIED') : audit).toEqual([]);
}

/**
 * A refusal: no table written, and exactly one DENIED audit event, naming the caller and the
 * subject — so the event was committed on its own while the refused change left no trace.
 */
export async function expectOnlyDenied(
  hub: TestHub,
  before: Watermark,
  expected: {
    user: string;
    action: string;
    subjectType: string;
    subjectId: string | null;
    /** `NOT_FOUND` when the caller was told the record does not exist (auditors only). */
    reason?: string | null;
  },
): Promise<void> {
  expect(await hub.tablesWrittenSince(before)).toEqual([]);
  const { sub, agencyId } = demoUser(expected.user);
  expect(await hub.auditEventsSince(before)).toEqual([
    {
      actor_user_id: sub,
      actor_agency_id: agencyId,
      action: expected.action,
      subject_type: expected.subjectType,
      subject_id: expected.subjectId,
      fields: [],
      purpose: null,
      decision: 'DENIED',
      reason: expected.reason ?? null,
    },
  ]);
}

/**
 * The input fields a BAD_USER_INPUT error names (`extensions.problems[].field`, e.g.
 * `grantor.type` or `dataClasses[1]`): tests assert these and the code, never the message.
 */
export function inputFields(error: { extensions?: Record<string, unknown> } | undefined): string[] {
  const problems = error?.extensions?.problems;
  return Array.isArray(problems)
    ? problems.map((problem) => String((problem as { field?: unknown }).field))
    : [];
}

/**
 * A date of birth that makes a person exactly `years` old on any day the test runs: `years` years
 * and 100 days before now (UTC), so the next birthday is never within the run. Tests state an age,
 * not a calendar year, and no outcome depends on the day of the year (no date bomb).
 */
export function bornYearsAgo(years: number, now: Date = new Date()): string {
  const born = new Date(now.getTime() - 100 * 86_400_000);
  born.setUTCFullYear(born.getUTCFullYear() - years);
  return born.toISOString().slice(0, 10);
}
