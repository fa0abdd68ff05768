import { defineAbilityFor } from '@hub/access';
import type { Actor } from '@hub/authz';
import { availableProtocolActions, ProtocolActionFacts } from './protocol-actions';
import { ProtocolState, ProtocolVersionState } from './protocol.enums';

/** What a protocol offers each caller, from the one policy and the lifecycles: caller × state → actions. */

const TF = 'tf-bay';
const actor = (agencyId: string, agencyType: string, roles: string[], taskForceIds = [TF]): Actor => ({
  userId: `user-${agencyId}-${roles.join('-')}`,
  agencyId,
  agencyType,
  roles,
  taskForceIds,
});
const coordinator = actor('agency-tf', 'COORDINATOR', ['coordinator', 'agency_admin']);
const ngoLead = actor('agency-ngo', 'NGO', ['supervisor', 'agency_admin']);
const ngoCaseworker = actor('agency-ngo', 'NGO', ['caseworker']);
const pdSupervisor = actor('agency-pd', 'LAW_ENFORCEMENT', ['supervisor']);
const outsideCoordinator = actor('agency-out', 'COORDINATOR', ['coordinator'], ['tf-other']);

const inForce = (acknowledgedByMyAgency = false) => ({
  audience: ['NGO'],
  state: ProtocolVersionState.PUBLISHED,
  acknowledgedByMyAgency,
});
const facts = (state: ProtocolState, over: Partial<ProtocolActionFacts> = {}): ProtocolActionFacts => ({
  protocol: {
    taskForceId: TF,
    audience: ['NGO'],
    firstPublishedAt: state === ProtocolState.DRAFT ? null : new Date('2026-01-01T00:00:00Z'),
    state,
  },
  hasDraft: false,
  current: state === ProtocolState.PUBLISHED ? inForce() : null,
  ...over,
});

const offered = (who: Actor, of: ProtocolActionFacts) =>
  availableProtocolActions(defineAbilityFor(who), who.agencyId, of);

describe('availableProtocolActions', () => {
  it.each<[string, Actor, ProtocolActionFacts, string[]]>([
    [
      'coordinator, never published',
      coordinator,
      facts(ProtocolState.DRAFT, { hasDraft: true }),
      ['UPDATE_DRAFT', 'PUBLISH', 'ARCHIVE'],
    ],
    [
      'coordinator, in force, no draft',
      coordinator,
      facts(ProtocolState.PUBLISHED),
      ['UPDATE_DRAFT', 'ARCHIVE'],
    ],
    [
      'coordinator, in force with a draft',
      coordinator,
      facts(ProtocolState.PUBLISHED, { hasDraft: true }),
      ['UPDATE_DRAFT', 'PUBLISH', 'ARCHIVE'],
    ],
    ['coordinator, archived', coordinator, facts(ProtocolState.ARCHIVED), []],
    [
      'coordinator of another task force',
      outsideCoordinator,
      facts(ProtocolState.PUBLISHED, { hasDraft: true }),
      [],
    ],
    ['NGO lead, in the audience, not acknowledged', ngoLead, facts(ProtocolState.PUBLISHED), ['ACKNOWLEDGE']],
    [
      'NGO lead, already acknowledged',
      ngoLead,
      facts(ProtocolState.PUBLISHED, { current: inForce(true) }),
      [],
    ],
    ['NGO lead, archived', ngoLead, facts(ProtocolState.ARCHIVED), []],
    ['NGO caseworker (no acknowledging role)', ngoCaseworker, facts(ProtocolState.PUBLISHED), []],
    ['police supervisor, not in the audience', pdSupervisor, facts(ProtocolState.PUBLISHED), []],
  ])('%s', (_case, who, of, expected) => {
    expect(offered(who, of)).toEqual(expected);
  });

  it('offers the coordinator ACKNOWLEDGE when their own agency is addressed', () => {
    const addressed = facts(ProtocolState.PUBLISHED, {
      current: { ...inForce(), audience: ['NGO', 'COORDINATOR'] },
    });
    expect(offered(coordinator, addressed)).toEqual(['UPDATE_DRAFT', 'ARCHIVE', 'ACKNOWLEDGE']);
  });

  it('offers nothing to a caller without an agency', () => {
    const anonymous: Actor = { userId: null, agencyId: null, agencyType: null, roles: [], taskForceIds: [] };
    expect(offered(anonymous, facts(ProtocolState.PUBLISHED))).toEqual([]);
  });
});
