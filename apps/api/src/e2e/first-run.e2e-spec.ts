import { bootstrapFirstTaskForce, BootstrapResult } from '@hub/agencies';
import { expectNothingWritten, TestHub } from '@hub/testing';
import { codeOf, rawGql, rows } from './e2e-support';
import { startHub } from './hub';
import {
  ADD_MEMBER,
  AgencyNode,
  CREATE_AGENCY,
  CREATE_SURVIVOR,
  DEACTIVATE_AGENCY,
  expectSeesNoWork,
  ME,
  person,
  Person,
  tokenOf,
} from './platform-support';
import { CREATE_REFERRAL, MUTATION, transitionMutation } from './referrals-lifecycle-support';
import { consentInput, ok, RECORD_CONSENT } from './survivor-support';

/**
 * Issue 14, "Tests that must exist": a fresh database with no demo data goes from the bootstrap to
 * its first referral through the API only — agencies and a task force registered, people of new
 * agencies (Keycloak users carrying their agency's id) signing in — and the platform administrator
 * takes an agency off the hub without ever seeing its work.
 */
describe('first run: an empty database to the first referral (e2e, no demo data)', () => {
  let hub: TestHub;
  let first: BootstrapResult;
  const tokens = new Map<string, string>();
  const people: Record<string, Person> = {};

  beforeAll(async () => {
    hub = await startHub({ seed: undefined });
  });
  afterAll(async () => {
    await hub.close();
  });

  const as = async (name: string) => ({ token: tokens.get(name) ?? (await signIn(name)) });
  const signIn = async (name: string) => {
    const token = await tokenOf(hub, people[name]);
    tokens.set(name, token);
    return token;
  };
  const bootstrap = () =>
    bootstrapFirstTaskForce(hub.db.ownerUrl, {
      taskForce: { name: 'Lake County Anti-Trafficking Task Force', jurisdiction: 'Lake County' },
      coordinatingAgency: { name: 'Lake County Task Force Office', intakeEmail: 'office@lake.example.org' },
      hubAdmin: { username: 'jordan.blake', email: 'jordan.blake@lake.example.org' },
    });

  it('starts empty: the database holds no agency and no task force', async () => {
    expect(
      await rows(
        hub,
        'SELECT (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM task_force)::int AS task_forces',
      ),
    ).toEqual([{ agencies: 0, task_forces: 0 }]);
  });

  it('bootstraps the coordinating office, its task force and what the first hub administrator needs; a second run writes nothing', async () => {
    first = await bootstrap();
    expect(first).toEqual({
      taskForce: {
        id: expect.any(String),
        name: 'Lake County Anti-Trafficking Task Force',
        jurisdiction: 'Lake County',
      },
      coordinatingAgency: {
        id: expect.any(String),
        name: 'Lake County Task Force Office',
        type: 'COORDINATOR',
      },
      hubAdmin: {
        username: 'jordan.blake',
        realmRole: 'hub_admin',
        agencyId: first.coordinatingAgency.id,
        keycloak: {
          ifResourceExists: 'SKIP',
          users: [
            {
              username: 'jordan.blake',
              email: 'jordan.blake@lake.example.org',
              enabled: true,
              attributes: { agency_id: [first.coordinatingAgency.id] },
              realmRoles: ['hub_admin'],
            },
          ],
        },
      },
    });
    const before = await hub.watermark();
    expect(await bootstrap()).toEqual(first);
    await expectNothingWritten(hub, before);
    const office = first.coordinatingAgency.id;
    people.admin = { ...person('jordan.blake', office, ['hub_admin']), name: 'Jordan Blake' };
    people.coordinator = person('lake.coordinator', office, ['coordinator', 'agency_admin']);
  });

  it('the hub administrator, as Keycloak signs them in with the office’s agency_id, finds their agency with `me`', async () => {
    const me = ok(await hub.gql<{ me: Record<string, unknown> }>(ME, {}, await as('admin'))).me;
    expect(me).toEqual({
      userId: people.admin.sub,
      username: 'jordan.blake',
      roles: ['hub_admin'],
      agency: { id: first.coordinatingAgency.id, name: 'Lake County Task Force Office', status: 'ACTIVE' },
      agencyType: 'COORDINATOR',
      taskForces: [{ role: 'MEMBER', taskForce: { id: first.taskForce.id, name: first.taskForce.name } }],
    });
  });

  it('registers two agencies; the coordinator adds them to the task force; their people sign in and `me` names them', async () => {
    const register = async (name: string) =>
      ok(
        await hub.gql<{ createAgency: { agency: AgencyNode } }>(
          CREATE_AGENCY,
          { input: { name, type: 'NGO', jurisdiction: 'Lake County' } },
          await as('admin'),
        ),
      ).createAgency.agency;
    const northside = await register('Northside Survivor Services');
    const eastside = await register('Eastside Legal Aid');
    people.northsideCaseworker = person('north.caseworker', northside.id, ['caseworker']);
    people.eastsideLead = person('east.lead', eastside.id, ['supervisor', 'agency_admin']);
    for (const agencyId of [northside.id, eastside.id]) {
      ok(
        await hub.gql(
          ADD_MEMBER,
          { input: { taskForceId: first.taskForce.id, agencyId, role: 'MEMBER' } },
          await as('coordinator'),
        ),
      );
    }
    // Eastside's admin opens its directory entry to referrals.
    ok(
      await hub.gql(
        `mutation($input: UpdateAgencyProfileInput!) { updateAgencyProfile(input: $input) { agency { id } } }`,
        {
          input: {
            agencyId: eastside.id,
            expectedVersion: eastside.version,
            services: ['LEGAL'],
            acceptingReferrals: true,
          },
        },
        await as('eastsideLead'),
      ),
    );
    const me = ok(await hub.gql<{ me: Record<string, unknown> }>(ME, {}, await as('northsideCaseworker'))).me;
    expect(me).toMatchObject({
      username: 'north.caseworker',
      roles: ['caseworker'],
      agency: { id: northside.id, name: 'Northside Survivor Services', status: 'ACTIVE' },
      agencyType: 'NGO',
      taskForces: [{ role: 'MEMBER', taskForce: { id: first.taskForce.id } }],
    });
  });

  let survivorId: string;
  let referralId: string;

  it('a caseworker of the new agency records a survivor and a consent, and sends the first referral, which the recipient acknowledges', async () => {
    const northside = people.northsideCaseworker.agencyId as string;
    const eastside = people.eastsideLead.agencyId as string;
    const survivor = ok(
      await hub.gql<{ createSurvivor: { survivor: { id: string; ownerAgencyId: string } } }>(
        CREATE_SURVIVOR,
        {
          input: {
            givenName: 'Amaru',
            preferredLanguage: 'es',
            needs: [{ need: 'LEGAL', priority: 'HIGH' }],
          },
        },
        await as('northsideCaseworker'),
      ),
    ).createSurvivor.survivor;
    expect(survivor.ownerAgencyId).toBe(northside);
    survivorId = survivor.id;
    ok(
      await hub.gql(
        RECORD_CONSENT,
        { input: consentInput(survivorId, { recipientAgencyIds: [eastside] }) },
        await as('northsideCaseworker'),
      ),
    );
    const created = ok(
      await hub.gql<{ createReferral: { referral: { id: string; version: number } } }>(
        CREATE_REFERRAL,
        {
          input: {
            toAgencyId: eastside,
            needs: ['LEGAL'],
            urgency: 'URGENT',
            survivorId,
            consentId: (
              await rows<{ id: string }>(hub, 'SELECT id FROM consent WHERE survivor_id = $1', [survivorId])
            )[0].id,
            sharedClasses: ['IDENTITY', 'NEEDS'],
          },
        },
        await as('northsideCaseworker'),
      ),
    ).createReferral.referral;
    referralId = created.id;
    const sent = ok(
      await hub.gql<Record<string, { referral: { status: string; version: number } }>>(
        transitionMutation('send'),
        { input: { referralId, expectedVersion: created.version } },
        await as('northsideCaseworker'),
      ),
    )[MUTATION.send.name].referral;
    expect(sent.status).toBe('SENT');
    const acknowledged = ok(
      await hub.gql<Record<string, { referral: { status: string } }>>(
        transitionMutation('acknowledge'),
        { input: { referralId, expectedVersion: sent.version } },
        await as('eastsideLead'),
      ),
    )[MUTATION.acknowledge.name].referral;
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
  });

  it('the hub administrator cannot read that survivor, its consent or the referral', async () => {
    await expectSeesNoWork(hub, await as('admin'), { survivorId, referralId });
  });

  it('deactivating the new agency cuts its caseworker off at once (403 AGENCY_DEACTIVATED on the same token)', async () => {
    const northside = people.northsideCaseworker.agencyId as string;
    const token = tokens.get('northsideCaseworker') as string;
    const [{ version }] = await rows<{ version: number }>(hub, 'SELECT version FROM agency WHERE id = $1', [
      northside,
    ]);
    ok(
      await hub.gql(
        DEACTIVATE_AGENCY,
        { input: { agencyId: northside, expectedVersion: version, reason: 'Merged into Eastside' } },
        await as('admin'),
      ),
    );
    for (const query of [ME, `{ survivor(id: "${survivorId}") { id } }`]) {
      const response = await rawGql(hub, query, {}, { authorization: `Bearer ${token}` });
      expect([response.status, codeOf(response), response.body.errors?.[0].extensions?.reason]).toEqual([
        403,
        'FORBIDDEN',
        'AGENCY_DEACTIVATED',
      ]);
    }
    // Its survivor record stays, owned by it (records stay; nobody reads it through a refused token).
    expect(await rows(hub, 'SELECT owner_agency_id FROM survivor WHERE id = $1', [survivorId])).toEqual([
      { owner_agency_id: northside },
    ]);
  });
});
