import fc from 'fast-check';
import { effectiveStatus, isOpen, nextStatus, TRANSITIONS } from './referral-lifecycle';
import { ReferralStatus as S } from './referral.enums';

const TERMINAL = [S.COMPLETED, S.DECLINED, S.FAILED, S.WITHDRAWN, S.EXPIRED];

describe('referral lifecycle', () => {
  it.each([
    [S.DRAFT, 'send', S.SENT],
    [S.SENT, 'acknowledge', S.ACKNOWLEDGED],
    [S.ACKNOWLEDGED, 'accept', S.ACCEPTED],
    [S.ACCEPTED, 'start', S.IN_PROGRESS],
    [S.IN_PROGRESS, 'hold', S.ON_HOLD],
    [S.ON_HOLD, 'start', S.IN_PROGRESS],
    [S.IN_PROGRESS, 'complete', S.COMPLETED],
    [S.SENT, 'decline', S.DECLINED],
    [S.ACCEPTED, 'decline', S.DECLINED],
    [S.ON_HOLD, 'fail', S.FAILED],
    [S.DRAFT, 'withdraw', S.WITHDRAWN],
    [S.ON_HOLD, 'withdraw', S.WITHDRAWN],
  ] as const)('%s --%s--> %s', (from, transition, to) => {
    expect(nextStatus(from, transition)).toBe(to);
  });

  it.each([
    [S.DRAFT, 'accept'],
    [S.SENT, 'accept'],
    [S.IN_PROGRESS, 'decline'],
    [S.ACCEPTED, 'fail'],
    [S.SENT, 'complete'],
    [S.COMPLETED, 'withdraw'],
  ] as const)('%s --%s--> illegal', (from, transition) => {
    expect(nextStatus(from, transition)).toBeUndefined();
  });

  it('never leaves a terminal state, and every walk stays within the states', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRANSITIONS), { maxLength: 30 }), (walk) => {
        let status: S = S.DRAFT;
        for (const transition of walk) {
          const next = nextStatus(status, transition);
          if (TERMINAL.includes(status)) expect(next).toBeUndefined();
          if (next) {
            expect(isOpen(status)).toBe(true);
            status = next;
          }
        }
        expect(Object.values(S)).toContain(status);
      }),
      { numRuns: 2000 },
    );
  });

  it('expires SENT or ACKNOWLEDGED only: past the deadline or when the consent ended', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const past = new Date(now.getTime() - 1);
    const future = new Date(now.getTime() + 60_000);
    expect(effectiveStatus({ status: S.SENT, responseDueAt: past, consentId: null }, true, now)).toBe(
      S.EXPIRED,
    );
    expect(
      effectiveStatus({ status: S.ACKNOWLEDGED, responseDueAt: future, consentId: 'c' }, false, now),
    ).toBe(S.EXPIRED);
    expect(effectiveStatus({ status: S.SENT, responseDueAt: future, consentId: 'c' }, true, now)).toBe(
      S.SENT,
    );
    expect(effectiveStatus({ status: S.ACCEPTED, responseDueAt: past, consentId: 'c' }, false, now)).toBe(
      S.ACCEPTED,
    );
    expect(effectiveStatus({ status: S.DRAFT, responseDueAt: null, consentId: 'c' }, false, now)).toBe(
      S.DRAFT,
    );
  });
});
