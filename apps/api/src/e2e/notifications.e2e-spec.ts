import { randomUUID } from 'node:crypto';
import { Transactions } from '@hub/database';
import { DEMO_AGENCY_IDS, DEMO_USERS } from '@hub/demo-data';
import { Notice, NotificationPublisher } from '@hub/notifications';
import { expectOnlyDenied, TestHub } from '@hub/testing';
import { codeOf, rows } from './e2e-support';
import { startHub } from './hub';

const FEED = `query Feed($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id eventType subjectType subjectId message createdAt read } }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}`;
const MARK = `mutation Mark($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) { marked unreadCount }
}`;

interface Node {
  id: string;
  eventType: string;
  subjectType: string;
  subjectId: string;
  message: string;
  createdAt: string;
  read: boolean;
}
type Feed = {
  notifications: {
    edges: { cursor: string; node: Node }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  unreadNotificationCount: number;
};
type Marked = {
  markNotificationsRead: { marked: number; unreadCount: number };
};

const HARBOR = DEMO_AGENCY_IDS.harborLight;
const SAFE_PASSAGE = DEMO_AGENCY_IDS.safePassage;
const subOf = (username: string) => {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.sub;
};

describe('notifications (e2e)', () => {
  let hub: TestHub;
  // Subject ids of what was published, by name, so assertions read as the story.
  const subjects = {
    h1: `referral-${randomUUID()}`,
    s1: `referral-${randomUUID()}`,
    h2: `referral-${randomUUID()}`,
    both: `protocol-${randomUUID()}`,
    h3: `referral-${randomUUID()}`,
  };

  beforeAll(async () => {
    hub = await startHub();
    const publisher = hub.app.get(NotificationPublisher);
    const transactions = hub.app.get(Transactions);
    const notices: Notice[] = [
      {
        agencyIds: [HARBOR],
        eventType: 'REFERRAL_RECEIVED',
        subjectType: 'Referral',
        subjectId: subjects.h1,
        message: 'New referral R-1001 from Safe Passage Legal Aid',
      },
      {
        agencyIds: [SAFE_PASSAGE],
        eventType: 'REFERRAL_ACCEPTED',
        subjectType: 'Referral',
        subjectId: subjects.s1,
        message: 'Referral R-1002 was accepted',
      },
      {
        agencyIds: [HARBOR],
        eventType: 'REFERRAL_WITHDRAWN',
        subjectType: 'Referral',
        subjectId: subjects.h2,
        message: 'Referral R-1003 was withdrawn',
      },
      {
        agencyIds: [HARBOR, SAFE_PASSAGE],
        eventType: 'PROTOCOL_PUBLISHED',
        subjectType: 'Protocol',
        subjectId: subjects.both,
        message: 'Referral protocol v2 was published',
      },
      {
        agencyIds: [HARBOR],
        eventType: 'REFERRAL_RECEIVED',
        subjectType: 'Referral',
        subjectId: subjects.h3,
        message: 'New referral R-1004 from Bayview Police Department',
      },
    ];
    // One transaction each, in order, so each has its own created_at.
    for (const notice of notices) await transactions.run((tx) => publisher.publish(tx, notice));
  });
  afterAll(async () => {
    await hub.close();
  });

  const feed = (user: string | undefined, variables: Record<string, unknown> = {}) =>
    hub.gql<Feed>(FEED, variables, user ? { user } : undefined);
  const mark = (user: string | undefined, input: Record<string, unknown>) =>
    hub.gql<Marked>(MARK, { input }, user ? { user } : undefined);
  const feedOf = async (user: string, variables: Record<string, unknown> = {}) => {
    const { status, body } = await feed(user, { first: 100, ...variables });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    if (!body.data) throw new Error('no data');
    return {
      nodes: body.data.notifications.edges.map((edge) => edge.node),
      unread: body.data.unreadNotificationCount,
    };
  };
  const idOf = async (user: string, subjectId: string) => {
    const node = (await feedOf(user)).nodes.find((n) => n.subjectId === subjectId);
    if (!node) throw new Error(`${user} has no notification about ${subjectId}`);
    return node.id;
  };
  const readMarks = () =>
    rows<{ notification_id: string; user_id: string }>(
      hub,
      'SELECT notification_id, user_id FROM notification_read ORDER BY notification_id, user_id',
    );

  it("shows ngo.caseworker only Harbor Light's notifications, newest first, all unread", async () => {
    const { nodes, unread } = await feedOf('ngo.caseworker');
    expect(nodes.map((n) => n.subjectId)).toEqual([subjects.h3, subjects.both, subjects.h2, subjects.h1]);
    expect(nodes.every((n) => !n.read)).toBe(true);
    expect(unread).toBe(4);
    expect(nodes[0]).toEqual({
      id: expect.any(String),
      eventType: 'REFERRAL_RECEIVED',
      subjectType: 'Referral',
      subjectId: subjects.h3,
      message: 'New referral R-1004 from Bayview Police Department',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      read: false,
    });
  });

  it("shows legal.caseworker only Safe Passage's notifications", async () => {
    const { nodes, unread } = await feedOf('legal.caseworker');
    expect(nodes.map((n) => [n.subjectId, n.eventType])).toEqual([
      [subjects.both, 'PROTOCOL_PUBLISHED'],
      [subjects.s1, 'REFERRAL_ACCEPTED'],
    ]);
    expect(unread).toBe(2);
  });

  it('shows an agency that was not notified an empty feed', async () => {
    expect(await feedOf('pd.investigator')).toEqual({ nodes: [], unread: 0 });
  });

  it('pages by cursor without gaps or repeats', async () => {
    const first = await feed('ngo.caseworker', { first: 3 });
    expect(first.body.data?.notifications.pageInfo.hasNextPage).toBe(true);
    const second = await feed('ngo.caseworker', {
      first: 3,
      after: first.body.data?.notifications.pageInfo.endCursor,
    });
    expect(second.body.data?.notifications.pageInfo.hasNextPage).toBe(false);
    expect(
      [...(first.body.data?.notifications.edges ?? []), ...(second.body.data?.notifications.edges ?? [])].map(
        (edge) => edge.node.subjectId,
      ),
    ).toEqual([subjects.h3, subjects.both, subjects.h2, subjects.h1]);
  });

  it('wrote one notification.created outbox row per notification, without the message', async () => {
    const outbox = await rows<{ topic: string; payload: Record<string, unknown>; processed_at: Date | null }>(
      hub,
      `SELECT topic, payload, processed_at FROM outbox WHERE topic = 'notification.created' ORDER BY id`,
    );
    expect(outbox).toHaveLength(6);
    expect(outbox.every((row) => row.processed_at === null)).toBe(true);
    for (const { payload } of outbox) {
      expect(Object.keys(payload).sort()).toEqual([
        'agencyId',
        'eventType',
        'notificationId',
        'subjectId',
        'subjectType',
      ]);
    }
    expect(
      outbox
        .filter((row) => row.payload.subjectId === subjects.both)
        .map((row) => row.payload.agencyId)
        .sort(),
    ).toEqual([HARBOR, SAFE_PASSAGE].sort());
  });

  describe('notification (one, by id: where e-mails link)', () => {
    const ONE = `query One($id: ID!) { notification(id: $id) { id eventType subjectType subjectId read } }`;
    const one = (user: string | undefined, id: string) =>
      hub.gql<{ notification: Omit<Node, 'message' | 'createdAt'> }>(
        ONE,
        { id },
        user ? { user } : undefined,
      );

    it("answers one of the caller's agency's notifications", async () => {
      const id = await idOf('legal.caseworker', subjects.s1);
      const { status, body } = await one('legal.caseworker', id);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.notification).toEqual({
        id,
        eventType: 'REFERRAL_ACCEPTED',
        subjectType: 'Referral',
        subjectId: subjects.s1,
        read: false,
      });
    });

    it("answers another agency's notification exactly like a missing one: NOT_FOUND, audited as DENIED", async () => {
      for (const id of [await idOf('legal.caseworker', subjects.s1), randomUUID()]) {
        const before = await hub.watermark();
        const response = await one('ngo.caseworker', id);
        expect(response.status).toBe(200);
        expect(codeOf(response)).toBe('NOT_FOUND');
        expect(response.body.data ?? null).toBeNull();
        await expectOnlyDenied(hub, before, {
          user: 'ngo.caseworker',
          action: 'READ_NOTIFICATION',
          subjectType: 'Notification',
          subjectId: id,
          reason: 'NOT_FOUND',
        });
      }
    });

    it('without a token is 401 UNAUTHENTICATED', async () => {
      const response = await one(undefined, randomUUID());
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
    });
  });

  describe('without a token', () => {
    it('the feed is 401 UNAUTHENTICATED', async () => {
      const response = await feed(undefined);
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      expect(response.body.data ?? null).toBeNull();
    });

    it('marking is 401 UNAUTHENTICATED and marks nothing', async () => {
      const before = await readMarks();
      const response = await mark(undefined, { all: true });
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      expect(await readMarks()).toEqual(before);
    });
  });

  describe('markNotificationsRead', () => {
    it('marks by id for the caller only', async () => {
      const ids = [await idOf('ngo.caseworker', subjects.h1), await idOf('ngo.caseworker', subjects.h2)];
      const { status, body } = await mark('ngo.caseworker', { ids });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.markNotificationsRead).toEqual({ marked: 2, unreadCount: 2 });

      const after = await feedOf('ngo.caseworker');
      expect(after.nodes.map((n) => [n.subjectId, n.read])).toEqual([
        [subjects.h3, false],
        [subjects.both, false],
        [subjects.h2, true],
        [subjects.h1, true],
      ]);
      expect(after.unread).toBe(2);
      expect((await feedOf('ngo.caseworker', { unreadOnly: true })).nodes.map((n) => n.subjectId)).toEqual([
        subjects.h3,
        subjects.both,
      ]);
      // Read is per user: the colleague in the same agency still has all four unread.
      const colleague = await feedOf('ngo.lead');
      expect(colleague.unread).toBe(4);
      expect(colleague.nodes.every((n) => !n.read)).toBe(true);
      expect(await readMarks()).toEqual(
        [...ids].sort().map((id) => ({ notification_id: id, user_id: subOf('ngo.caseworker') })),
      );
    });

    it('is idempotent: the same ids again mark nothing', async () => {
      const before = await readMarks();
      const ids = [await idOf('ngo.caseworker', subjects.h1), await idOf('ngo.caseworker', subjects.h2)];
      const { body } = await mark('ngo.caseworker', { ids });
      expect(body.data?.markNotificationsRead).toEqual({ marked: 0, unreadCount: 2 });
      expect(await readMarks()).toEqual(before);
    });

    it("treats another agency's notification as missing: marks nothing, changes nothing", async () => {
      const before = await readMarks();
      const theirs = await idOf('legal.caseworker', subjects.s1);
      const { status, body } = await mark('ngo.caseworker', { ids: [theirs, randomUUID()] });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.markNotificationsRead).toEqual({ marked: 0, unreadCount: 2 });
      expect(await readMarks()).toEqual(before);
      expect((await feedOf('legal.caseworker')).unread).toBe(2);
    });

    it.each([
      ['no ids and no all', {}],
      ['empty ids', { ids: [] }],
      ['all: false without ids', { all: false }],
      ['101 ids', { ids: Array.from({ length: 101 }, () => randomUUID()) }],
      ['a non-uuid id', { ids: ['not-a-notification'] }],
      ['a numeric id', { ids: [42] }],
      ['ids and all: true', { ids: [randomUUID()], all: true }],
    ])('%s is BAD_USER_INPUT and changes nothing', async (_name, input) => {
      const before = await readMarks();
      const response = await mark('ngo.caseworker', input);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.body.data ?? null).toBeNull();
      expect(await readMarks()).toEqual(before);
    });

    it('a cursor it did not make is BAD_USER_INPUT', async () => {
      expect(codeOf(await feed('ngo.caseworker', { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    });

    it("marks all of the caller's agency's, and only for the caller", async () => {
      const { body } = await mark('ngo.caseworker', { all: true });
      expect(body.errors).toBeUndefined();
      expect(body.data?.markNotificationsRead).toEqual({ marked: 2, unreadCount: 0 });
      expect((await mark('ngo.caseworker', { all: true })).body.data?.markNotificationsRead).toEqual({
        marked: 0,
        unreadCount: 0,
      });
      const mine = await feedOf('ngo.caseworker');
      expect(mine.nodes.every((n) => n.read)).toBe(true);
      expect((await feedOf('ngo.caseworker', { unreadOnly: true })).nodes).toEqual([]);
      expect((await feedOf('ngo.lead')).unread).toBe(4);
      expect((await feedOf('legal.caseworker')).unread).toBe(2);
      const marks = await readMarks();
      expect(marks).toHaveLength(4);
      expect(marks.every((m) => m.user_id === subOf('ngo.caseworker'))).toBe(true);
      expect(marks.map((m) => m.notification_id).sort()).toEqual(mine.nodes.map((n) => n.id).sort());
    });
  });
});
