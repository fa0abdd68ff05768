import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { agenciesMigrations } from '@hub/agencies';
import { auditEntities, auditMigrations, AuditWriter } from '@hub/audit';
import { Actor } from '@hub/authz';
import { AccessScope, defineAbilityFor } from '@hub/access';
import { dataSourceOptions, databaseMigrations, Transactions } from '@hub/database';
import { createTestDatabase, LastQuery, planOf, TestDatabase } from '@hub/testing';
import { Refusals } from '@hub/workflow';
import { notificationsMigrations } from '../migrations';
import { notificationsEntities } from '../notifications.entities';
import { MarkNotificationsReadInput } from './mark-notifications-read.input';
import { Notice, NotificationPublisher } from './notification-publisher';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';

const agency = (n: number) => `0b7e2d4c-6c2f-4d22-8e2b-${String(n).padStart(12, '0')}`;
const PUBLISH_A = agency(1);
const PUBLISH_B = agency(2);
const FEED = agency(3);
const OWN = agency(4);
const OTHER = agency(5);

const scopeOf = (userId: string | null, agencyId: string | null): AccessScope => {
  const actor: Actor = { userId, agencyId, agencyType: 'NGO', roles: ['caseworker'], taskForceIds: [] };
  return { actor, ability: defineAbilityFor(actor) };
};
const input = (value: Partial<MarkNotificationsReadInput>): MarkNotificationsReadInput =>
  Object.assign(new MarkNotificationsReadInput(), value);

