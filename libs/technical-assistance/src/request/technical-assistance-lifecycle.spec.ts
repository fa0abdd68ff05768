import { STATUSES, TechnicalAssistanceStatus as S } from '../shared/enums';
import {
  canTransition,
  FINAL_STATUSES,
  reachableStatuses,
  TransitionAction,
  TRANSITIONS,
} from './technical-assistance-lifecycle';

const ACTIONS = Object.keys(TRANSITIONS) as TransitionAction[];

/** DESIGN.md §3, written out: every (status, action) that is legal, and where it leads. */
const LEGAL: Record<string, S> = {
  'SUBMITTED triage': S.TRIAGED,
  'TRIAGED assign': S.ASSIGNED,
  'ASSIGNED start': S.IN_PROGRESS,
  'IN_PROGRESS deliver': S.DELIVERED,
  'DELIVERED close': S.CLOSED,
  'SUBMITTED decline': S.DECLINED,
  'TRIAGED decline': S.DECLINED,
  'SUBMITTED withdraw': S.WITHDRAWN,
  'TRIAGED withdraw': S.WITHDRAWN,
  'ASSIGNED withdraw': S.WITHDRAWN,
  'IN_PROGRESS withdraw': S.WITHDRAWN,
};

describe('technical-assistance lifecycle', () => {
  const table = STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action] as const));

  it.each(table)('%s → %s is legal exactly when DESIGN.md says so', (status, action) => {
    const expected = LEGAL[`${status} ${action}`];
    expect(canTransition(status, action)).toBe(expected !== undefined);
    if (expected) expect(TRANSITIONS[action].to).toBe(expected);
  });

  it('lists 11 legal moves, no more', () => {
    expect(table.filter(([status, action]) => canTransition(status, action))).toHaveLength(11);
  });

  it('reaches every status from SUBMITTED', () => {
    expect([...reachableStatuses()].sort()).toEqual([...STATUSES].sort());
  });

  it('lets nothing leave CLOSED, DECLINED or WITHDRAWN', () => {
    for (const status of FINAL_STATUSES) {
      expect(ACTIONS.filter((action) => canTransition(status, action))).toEqual([]);
    }
  });

  it('never withdraws once delivered', () => {
    expect(canTransition(S.DELIVERED, 'withdraw')).toBe(false);
    expect(canTransition(S.CLOSED, 'withdraw')).toBe(false);
  });
});
