import {
  AbilityBuilder,
  createMongoAbility,
  ForcedSubject,
  MongoAbility,
  subject as asSubject,
} from '@casl/ability';
import { Actor } from './actor';

/**
 * THE policy: who may do what to which record and which fields (DESIGN.md §4). Every service asks
 * the ability built here; nobody hand-writes a role check. Subjects are named by string so this
 * platform lib knows no domain code; each domain passes plain records tagged with `subject()`.
 */
export type Action = 'read' | 'create' | 'update' | 'delete';

/** The fields of each record the rules look at (the rest of the record is irrelevant to them). */
export interface PolicyRecords {
  Agency: { id: string; confidentialLocation?: boolean };
  TaskForce: { id: string };
  TaskForceMembership: { taskForceId: string; agencyId: string };
  Resource: { id: string };
}
export type SubjectName = keyof PolicyRecords;
type TaggedRecord = { [K in SubjectName]: PolicyRecords[K] & ForcedSubject<K> }[SubjectName];
export type AppAbility = MongoAbility<[Action, SubjectName | TaggedRecord]>;

/** Tags a plain record with its subject type for `ability.can(action, subject('Agency', record))`. */
export function subject<K extends SubjectName>(
  type: K,
  record: PolicyRecords[K],
): PolicyRecords[K] & ForcedSubject<K> {
  return asSubject(type, { ...record });
}

const has = (actor: Actor, role: string) => actor.roles.includes(role);

export function defineAbilityFor(actor: Actor): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);

  // The directory and hotlines are public.
  can('read', 'Agency');
  can('read', 'Resource');
  // A confidential location (a shelter) is never disclosed outside its own agency.
  cannot('read', 'Agency', ['address'], { confidentialLocation: true });
  if (actor.agencyId) {
    can('read', 'Agency', ['address'], { id: actor.agencyId });
  }

  if (actor.userId && actor.agencyId) {
    can('read', 'TaskForce');
    can('read', 'TaskForceMembership');

    if (has(actor, 'agency_admin')) {
      can('update', 'Agency', { id: actor.agencyId });
    }
    if (has(actor, 'coordinator') && actor.taskForceIds.length > 0) {
      const taskForceId = { $in: [...actor.taskForceIds] };
      can('create', 'TaskForceMembership', { taskForceId });
      can('update', 'TaskForceMembership', { taskForceId });
      can('delete', 'TaskForceMembership', { taskForceId });
      // A coordinator cannot remove their own agency, which would lock the task force out.
      cannot('delete', 'TaskForceMembership', { agencyId: actor.agencyId });
    }
  }

  return build();
}