describe('notifications (integration, real PostgreSQL and migrations, as the API role)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let transactions: Transactions;
  let publisher: NotificationPublisher;
  let service: NotificationService;
  const last = new LastQuery(/^\s*SELECT n\.id/i);

  beforeAll(async () => {
    db = await createTestDatabase([
      ...databaseMigrations,
      ...agenciesMigrations,
      ...auditMigrations,
      ...notificationsMigrations,
    ]);
    // The API role, not the owner: proves hub_api may write and read everything this lib needs.
    dataSource = new DataSource({
      ...dataSourceOptions({ url: db.apiUrl, entities: [...notificationsEntities, ...auditEntities] }),
      logging: ['query'],
      logger: last,
    });
    await dataSource.initialize();
    const repository = new NotificationRepository(dataSource);
    transactions = new Transactions(dataSource);
    publisher = new NotificationPublisher(repository);
    const audit = new AuditWriter(transactions);
    service = new NotificationService(repository, transactions, audit, new Refusals(audit));
    await dataSource.query(
      `INSERT INTO agency (id, name, type, jurisdiction)
       SELECT id, 'Agency ' || id, 'NGO', 'Bay County' FROM unnest($1::uuid[]) AS id`,
      [[PUBLISH_A, PUBLISH_B, FEED, OWN, OTHER]],
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const notice = (overrides: Partial<Notice> = {}): Notice => ({
    agencyIds: [PUBLISH_A],
    eventType: 'REFERRAL_RECEIVED',
    subjectType: 'Referral',
    subjectId: randomUUID(),
    message: 'A referral for survivor R-1042 arrived',
    ...overrides,
  });
  const notificationsAbout = (subjectId: string) =>
    dataSource.query(
      `SELECT id, agency_id, event_type, subject_type, subject_id, message FROM notification WHERE subject_id = $1`,
      [subjectId],
    ) as Promise<Record<string, string>[]>;
  const outboxAbout = (subjectId: string) =>
    dataSource.query(
      `SELECT topic, payload, processed_at, attempts FROM outbox WHERE payload->>'subjectId' = $1 ORDER BY id`,
      [subjectId],
    ) as Promise<
      { topic: string; payload: Record<string, string>; processed_at: Date | null; attempts: number }[]
    >;

  describe('NotificationPublisher', () => {
    it("writes one notification per agency and one outbox row per notification, in the caller's transaction", async () => {
      const published = notice({ agencyIds: [PUBLISH_A, PUBLISH_B, PUBLISH_A] });
      await transactions.run(async (tx) => {
        await publisher.publish(tx, published);
        const inside = (await tx.query(`SELECT count(*)::int AS n FROM notification WHERE subject_id = $1`, [
          published.subjectId,
        ])) as { n: number }[];
        expect(inside[0].n).toBe(2);
        // Another connection sees nothing before the commit: the rows are the caller's transaction's.
        expect(await notificationsAbout(published.subjectId)).toEqual([]);
        expect(await outboxAbout(published.subjectId)).toEqual([]);
      });

      const notifications = await notificationsAbout(published.subjectId);
      expect(notifications.map((n) => n.agency_id).sort()).toEqual([PUBLISH_A, PUBLISH_B]);
      for (const n of notifications) {
        expect(n).toMatchObject({
          event_type: 'REFERRAL_RECEIVED',
          subject_type: 'Referral',
          subject_id: published.subjectId,
          message: published.message,
        });
      }
      const outbox = await outboxAbout(published.subjectId);
      expect(outbox).toHaveLength(2);
      expect(outbox.map((row) => row.payload).sort((a, b) => a.agencyId.localeCompare(b.agencyId))).toEqual(
        notifications
          .map((n) => ({
            notificationId: n.id,
            agencyId: n.agency_id,
            eventType: 'REFERRAL_RECEIVED',
            subjectType: 'Referral',
            subjectId: published.subjectId,
          }))
          .sort((a, b) => a.agencyId.localeCompare(b.agencyId)),
      );
      for (const row of outbox) {
        expect(row).toMatchObject({ topic: 'notification.created', processed_at: null, attempts: 0 });
      }
    });

    it('writes nothing when the transaction rolls back', async () => {
      const published = notice({ agencyIds: [PUBLISH_A, PUBLISH_B] });
      await expect(
        transactions.run(async (tx) => {
          await publisher.publish(tx, published);
          throw new Error('the change that caused it failed');
        }),
      ).rejects.toThrow('the change that caused it failed');
      expect(await notificationsAbout(published.subjectId)).toEqual([]);
      expect(await outboxAbout(published.subjectId)).toEqual([]);
    });

    it('writes nothing, and does not fail, for no agencies', async () => {
      const published = notice({ agencyIds: [] });
      await transactions.run((tx) => publisher.publish(tx, published));
      expect(await notificationsAbout(published.subjectId)).toEqual([]);
      expect(await outboxAbout(published.subjectId)).toEqual([]);
    });

    it('accepts the longest event type and message the table allows', async () => {
      const published = notice({ eventType: `E${'_X'.repeat(31)}A`, message: 'm'.repeat(500) });
      expect(published.eventType).toHaveLength(64);
      await transactions.run((tx) => publisher.publish(tx, published));
      expect(await notificationsAbout(published.subjectId)).toHaveLength(1);
    });

    it.each([
      ['a lower-case event type', { eventType: 'referral_received' }],
      ['an event type over 64 characters', { eventType: 'E'.repeat(65) }],
      ['an empty event type', { eventType: '' }],
      ['a message over 500 characters', { message: 'm'.repeat(501) }],
      ['an empty message', { message: '' }],
      ['a blank message', { message: '   ' }],
      ['an empty subject type', { subjectType: '' }],
      ['an empty subject id', { subjectId: '' }],
      ['an agency id that is not a uuid', { agencyIds: [PUBLISH_A, 'harbor-light'] }],
    ] as [string, Partial<Notice>][])(
      'refuses %s with a plain Error and writes nothing',
      async (_name, bad) => {
        const published = notice(bad);
        const attempt = transactions.run((tx) => publisher.publish(tx, published));
        await expect(attempt).rejects.toThrow(/^Malformed notice/);
        await expect(attempt).rejects.not.toBeInstanceOf(GraphQLError);
        if (published.subjectId) {
          expect(await notificationsAbout(published.subjectId)).toEqual([]);
          expect(await outboxAbout(published.subjectId)).toEqual([]);
        }
      },
    );
  });

  describe('the feed', () => {
    const reader = scopeOf('feed-reader', FEED);

    beforeAll(async () => {
      // 60 notifications; every three share one instant and neighbours differ by one microsecond,
      // which a millisecond cursor (a JS Date) would lose.
      await dataSource.query(
        `INSERT INTO notification (agency_id, event_type, subject_type, subject_id, message, created_at)
         SELECT $1, 'TEST_EVENT', 'Test', i::text, 'Notice ' || i,
                timestamptz '2025-01-01 00:00:00+00' + (i / 3) * interval '1 microsecond'
           FROM generate_series(1, 60) AS i`,
        [FEED],
      );
      // Other agencies' notifications around it, so the plan below is the real one.
      await dataSource.query(
        `INSERT INTO agency (id, name, type, jurisdiction)
         SELECT gen_random_uuid(), 'Noise ' || i, 'NGO', 'Elsewhere' FROM generate_series(1, 50) AS i`,
      );
      await dataSource.query(
        `INSERT INTO notification (agency_id, event_type, subject_type, subject_id, message, created_at)
         SELECT a.id, 'NOISE', 'Test', i::text, 'Noise', now() - i * interval '1 second'
           FROM agency a CROSS JOIN generate_series(1, 100) AS i WHERE a.name LIKE 'Noise %'`,
      );
      await dataSource.query(`ANALYZE notification`);
    });

    it('pages newest first by keyset, without gaps or repeats', async () => {
      const expected = (
        (await dataSource.query(
          `SELECT id FROM notification WHERE agency_id = $1 ORDER BY created_at DESC, id DESC`,
          [FEED],
        )) as { id: string }[]
      ).map((row) => row.id);
      expect(expected).toHaveLength(60);

      const seen: string[] = [];
      const times: number[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await service.list(reader, { first: 7, after });
        pages += 1;
        seen.push(...page.edges.map((edge) => edge.node.id));
        times.push(...page.edges.map((edge) => edge.node.createdAt.getTime()));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? undefined;
      }
      expect(pages).toBe(9);
      expect(seen).toEqual(expected);
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it("is served by the agency's feed index, also after a cursor and for unread only", async () => {
      const first = await service.list(reader, { first: 5 });
      await service.list(reader, {
        first: 5,
        after: first.pageInfo.endCursor ?? undefined,
        unreadOnly: true,
      });
      expect(last.params).toHaveLength(5);
      const nodes = await planOf(dataSource, last);
      expect(nodes.some((node) => node['Index Name'] === 'notification_agency_feed_idx')).toBe(true);
      expect(
        nodes.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'notification'),
      ).toBe(false);
    });

    it('refuses a cursor it did not make with BAD_USER_INPUT', async () => {
      const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      for (const after of [
        'garbage',
        forged(['2025-02-30T00:00:00.000000Z', randomUUID()]),
        forged(['2025-01-01T00:00:00Z', randomUUID()]),
        forged(['2025-01-01T00:00:00.000000Z', 'not-a-uuid']),
      ]) {
        await expect(service.list(reader, { first: 5, after })).rejects.toMatchObject({
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
    });

    it('is refused (FORBIDDEN) to a caller without an agency', async () => {
      const serviceAccount = scopeOf('service-account', null);
      await expect(service.list(serviceAccount, {})).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      await expect(service.unreadCount(serviceAccount)).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      await expect(service.markRead(serviceAccount, input({ all: true }))).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
    });
  });

  describe('read marks', () => {
    const alice = scopeOf('alice', OWN);
    const bob = scopeOf('bob', OWN);
    const other = scopeOf('olga', OTHER);
    let own: string[] = [];
    let others: string[] = [];

    const readRows = () =>
      dataSource.query(
        `SELECT notification_id, user_id FROM notification_read ORDER BY notification_id, user_id`,
      ) as Promise<{ notification_id: string; user_id: string }[]>;
    const feedOf = async (scope: AccessScope, unreadOnly = false) =>
      (await service.list(scope, { first: 100, unreadOnly })).edges.map((edge) => edge.node);

    beforeAll(async () => {
      for (let i = 0; i < 5; i++) {
        await transactions.run((tx) =>
          publisher.publish(tx, notice({ agencyIds: [OWN], subjectId: `own-${i}` })),
        );
      }
      for (let i = 0; i < 2; i++) {
        await transactions.run((tx) =>
          publisher.publish(tx, notice({ agencyIds: [OTHER], subjectId: `other-${i}` })),
        );
      }
      own = (await feedOf(alice)).map((n) => n.id);
      others = (await feedOf(other)).map((n) => n.id);
    });

    it('starts unread for everyone', async () => {
      expect(own).toHaveLength(5);
      expect(others).toHaveLength(2);
      expect(await service.unreadCount(alice)).toBe(5);
      expect(await service.unreadCount(bob)).toBe(5);
      expect(await service.unreadCount(other)).toBe(2);
    });

    it('marks by id for the caller only, and the feed shows read per user', async () => {
      expect(await service.markRead(alice, input({ ids: [own[0], own[1]] }))).toEqual({
        marked: 2,
        unreadCount: 3,
      });
      expect((await feedOf(alice)).map((n) => [n.id, n.read])).toEqual(own.map((id, i) => [id, i < 2]));
      expect((await feedOf(bob)).every((n) => !n.read)).toBe(true);
      expect((await feedOf(alice, true)).map((n) => n.id)).toEqual(own.slice(2));
      expect((await feedOf(bob, true)).map((n) => n.id)).toEqual(own);
      expect(await service.unreadCount(bob)).toBe(5);
    });

    it('is idempotent: marking again marks nothing and adds no rows', async () => {
      const before = await readRows();
      expect(await service.markRead(alice, input({ ids: [own[0], own[1], own[1]] }))).toEqual({
        marked: 0,
        unreadCount: 3,
      });
      expect(await readRows()).toEqual(before);
    });

    it("ignores other agencies' and unknown ids exactly like missing ones", async () => {
      const before = await readRows();
      expect(await service.markRead(alice, input({ ids: [...others, randomUUID()] }))).toEqual({
        marked: 0,
        unreadCount: 3,
      });
      expect(await readRows()).toEqual(before);
      expect(await service.markRead(alice, input({ ids: [others[0], own[2]] }))).toEqual({
        marked: 1,
        unreadCount: 2,
      });
      expect((await readRows()).filter((row) => others.includes(row.notification_id))).toEqual([]);
    });

    it("marks all of the caller's agency's, and only those", async () => {
      expect(await service.markRead(alice, input({ all: true }))).toEqual({ marked: 2, unreadCount: 0 });
      expect(await service.markRead(alice, input({ all: true }))).toEqual({ marked: 0, unreadCount: 0 });
      expect((await feedOf(alice)).every((n) => n.read)).toBe(true);
      const rows = await readRows();
      expect(
        rows
          .filter((row) => row.user_id === 'alice')
          .map((row) => row.notification_id)
          .sort(),
      ).toEqual([...own].sort());
      expect(rows.filter((row) => others.includes(row.notification_id))).toEqual([]);
      expect(await service.unreadCount(bob)).toBe(5);
      expect(await service.unreadCount(other)).toBe(2);
    });

    it("reads one of the agency's notifications by id, with the caller's own read mark", async () => {
      // own[0] is the newest (the feed's order): own-4.
      expect(await service.get(alice, own[0])).toMatchObject({ id: own[0], subjectId: 'own-4', read: true });
      expect(await service.get(bob, own[0])).toMatchObject({ id: own[0], read: false });
    });

    it("answers another agency's notification exactly like a missing one (NOT_FOUND), audited as DENIED", async () => {
      const missing = randomUUID();
      for (const id of [others[0], missing, 'not-a-uuid']) {
        await expect(service.get(alice, id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      }
      const denied = (await dataSource.query(
        `SELECT subject_id, decision FROM audit_event WHERE action = 'READ_NOTIFICATION' ORDER BY id`,
      )) as { subject_id: string | null; decision: string }[];
      expect(denied).toEqual([
        { subject_id: others[0], decision: 'DENIED' },
        { subject_id: missing, decision: 'DENIED' },
        { subject_id: null, decision: 'DENIED' },
      ]);
    });

    it('refuses neither ids nor all, or both, with BAD_USER_INPUT and changes nothing', async () => {
      const before = await readRows();
      for (const bad of [{}, { ids: [] }, { all: false }, { ids: [own[0]], all: true }]) {
        await expect(service.markRead(bob, input(bad))).rejects.toMatchObject({
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      expect(await readRows()).toEqual(before);
    });
  });
});
