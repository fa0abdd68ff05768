import { Actor, ANONYMOUS } from '@hub/authz';
import { defineAbilityFor } from './policy';
import { Action, subject, SubjectName } from './subjects';

const HARBOR = 'agency-harbor';
const POLICE = 'agency-police';
const TF = 'tf-bay';

const actor = (roles: string[], agencyId = HARBOR, taskForceIds = [TF]): Actor => ({
  userId: `user-${roles.join('-')}`,
  agencyId,
  agencyType: 'NGO',
  roles,
  taskForceIds,
});

type Case = [string, Actor, Action, SubjectName, Record<string, unknown>, string | undefined, boolean];

// role × action × record → allowed, including the cannot cases.
const table: Case[] = [
  [
    'a user sets their own notification preference',
    actor(['caseworker']),
    'update',
    'NotificationPreference',
    { userId: 'user-caseworker', agencyId: HARBOR },
    undefined,
    true,
  ],
  [
    "a user never sets a colleague's notification preference, not even an admin",
    actor(['agency_admin', 'supervisor']),
    'update',
    'NotificationPreference',
    { userId: 'user-caseworker', agencyId: HARBOR },
    undefined,
    false,
  ],
  [
    'a user has no preference in another agency',
    actor(['caseworker']),
    'read',
    'NotificationPreference',
    { userId: 'user-caseworker', agencyId: POLICE },
    undefined,
    false,
  ],
  [
    'anonymous has no notification preference',
    ANONYMOUS,
    'update',
    'NotificationPreference',
    { userId: 'user-caseworker', agencyId: HARBOR },
    undefined,
    false,
  ],
  [
    'anonymous reads the directory',
    ANONYMOUS,
    'read',
    'Agency',
    { id: HARBOR, confidentialLocation: false },
    undefined,
    true,
  ],
  [
    'anonymous reads a public address',
    ANONYMOUS,
    'read',
    'Agency',
    { id: POLICE, confidentialLocation: false },
    'address',
    true,
  ],
  [
    'anonymous never reads a confidential address',
    ANONYMOUS,
    'read',
    'Agency',
    { id: HARBOR, confidentialLocation: true },
    'address',
    false,
  ],
  [
    'another agency never reads a confidential address',
    actor(['agency_admin'], POLICE),
    'read',
    'Agency',
    { id: HARBOR, confidentialLocation: true },
    'address',
    false,
  ],
  [
    'own agency reads its confidential address',
    actor(['caseworker']),
    'read',
    'Agency',
    { id: HARBOR, confidentialLocation: true },
    'address',
    true,
  ],
  ['admin updates own agency', actor(['agency_admin']), 'update', 'Agency', { id: HARBOR }, undefined, true],
  [
    'admin cannot update another agency',
    actor(['agency_admin']),
    'update',
    'Agency',
    { id: POLICE },
    undefined,
    false,
  ],
  [
    'caseworker cannot update own agency',
    actor(['caseworker']),
    'update',
    'Agency',
    { id: HARBOR },
    undefined,
    false,
  ],
  [
    'supervisor cannot update own agency',
    actor(['supervisor']),
    'update',
    'Agency',
    { id: HARBOR },
    undefined,
    false,
  ],
  ['anonymous cannot update', ANONYMOUS, 'update', 'Agency', { id: HARBOR }, undefined, false],
  ['anonymous cannot read task forces', ANONYMOUS, 'read', 'TaskForce', { id: TF }, undefined, false],
  ['members read task forces', actor(['caseworker']), 'read', 'TaskForce', { id: TF }, undefined, true],
  [
    'coordinator adds a member to own task force',
    actor(['coordinator']),
    'create',
    'TaskForceMembership',
    { taskForceId: TF, agencyId: POLICE },
    undefined,
    true,
  ],
  [
    'coordinator cannot add to another task force',
    actor(['coordinator']),
    'create',
    'TaskForceMembership',
    { taskForceId: 'tf-other', agencyId: POLICE },
    undefined,
    false,
  ],
  [
    'coordinator removes another member',
    actor(['coordinator']),
    'delete',
    'TaskForceMembership',
    { taskForceId: TF, agencyId: POLICE },
    undefined,
    true,
  ],
  [
    'coordinator cannot remove own agency',
    actor(['coordinator']),
    'delete',
    'TaskForceMembership',
    { taskForceId: TF, agencyId: HARBOR },
    undefined,
    false,
  ],
  [
    'agency admin cannot manage members',
    actor(['agency_admin']),
    'create',
    'TaskForceMembership',
    { taskForceId: TF, agencyId: POLICE },
    undefined,
    false,
  ],
  [
    'coordinator without task forces manages none',
    actor(['coordinator'], HARBOR, []),
    'update',
    'TaskForceMembership',
    { taskForceId: TF, agencyId: POLICE },
    undefined,
    false,
  ],
];

describe('policy', () => {
  it.each(table)('%s', (_name, who, action, type, record, field, allowed) => {
    const tagged = subject(type, record as never) as Parameters<
      ReturnType<typeof defineAbilityFor>['can']
    >[1];
    expect(defineAbilityFor(who).can(action, tagged, field)).toBe(allowed);
  });
});
