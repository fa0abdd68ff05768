import { randomUUID } from 'node:crypto';
import type { TestHub } from '@hub/testing';
import { codeOf } from './e2e-support';

/** Operations of the platform administrator and of agency admins over their users (issue 14). */
export const AGENCY_FIELDS = `id name type jurisdiction description intakePhone intakeEmail website confidentialLocation
  acceptingReferrals status deactivatedAt version`;
export const CREATE_AGENCY = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { agency { ${AGENCY_FIELDS} } } }`;
export const UPDATE_AGENCY = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { agency { ${AGENCY_FIELDS} } } }`;
export const DEACTIVATE_AGENCY = `mutation($input: DeactivateAgencyInput!) { deactivateAgency(input: $input) { agency { ${AGENCY_FIELDS} } } }`;
export const CREATE_TASK_FORCE = `mutation($input: CreateTaskForceInput!) {
  createTaskForce(input: $input) { taskForce { id name jurisdiction description members { agencyId role } } } }`;
export const ADD_MEMBER = `mutation($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { member { agencyId role } } }`;
export const ME = `{ me { userId username roles agency { id name status } agencyType taskForces { role taskForce { id name } } } }`;
export const USER_FIELDS = `userId agencyId username name email roles firstSeenAt lastSeenAt suspended suspendedAt suspensionReason`;
export const AGENCY_USERS = `query($first: Int, $after: String) { agencyUsers(first: $first, after: $after) {
  edges { cursor node { ${USER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
export const SUSPEND_USER = `mutation($input: SuspendAgencyUserInput!) { suspendAgencyUser(input: $input) { user { ${USER_FIELDS} } } }`;
export const REINSTATE_USER = `mutation($input: ReinstateAgencyUserInput!) { reinstateAgencyUser(input: $input) { user { ${USER_FIELDS} } } }`;
export const CREATE_SURVIVOR = `mutation($input: CreateSurvivorInput!) { createSurvivor(input: $input) { survivor { id ownerAgencyId givenName } } }`;

export interface AgencyNode {
  id: string;
  name: string;
  type: string;
  status: string;
  version: number;
  [field: string]: unknown;
}

/** A person the realm knows but the demo realm does not: their claims, as Keycloak would sign them. */
export interface Person {
  sub: string;
  username: string;
  name: string;
  agencyId: string | null;
  roles: string[];
}

export function person(username: string, agencyId: string | null, roles: string[]): Person {
  return { sub: randomUUID(), username, name: username.replace('.', ' '), agencyId, roles };
}

/**
 * A real access token for `who`, signed with the realm's key (what Keycloak issues to a user an
 * administrator created with an `agency_id` attribute and realm roles).
 */
export async function tokenOf(hub: TestHub, who: Person): Promise<string> {
  const template = hub.idp.accessTokenClaims('ngo.caseworker');
  const { agency_id: _demoAgency, ...claims } = template;
  return hub.idp.signWithRealmKey({
    ...claims,
    jti: randomUUID(),
    sub: who.sub,
    preferred_username: who.username,
    name: who.name,
    email: `${who.username}@example.org`,
    given_name: who.name,
    family_name: '',
    ...(who.agencyId === null ? {} : { agency_id: who.agencyId }),
    realm_access: { roles: [...who.roles, 'default-roles-taskforce', 'offline_access'] },
  });
}

/**
 * The caller sees none of an agency's work (DESIGN.md §4, platform administration): each record by
 * id answers NOT_FOUND, exactly as a missing id; each list of work is empty; the agency's feed and
 * the audit trail are FORBIDDEN.
 */
export async function expectSeesNoWork(
  hub: TestHub,
  as: { user?: string; token?: string },
  work: { survivorId: string; referralId: string; taRequestId?: string },
): Promise<void> {
  const answers: [string, Record<string, unknown>, string][] = [
    ['query($id: ID!) { survivor(id: $id) { id } }', { id: work.survivorId }, 'NOT_FOUND'],
    ['query($id: ID!) { consents(survivorId: $id) { id } }', { id: work.survivorId }, 'NOT_FOUND'],
    ['query($id: ID!) { referral(id: $id) { id } }', { id: work.referralId }, 'NOT_FOUND'],
    ['{ notifications(first: 100) { edges { node { id } } } }', {}, 'FORBIDDEN'],
    ['{ auditEvents(first: 100) { edges { node { id } } } }', {}, 'FORBIDDEN'],
  ];
  if (work.taRequestId)
    answers.push([
      'query($id: ID!) { technicalAssistanceRequest(id: $id) { id } }',
      { id: work.taRequestId },
      'NOT_FOUND',
    ]);
  for (const [query, variables, code] of answers) {
    expect([query, codeOf(await hub.gql(query, variables, as))]).toEqual([query, code]);
  }
  const lists = [
    '{ list: survivors(first: 100) { edges { node { id } } } }',
    '{ list: referrals(box: RECEIVED, first: 100) { edges { node { id } } } }',
    '{ list: referrals(box: SENT, first: 100) { edges { node { id } } } }',
    '{ list: technicalAssistanceRequests(first: 100) { edges { node { id } } } }',
    '{ list: protocols(first: 100) { edges { node { id } } } }',
    '{ list: pendingAcknowledgements(first: 100) { edges { node { id } } } }',
    '{ list: breakGlassSessions(first: 100) { edges { node { id } } } }',
  ];
  for (const query of lists) {
    const response = await hub.gql<{ list: { edges: unknown[] } }>(query, {}, as);
    expect([query, response.body.errors, response.body.data?.list.edges]).toEqual([query, undefined, []]);
  }
}

/**
 * A second task force, registered through the API by `hub.admin`: its own coordinating agency and
 * a coordinator of it (a token like Keycloak's for a user with that agency_id). For checks that a
 * coordinator of one task force cannot act on another's records.
 */
export async function coordinatorOfNewTaskForce(
  hub: TestHub,
  name: string,
): Promise<{ taskForceId: string; agencyId: string; token: string }> {
  const data = <T>(response: { body: { data?: T | null } }): T => {
    if (!response.body.data) throw new Error(`expected data: ${JSON.stringify(response.body)}`);
    return response.body.data;
  };
  const agency = data(
    await hub.gql<{ createAgency: { agency: { id: string } } }>(
      CREATE_AGENCY,
      { input: { name: `${name} Office`, type: 'COORDINATOR', jurisdiction: name } },
      { user: 'hub.admin' },
    ),
  ).createAgency.agency;
  const taskForce = data(
    await hub.gql<{ createTaskForce: { taskForce: { id: string } } }>(
      CREATE_TASK_FORCE,
      { input: { name: `${name} Task Force`, jurisdiction: name, coordinatingAgencyId: agency.id } },
      { user: 'hub.admin' },
    ),
  ).createTaskForce.taskForce;
  const token = await tokenOf(
    hub,
    person(`${name.toLowerCase().replace(/\W+/g, '')}.coordinator`, agency.id, ['coordinator']),
  );
  return { taskForceId: taskForce.id, agencyId: agency.id, token };
}
