import { demoUser, expectNothingWritten, expectOnlyDenied, inputFields, TestHub } from '@hub/testing';
import { codeOf, rawGql, rows } from './e2e-support';
import { startHub } from './hub';
import { AGENCY_USERS, ME, person, REINSTATE_USER, SUSPEND_USER, tokenOf } from './platform-support';
import { expectError, ok } from './survivor-support';

const ADMIN = 'ngo.lead';

interface UserNode {
  userId: string;
  agencyId: string;
  username: string;
  roles: string[];
  lastSeenAt: string;
  suspended: boolean;
  suspendedAt: string | null;
  suspensionReason: string | null;
}
type Page = {
  agencyUsers: {
    edges: { cursor: string; node: UserNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('people in an agency, seen from the hub (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const list = async (user: string, args: { first?: number; after?: string } = {}) =>
    ok(await hub.gql<Page>(AGENCY_USERS, args, { user })).agencyUsers;
  const suspend = (userId: string, reason: string, user = ADMIN) =>
    hub.gql<{ suspendAgencyUser: { user: UserNode } }>(SUSPEND_USER, { input: { userId, reason } }, { user });
  const reinstate = (userId: string, user = ADMIN) =>
    hub.gql<{ reinstateAgencyUser: { user: UserNode } }>(REINSTATE_USER, { input: { userId } }, { user });
  const caseworker = demoUser('ngo.caseworker');

  it('lists the users the hub has seen for the admin’s agency, from their tokens, by username, and no one else', async () => {
    const users = await list(ADMIN);
    expect(users.edges.map((edge) => edge.node)).toEqual([
      {
        userId: caseworker.sub,
        agencyId: caseworker.agencyId,
        username: 'ngo.caseworker',
        name: 'Nadia Okafor',
        email: 'ngo.caseworker@demo.taskforce.example',
        roles: ['caseworker'],
        firstSeenAt: expect.any(String),
        lastSeenAt: expect.any(String),
        suspended: false,
        suspendedAt: null,
        suspensionReason: null,
      },
      expect.objectContaining({ username: 'ngo.lead', roles: ['agency_admin', 'supervisor'] }),
    ]);
    // Page by page without gaps: the same users, one at a time.
    const first = await list(ADMIN, { first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(ADMIN, { first: 1, after: first.pageInfo.endCursor ?? undefined });
    expect([...first.edges, ...second.edges].map((e) => e.node.username)).toEqual([
      'ngo.caseworker',
      'ngo.lead',
    ]);
    // Another agency's admin sees their own people only; a caseworker sees nobody.
    expect((await list('legal.lead')).edges.map((e) => e.node.username)).toEqual([
      'legal.caseworker',
      'legal.lead',
    ]);
    expect((await list('ngo.caseworker')).edges).toEqual([]);
  });

  it('records a sighting at most every few minutes: more requests from the same token write nothing', async () => {
    const read = () =>
      rows<{ xmin: string; last_seen_at: Date }>(
        hub,
        'SELECT xmin::text, last_seen_at FROM agency_user WHERE user_id = $1',
        [caseworker.sub],
      );
    const before = await read();
    for (let i = 0; i < 3; i += 1) ok(await hub.gql(ME, {}, { user: 'ngo.caseworker' }));
    expect(await read()).toEqual(before);
    // A new user of a registered agency is seen on their first request, with the hub's roles only.
    const newcomer = person('new.caseworker', caseworker.agencyId, ['caseworker']);
    ok(await hub.gql(ME, {}, { token: await tokenOf(hub, newcomer) }));
    expect(
      await rows(hub, 'SELECT username, roles FROM agency_user WHERE user_id = $1', [newcomer.sub]),
    ).toEqual([{ username: 'new.caseworker', roles: ['caseworker'] }]);
  });

  it('suspends a user: refused at once (403 USER_SUSPENDED), audited; again writes nothing; reinstating lets them back', async () => {
    const token = await hub.idp.tokenFor('ngo.caseworker');
    // Let in once first: the token's verification is then remembered (TokenVerifier), and the
    // suspension must still bite on the same token.
    expect((await rawGql(hub, ME, {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    const suspended = ok(await suspend(caseworker.sub, '  Left the agency  ')).suspendAgencyUser.user;
    expect(suspended).toMatchObject({
      userId: caseworker.sub,
      suspended: true,
      suspensionReason: 'Left the agency',
    });
    const refused = await rawGql(hub, ME, {}, { authorization: `Bearer ${token}` });
    expect([refused.status, refused.body.errors?.[0].extensions]).toEqual([
      403,
      { code: 'FORBIDDEN', reason: 'USER_SUSPENDED' },
    ]);
    expect(
      await rows(
        hub,
        `SELECT action, actor_user_id, decision, reason, subject_agency_ids FROM audit_event
          WHERE subject_type = 'AgencyUser' AND subject_id = $1 ORDER BY id`,
        [caseworker.sub],
      ),
    ).toEqual([
      {
        action: 'SUSPEND_AGENCY_USER',
        actor_user_id: demoUser(ADMIN).sub,
        decision: 'ALLOWED',
        reason: 'Left the agency',
        subject_agency_ids: [caseworker.agencyId],
      },
    ]);
    // The same user, the same agency: nobody else is touched.
    ok(await hub.gql(ME, {}, { user: 'legal.caseworker' }));

    const before = await hub.watermark();
    expect(ok(await suspend(caseworker.sub, 'Again')).suspendAgencyUser.user.suspensionReason).toBe(
      'Left the agency',
    );
    await expectNothingWritten(hub, before);

    const back = ok(await reinstate(caseworker.sub)).reinstateAgencyUser.user;
    expect(back).toMatchObject({ suspended: false, suspendedAt: null, suspensionReason: null });
    expect(ok(await hub.gql<{ me: { username: string } }>(ME, {}, { token })).me.username).toBe(
      'ngo.caseworker',
    );
    const after = await hub.watermark();
    ok(await reinstate(caseworker.sub));
    await expectNothingWritten(hub, after);
  });

  it('refuses another agency’s admin and a caseworker as for a user that does not exist (NOT_FOUND, for auditors only), nothing written', async () => {
    for (const user of ['legal.lead', 'ngo.caseworker', 'hub.admin']) {
      for (const [mutation, input] of [
        [SUSPEND_USER, { userId: caseworker.sub, reason: 'x' }],
        [REINSTATE_USER, { userId: caseworker.sub }],
      ] as const) {
        const before = await hub.watermark();
        expectError(await hub.gql(mutation, { input }, { user }), 'NOT_FOUND');
        await expectOnlyDenied(hub, before, {
          user,
          action: mutation === SUSPEND_USER ? 'SUSPEND_AGENCY_USER' : 'REINSTATE_AGENCY_USER',
          subjectType: 'AgencyUser',
          subjectId: caseworker.sub,
          reason: 'NOT_FOUND',
        });
      }
    }
  });

  it('refuses an admin suspending themself (FORBIDDEN, audited), nothing written', async () => {
    const before = await hub.watermark();
    expectError(await suspend(demoUser(ADMIN).sub, 'Oops'), 'FORBIDDEN');
    await expectOnlyDenied(hub, before, {
      user: ADMIN,
      action: 'SUSPEND_AGENCY_USER',
      subjectType: 'AgencyUser',
      subjectId: demoUser(ADMIN).sub,
    });
  });

  it('answers bad input with BAD_USER_INPUT naming the fields, nothing written', async () => {
    const before = await hub.watermark();
    const empty = await suspend('', '');
    expect([codeOf(empty), [...new Set(inputFields(empty.body.errors?.[0]))].sort()]).toEqual([
      'BAD_USER_INPUT',
      ['reason', 'userId'],
    ]);
    const blank = await suspend(caseworker.sub, '   ');
    expect([codeOf(blank), inputFields(blank.body.errors?.[0])]).toEqual(['BAD_USER_INPUT', ['reason']]);
    const long = await suspend(caseworker.sub, 'r'.repeat(501));
    expect([codeOf(long), inputFields(long.body.errors?.[0])]).toEqual(['BAD_USER_INPUT', ['reason']]);
    await expectNothingWritten(hub, before);
  });
});
