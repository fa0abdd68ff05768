import { registerEnumType } from '@nestjs/graphql';
import { AppAbility } from '@hub/access';
import { offeredActions } from '@hub/workflow';
import { TechnicalAssistanceStatus } from '../shared/enums';
import { technicalAssistanceRecord } from './technical-assistance-access';
import { TECHNICAL_ASSISTANCE_LIFECYCLE, withheldMove } from './technical-assistance-lifecycle';
import { TechnicalAssistanceMove } from './technical-assistance-record-type';

/** What a caller may do to a technical-assistance request: each is one mutation (the lifecycle's moves and the thread). */
export enum TechnicalAssistanceAction {
  TRIAGE = 'TRIAGE',
  ASSIGN = 'ASSIGN',
  START = 'START',
  RECORD_SESSION = 'RECORD_SESSION',
  DELIVER = 'DELIVER',
  CLOSE = 'CLOSE',
  DECLINE = 'DECLINE',
  WITHDRAW = 'WITHDRAW',
  MESSAGE = 'MESSAGE',
}
registerEnumType(TechnicalAssistanceAction, {
  name: 'TechnicalAssistanceAction',
  description:
    'A mutation the caller may make on a request now: triageTechnicalAssistance, …, recordTechnicalAssistanceSession (RECORD_SESSION), addTechnicalAssistanceMessage (MESSAGE)',
});

const OFFER = {
  moves: {
    triage: TechnicalAssistanceAction.TRIAGE,
    assign: TechnicalAssistanceAction.ASSIGN,
    start: TechnicalAssistanceAction.START,
    recordSession: TechnicalAssistanceAction.RECORD_SESSION,
    deliver: TechnicalAssistanceAction.DELIVER,
    close: TechnicalAssistanceAction.CLOSE,
    decline: TechnicalAssistanceAction.DECLINE,
    withdraw: TechnicalAssistanceAction.WITHDRAW,
  } satisfies Record<TechnicalAssistanceMove, TechnicalAssistanceAction>,
  always: { message: TechnicalAssistanceAction.MESSAGE },
};

/**
 * The actions the workflow kernel would let this caller take now (`offeredActions`): the policy
 * allows it on this request and the lifecycle has the move from its status, but no delivery
 * before a session is recorded (`sessionCount`); the thread, for every party, in any status. A
 * listed action can still be refused for its input (an assignee that is not a provider, a session
 * dated in the future: BAD_USER_INPUT), or as CONFLICT when the request changed meanwhile.
 */
export function availableActions(
  ability: AppAbility,
  request: Parameters<typeof technicalAssistanceRecord>[0] & { status: TechnicalAssistanceStatus },
  sessionCount: number,
): TechnicalAssistanceAction[] {
  return offeredActions(
    ability,
    TECHNICAL_ASSISTANCE_LIFECYCLE,
    { policyRecord: technicalAssistanceRecord(request), status: request.status },
    OFFER,
    (move) => withheldMove(move, sessionCount),
  );
}
