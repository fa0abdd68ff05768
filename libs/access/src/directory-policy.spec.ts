import { Actor } from '@hub/authz';
import { policyActor } from './testing/policy-test-actor';
import { defineAbilityFor } from './policy';
import { Action, subject, SubjectName } from './subjects';

/** Hotlines and the HSDS exchange under the one policy: role × action × record → allowed, refusals included. */

const TF = 'tf-bay';
const OTHER_TF = 'tf-other';
const OFFICE = 'agency-office';
const NGO = 'agency-ngo';

const coordinator = policyActor(OFFICE, 'COORDINATOR', ['coordinator'], { taskForceIds: [TF] });
const otherCoordinator = policyActor('agency-far', 'COORDINATOR', ['coordinator'], {
  taskForceIds: [OTHER_TF],
});
const ngoAdmin = policyActor(NGO, 'NGO', ['agency_admin'], { taskForceIds: [TF] });
const caseworker = policyActor(NGO, 'NGO', ['caseworker', 'supervisor'], { taskForceIds: [TF] });
const auditor = policyActor(OFFICE, 'COORDINATOR', ['auditor'], { taskForceIds: [TF] });
const hubAdmin = policyActor(OFFICE, 'COORDINATOR', ['hub_admin', 'coordinator'], { taskForceIds: [TF] });
const anonymous: Actor = { userId: null, agencyId: null, agencyType: null, roles: [], taskForceIds: [] };

const ofTf = { id: 'r1', taskForceId: TF };
const national = { id: 'r2', taskForceId: null };

type Case = [string, Actor, Action, SubjectName, Record<string, unknown>, boolean];

const table: Case[] = [
  ['anyone reads hotlines', anonymous, 'read', 'Resource', national, true],
  ...(['create', 'update', 'retire'] as const).flatMap((action): Case[] => [
    [`a coordinator may ${action} their task force’s hotline`, coordinator, action, 'Resource', ofTf, true],
    [`a coordinator may not ${action} a national hotline`, coordinator, action, 'Resource', national, false],
    [
      `a coordinator of another task force may not ${action} it`,
      otherCoordinator,
      action,
      'Resource',
      ofTf,
      false,
    ],
    [`an agency admin may not ${action} a hotline`, ngoAdmin, action, 'Resource', ofTf, false],
    [`a caseworker may not ${action} a hotline`, caseworker, action, 'Resource', ofTf, false],
    [`an auditor may not ${action} a hotline`, auditor, action, 'Resource', ofTf, false],
    [`anonymous may not ${action} a hotline`, anonymous, action, 'Resource', ofTf, false],
    [`a hub admin may ${action} a national hotline`, hubAdmin, action, 'Resource', national, true],
    [
      `a hub admin may not ${action} a task force’s hotline (even holding coordinator)`,
      hubAdmin,
      action,
      'Resource',
      ofTf,
      false,
    ],
  ]),
  [
    'a coordinator exports their task force’s directory',
    coordinator,
    'export',
    'Directory',
    { taskForceId: TF },
    true,
  ],
  ['a coordinator imports into it', coordinator, 'import', 'Directory', { taskForceId: TF }, true],
  [
    'a coordinator exports no other task force’s',
    coordinator,
    'export',
    'Directory',
    { taskForceId: OTHER_TF },
    false,
  ],
  [
    'a coordinator imports into no other',
    coordinator,
    'import',
    'Directory',
    { taskForceId: OTHER_TF },
    false,
  ],
  [
    'another task force’s coordinator neither exports',
    otherCoordinator,
    'export',
    'Directory',
    { taskForceId: TF },
    false,
  ],
  ['nor imports', otherCoordinator, 'import', 'Directory', { taskForceId: TF }, false],
  ['a member agency’s admin exports', ngoAdmin, 'export', 'Directory', { taskForceId: TF }, true],
  ['a member agency’s admin does not import', ngoAdmin, 'import', 'Directory', { taskForceId: TF }, false],
  ['a caseworker does not export', caseworker, 'export', 'Directory', { taskForceId: TF }, false],
  ['an auditor does not export', auditor, 'export', 'Directory', { taskForceId: TF }, false],
  [
    'a hub admin does not export (not a task force’s data)',
    hubAdmin,
    'export',
    'Directory',
    { taskForceId: TF },
    false,
  ],
  ['a hub admin does not import', hubAdmin, 'import', 'Directory', { taskForceId: TF }, false],
  ['anonymous does not export', anonymous, 'export', 'Directory', { taskForceId: TF }, false],
];

describe('directory policy: hotlines and the HSDS exchange', () => {
  it.each(table)('%s', (_name, who, action, type, record, allowed) => {
    const tagged = subject(type, record as never) as Parameters<
      ReturnType<typeof defineAbilityFor>['can']
    >[1];
    expect(defineAbilityFor(who).can(action, tagged)).toBe(allowed);
  });
});
