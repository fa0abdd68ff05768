import { registerEnumType } from '@nestjs/graphql';
import { AppAbility, subject } from '@hub/access';
import { protocolRecord } from './protocol-access';
import { PROTOCOL_LIFECYCLE, PROTOCOL_VERSION_LIFECYCLE, ProtocolTransition } from './protocol-lifecycle';
import { ProtocolState, ProtocolVersionState } from './protocol.enums';

/** What a caller may do to a protocol: each is one mutation. */
export enum ProtocolAction {
  UPDATE_DRAFT = 'UPDATE_DRAFT',
  PUBLISH = 'PUBLISH',
  ARCHIVE = 'ARCHIVE',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
}
registerEnumType(ProtocolAction, {
  name: 'ProtocolAction',
  description:
    'A mutation the caller may make on a protocol now: updateProtocolDraft, publishProtocolVersion (the draft), archiveProtocol, acknowledgeProtocol (the version in force, for the caller’s agency)',
});

const BY_TRANSITION: Record<ProtocolTransition, ProtocolAction> = {
  update: ProtocolAction.UPDATE_DRAFT,
  publish: ProtocolAction.PUBLISH,
  archive: ProtocolAction.ARCHIVE,
};

/** What the actions are judged on: the protocol as loaded, its draft and the version in force. */
export interface ProtocolActionFacts {
  protocol: { taskForceId: string; audience: string[]; firstPublishedAt: Date | null; state: ProtocolState };
  hasDraft: boolean;
  /** The version in force, and whether the caller's agency has acknowledged it. */
  current: { audience: string[]; state: ProtocolVersionState; acknowledgedByMyAgency: boolean } | null;
}

/**
 * The actions the mutations would accept from this caller now, judged as they judge them: the one
 * policy on the record, then the lifecycle (docs/workflow.md). PUBLISH needs a draft to publish
 * (publishProtocolVersion takes the draft's id). ACKNOWLEDGE is for the caller's own agency and the
 * version in force, once: after it, acknowledging again records nothing new. A listed action can
 * still be refused for its input, or as CONFLICT when the protocol changed meanwhile.
 */
export function availableProtocolActions(
  ability: AppAbility,
  agencyId: string | null,
  facts: ProtocolActionFacts,
): ProtocolAction[] {
  const { protocol, current } = facts;
  const record = subject('Protocol', protocolRecord(protocol));
  const actions = PROTOCOL_LIFECYCLE.allowedFrom(protocol.state)
    .filter((transition) => transition !== 'publish' || facts.hasDraft)
    .filter((transition) => ability.can(transition, record))
    .map((transition) => BY_TRANSITION[transition]);
  const acknowledgeable =
    agencyId !== null &&
    current !== null &&
    !current.acknowledgedByMyAgency &&
    PROTOCOL_VERSION_LIFECYCLE.allowedFrom(current.state).includes('acknowledge') &&
    ability.can(
      'create',
      subject('ProtocolAcknowledgement', {
        taskForceId: protocol.taskForceId,
        audience: [...current.audience],
        agencyId,
      }),
    );
  return acknowledgeable ? [...actions, ProtocolAction.ACKNOWLEDGE] : actions;
}
