import { Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, databaseMigrations, Transactions } from '@hub/database';
import { createTestDatabase, TestDatabase } from '@hub/testing';
import { AuditEventEntity } from './audit-event.entity';
import { AuditAnchor, AuditSealService } from './audit-seal.service';
import { AuditEvent, AuditWriter } from './audit-writer';
import { auditMigrations } from './migrations';

/**
 * The audit trail's integrity against a real PostgreSQL with the real migrations: the API role
 * may only append and read, the owner is stopped by triggers, and sealing + verification find
 * every kind of tampering (edits, deletions, a truncated tail, a rewritten chain) while eight
 * concurrent writers and two sealers produce a trail that verifies.
 */

const TABLES = ['audit_event', 'audit_seal', 'audit_seal_entry'] as const;
const GENESIS = createHash('sha256').update('task-force-hub audit trail genesis').digest();
const sha256 = (...parts: Buffer[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The sealer with short links (three events unless said), to exercise a backlog without writing 20,000 events. */
class SmallSeals extends AuditSealService {
  constructor(
    transactions: Transactions,
    protected override readonly maxEventsPerSeal = 3,
  ) {
    super(transactions);
  }
}

interface EventRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  action: string;
  reason: string | null;
}
interface SealRow {
  seq: string;
  event_count: number;
  events_hash: Buffer;
  prev_hash: Buffer;
  seal_hash: Buffer;
  sealed_at: Date;
}

describe('AuditSealService (integration, real PostgreSQL and migrations)', () => {
  let db: TestDatabase;
  /** The API's connection: the role the running hub uses. */
  let api: DataSource;
  /** The owner's connection: only for set-up and deliberate tampering. */
  let owner: DataSource;
  let transactions: Transactions;
  let writer: AuditWriter;
  let seals: AuditSealService;

  const AGENCY = randomUUID();

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase([...databaseMigrations, ...auditMigrations]);
    api = new DataSource(dataSourceOptions({ url: db.apiUrl, entities: [AuditEventEntity], poolSize: 20 }));
    owner = new DataSource(dataSourceOptions({ url: db.ownerUrl, entities: [AuditEventEntity] }));
    await Promise.all([api.initialize(), owner.initialize()]);
    transactions = new Transactions(api);
    writer = new AuditWriter(transactions);
    seals = new AuditSealService(transactions);
  });
  afterAll(async () => {
    await Promise.all([api?.destroy(), owner?.destroy()]);
    await db?.drop();
  });

  const event = (n: number, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
    actor: { userId: `user-${n % 5}`, agencyId: AGENCY, requestId: `req-${n}-${randomUUID()}` },
    action: n % 3 === 0 ? 'READ_SURVIVOR' : 'UPDATE_SURVIVOR',
    subjectType: 'Survivor',
    subjectId: randomUUID(),
    fields: ['givenName', 'phone'],
    purpose: 'SERVICE',
    decision: n % 7 === 0 ? 'DENIED' : 'ALLOWED',
    reason: n % 2 === 0 ? `reason ${n}` : null,
    subjectAgencyIds: [AGENCY],
    ...overrides,
  });

  /** `count` events, each committed in a transaction of its own, through the API role. */
  async function write(count: number, from = 0): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      await transactions.run((tx) => writer.record(tx, event(from + i)));
    }
  }

  const ownerQuery = <T>(sql: string, params: unknown[] = []) => owner.query(sql, params) as Promise<T[]>;
  const events = () => ownerQuery<EventRow>(`SELECT * FROM audit_event ORDER BY id`);
  const sealRows = () => ownerQuery<SealRow>(`SELECT * FROM audit_seal ORDER BY seq`);
  const sealOf = async (eventId: string) =>
    Number(
      (
        await ownerQuery<{ seal_seq: string }>(`SELECT seal_seq FROM audit_seal_entry WHERE event_id = $1`, [
          eventId,
        ])
      )[0]?.seal_seq,
    );

  /** What an attacker with the owner's password does: switch the triggers off, change things, switch them on. */
  async function tamper(
    work: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>,
  ) {
    for (const table of TABLES) await owner.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await work((sql, params = []) => owner.query(sql, params));
    } finally {
      for (const table of TABLES) await owner.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  }

  /** An empty trail for each test. */
  const reset = () =>
    tamper((query) => query(`TRUNCATE audit_seal_entry, audit_seal, audit_event`).then(() => undefined));

  describe('append-only, enforced by the database', () => {
    let apiClient: Client;
    let ownerClient: Client;

    beforeAll(async () => {
      await reset();
      await write(3);
      await seals.seal();
      await owner.query(`INSERT INTO audit_token_seen (token_id) VALUES ('token-1')`);
      apiClient = new Client({ connectionString: db.apiUrl });
      ownerClient = new Client({ connectionString: db.ownerUrl });
      await Promise.all([apiClient.connect(), ownerClient.connect()]);
    });
    afterAll(async () => {
      await Promise.all([apiClient?.end(), ownerClient?.end()]);
    });

    const CHANGES: Record<(typeof TABLES)[number] | 'audit_token_seen', string[]> = {
      audit_event: [
        `UPDATE audit_event SET reason = 'edited'`,
        `DELETE FROM audit_event`,
        `TRUNCATE audit_event CASCADE`,
      ],
      audit_seal: [
        `UPDATE audit_seal SET event_count = 0`,
        `DELETE FROM audit_seal`,
        `TRUNCATE audit_seal CASCADE`,
      ],
      audit_seal_entry: [
        `UPDATE audit_seal_entry SET event_hash = '\\x00'`,
        `DELETE FROM audit_seal_entry`,
        `TRUNCATE audit_seal_entry`,
      ],
      audit_token_seen: [
        `UPDATE audit_token_seen SET seen_at = now()`,
        `DELETE FROM audit_token_seen`,
        `TRUNCATE audit_token_seen`,
      ],
    };

    it.each(Object.entries(CHANGES))(
      'the API role has no UPDATE, DELETE or TRUNCATE privilege on %s, only SELECT and INSERT',
      async (table) => {
        const [privileges] = await ownerQuery<Record<string, boolean>>(
          `SELECT has_table_privilege('hub_api', $1, 'SELECT') AS select,
                  has_any_column_privilege('hub_api', $1, 'INSERT') AS insert,
                  has_table_privilege('hub_api', $1, 'UPDATE') AS update,
                  has_table_privilege('hub_api', $1, 'DELETE') AS delete,
                  has_table_privilege('hub_api', $1, 'TRUNCATE') AS truncate`,
          [table],
        );
        expect(privileges).toEqual({
          select: true,
          insert: true,
          update: false,
          delete: false,
          truncate: false,
        });
      },
    );

    it('the API role may not choose the transaction an event claims (tx_id is set by the database)', async () => {
      const [{ txId, others }] = await ownerQuery<{ txId: boolean; others: boolean }>(
        `SELECT has_column_privilege('hub_api', 'audit_event', 'tx_id', 'INSERT') AS "txId",
                bool_and(has_column_privilege('hub_api', 'audit_event', attname, 'INSERT')) AS others
           FROM pg_attribute WHERE attrelid = 'audit_event'::regclass AND attnum > 0 AND NOT attisdropped
            AND attname <> 'tx_id'`,
      );
      expect({ txId, others }).toEqual({ txId: false, others: true });
      const before = await events();
      await expect(
        apiClient.query(
          `INSERT INTO audit_event (tx_id, actor_user_id, action, subject_type, decision)
           VALUES ('1', 'forger', 'READ_SURVIVOR', 'Survivor', 'ALLOWED')`,
        ),
      ).rejects.toMatchObject({ code: '42501' });
      expect(await events()).toEqual(before);
    });

    it.each(Object.entries(CHANGES).flatMap(([table, statements]) => statements.map((sql) => [table, sql])))(
      'as the API role, on %s: `%s` is refused (permission denied) and changes nothing',
      async (_table, sql) => {
        const before = await events();
        await expect(apiClient.query(sql)).rejects.toMatchObject({ code: '42501' });
        expect(await events()).toEqual(before);
      },
    );

    it('as the API role, INSERT and SELECT work on the trail (writing events, sealing them, reading them)', async () => {
      const count = (await events()).length;
      await write(2, 100);
      const rows = await apiClient.query(`SELECT count(*)::int AS n FROM audit_event`);
      expect(rows.rows[0].n).toBe(count + 2);
      // Sealing is done by the API role too: it inserts into audit_seal and audit_seal_entry.
      const anchor = await seals.seal();
      expect(anchor).not.toBeNull();
      const sealed = await apiClient.query(`SELECT count(*)::int AS n FROM audit_seal_entry`);
      expect(sealed.rows[0].n).toBe(count + 2);
    });

    it.each(TABLES.flatMap((table) => CHANGES[table].map((sql) => [table, sql])))(
      'as the owner, on %s: `%s` is refused by the append-only trigger',
      async (table, sql) => {
        const before = await events();
        const operation = sql.split(' ')[0] === 'TRUNCATE' ? 'TRUNCATE' : sql.split(' ')[0];
        await expect(ownerClient.query(sql)).rejects.toMatchObject({
          code: '42501',
          message: `the audit trail is append-only (${operation} refused on ${table})`,
        });
        expect(await events()).toEqual(before);
      },
    );

    it('the triggers stop the owner until they are switched off on purpose (what the tampering tests do)', async () => {
      const [first] = await events();
      await expect(
        ownerClient.query(`UPDATE audit_event SET reason = 'edited' WHERE id = $1`, [first.id]),
      ).rejects.toMatchObject({ code: '42501' });
      const [{ tgenabled }] = await ownerQuery<{ tgenabled: string }>(
        `SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_event_no_update_delete'`,
      );
      expect(tgenabled).toBe('O');
    });
  });

  describe('sealing and verification', () => {
    beforeEach(async () => {
      await reset();
    });

    it('an empty trail: nothing to seal (null), and it verifies with zero counts and no anchor', async () => {
      expect(await seals.seal()).toBeNull();
      expect(await seals.verify()).toEqual({
        ok: true,
        firstProblem: null,
        problem: null,
        sealsChecked: 0,
        eventsChecked: 0,
        unsealedEvents: 0,
        anchor: null,
      });
    });

    it('seals committed events into a hash chain that an independent computation reproduces; a clean trail verifies with its counts', async () => {
      await write(5);
      const first = await seals.seal();
      expect(await seals.seal()).toBeNull();
      await write(3, 5);
      const second = await seals.seal();
      await write(2, 8);

      expect(first).toEqual({ seq: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(second).toEqual({ seq: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(await seals.anchor()).toEqual(second);
      expect(await seals.verify()).toEqual({
        ok: true,
        firstProblem: null,
        problem: null,
        sealsChecked: 2,
        eventsChecked: 8,
        unsealedEvents: 2,
        anchor: second,
      });
      expect(await seals.verify(first ?? undefined)).toMatchObject({ ok: true });
      expect(await seals.verify(second ?? undefined)).toMatchObject({ ok: true });

      // The chain, recomputed here from the stored event hashes: SHA-256(prev ‖ seq ‖ SHA-256(hashes)).
      const rows = await sealRows();
      let prev: Buffer = GENESIS;
      for (const seal of rows) {
        const entries = await ownerQuery<{ event_hash: Buffer; current: Buffer }>(
          `SELECT s.event_hash, audit_event_hash(e) AS current FROM audit_seal_entry s JOIN audit_event e ON e.id = s.event_id
            WHERE s.seal_seq = $1 ORDER BY s.event_id`,
          [seal.seq],
        );
        expect(entries.length).toBe(seal.event_count);
        entries.forEach((entry) => expect(entry.current.equals(entry.event_hash)).toBe(true));
        const eventsHash = sha256(...entries.map((entry) => entry.event_hash));
        const seq = Buffer.alloc(8);
        seq.writeBigUInt64BE(BigInt(seal.seq));
        expect(seal.prev_hash.equals(prev)).toBe(true);
        expect(seal.events_hash.equals(eventsHash)).toBe(true);
        expect(seal.seal_hash.equals(sha256(prev, seq, eventsHash))).toBe(true);
        prev = seal.seal_hash;
      }
      expect(prev.toString('hex')).toBe(second?.hash);
    });

    it('seals only committed events: one committed after a seal (with a lower id) goes into the next seal', async () => {
      const late = api.createQueryRunner();
      await late.connect();
      await late.startTransaction('READ COMMITTED');
      try {
        await writer.record(late.manager, event(1, { reason: 'committed late' }));
        await write(2, 2);
        expect(await seals.seal()).toMatchObject({ seq: 1 });
        await late.commitTransaction();
      } finally {
        await late.release();
      }
      expect(await seals.seal()).toMatchObject({ seq: 2 });
      const [lateEvent] = (await events()).filter((row) => row.reason === 'committed late');
      const others = (await events()).filter((row) => row.reason !== 'committed late');
      expect(Number(lateEvent.id)).toBeLessThan(Number(others[0].id));
      expect(await sealOf(lateEvent.id)).toBe(2);
      expect(await seals.verify()).toMatchObject({
        ok: true,
        sealsChecked: 2,
        eventsChecked: 3,
        unsealedEvents: 0,
      });
    });

    it('a sealer that finds another one sealing skips (null) and seals nothing', async () => {
      await write(2);
      const other = new Client({ connectionString: db.apiUrl });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`SELECT pg_advisory_xact_lock(hashtext('hub.audit.seal'))`);
        expect(await seals.seal()).toBeNull();
        expect(await sealRows()).toEqual([]);
        await other.query('COMMIT');
      } finally {
        await other.end();
      }
      expect(await seals.seal()).toMatchObject({ seq: 1 });
    });

    it('a backlog larger than one seal is sealed in bounded links, a transaction split across two, each event once', async () => {
      const small = new SmallSeals(transactions);
      // One transaction of five events, then one of two: links of three take 3, 3 and 1.
      await transactions.run((tx) => writer.record(tx, ...[0, 1, 2, 3, 4].map((n) => event(n))));
      await transactions.run((tx) => writer.record(tx, event(5), event(6)));
      const anchors = [await small.seal(), await small.seal(), await small.seal(), await small.seal()];
      expect(anchors.map((anchor) => anchor?.seq ?? null)).toEqual([1, 2, 3, null]);
      expect((await sealRows()).map((row) => row.event_count)).toEqual([3, 3, 1]);
      expect(await seals.verify()).toMatchObject({ ok: true, eventsChecked: 7, unsealedEvents: 0 });
    });

    it('events written before seals had horizons (tx_id 0, a seal without one) are sealed by the next seal', async () => {
      await write(2);
      await seals.seal();
      // What the migration leaves: earlier events read tx_id 0, earlier seals have no horizon.
      await tamper(async (query) => {
        await query(`UPDATE audit_seal SET horizon = NULL`);
        await query(
          `INSERT INTO audit_event (tx_id, occurred_at, actor_user_id, action, subject_type, decision)
           SELECT '0', now(), 'before-horizons', 'READ_SURVIVOR', 'Survivor', 'ALLOWED' FROM generate_series(1, 3)`,
        );
      });
      await write(1, 10);
      expect(await seals.seal()).toMatchObject({ seq: 2 });
      expect((await sealRows()).map((row) => row.event_count)).toEqual([2, 4]);
      expect(await seals.verify()).toMatchObject({ ok: true, eventsChecked: 6, unsealedEvents: 0 });
    });

    describe('tampering is found and named', () => {
      /** Three seals of four events each (ids in order), and the anchor an auditor kept. */
      async function sealedTrail(): Promise<{ ids: string[]; anchor: AuditAnchor }> {
        for (let s = 0; s < 3; s += 1) {
          await write(4, s * 4);
          await seals.seal();
        }
        const anchor = await seals.anchor();
        if (!anchor) throw new Error('no anchor');
        return { ids: (await events()).map((row) => row.id), anchor };
      }

      const EDITS: [string, string][] = [
        ['reason', `reason = 'nothing to see here'`],
        ['actor', `actor_user_id = 'someone-else'`],
        ['actor agency', `actor_agency_id = gen_random_uuid()`],
        ['decision', `decision = CASE decision WHEN 'ALLOWED' THEN 'DENIED' ELSE 'ALLOWED' END`],
        ['action', `action = 'READ_AGENCY'`],
        ['subject', `subject_id = 'another-subject'`],
        ['fields', `fields = '{givenName}'`],
        ['purpose', `purpose = 'INVESTIGATION'`],
        ['time', `occurred_at = occurred_at - interval '1 microsecond'`],
        ['request id', `request_id = 'another-request'`],
        ['subject agencies', `subject_agency_ids = '{}'`],
      ];

      it.each(EDITS)('an edited event (%s) is named as changed, in its seal', async (_what, set) => {
        const { ids } = await sealedTrail();
        const target = ids[5];
        await tamper((query) =>
          query(`UPDATE audit_event SET ${set} WHERE id = $1`, [target]).then(() => undefined),
        );
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: `event ${target} (seal 2) was changed`,
          problem: { code: 'EVENT_CHANGED', eventId: target, seal: 2, count: null },
          sealsChecked: 1,
          eventsChecked: 4,
        });
      });

      it('an edit that only regroups the disclosed fields ({a,b} → {"a,b"}) is named as changed', async () => {
        const { ids } = await sealedTrail();
        const target = ids[5];
        await tamper((query) =>
          query(`UPDATE audit_event SET fields = ARRAY[array_to_string(fields, ',')] WHERE id = $1`, [
            target,
          ]).then(() => undefined),
        );
        const [row] = await ownerQuery<{ fields: string[] }>(`SELECT fields FROM audit_event WHERE id = $1`, [
          target,
        ]);
        expect(row.fields).toEqual(['givenName,phone']);
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: `event ${target} (seal 2) was changed`,
        });
      });

      it('a deleted event in the middle is named as deleted', async () => {
        const { ids } = await sealedTrail();
        const target = ids[6];
        await tamper((query) =>
          query(`DELETE FROM audit_event WHERE id = $1`, [target]).then(() => undefined),
        );
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: `event ${target} (seal 2) was deleted`,
          problem: { code: 'EVENT_DELETED', eventId: target, seal: 2, count: null },
          sealsChecked: 1,
          eventsChecked: 4,
        });
      });

      it('the newest (sealed) events deleted: the first of them is named as deleted', async () => {
        const { ids } = await sealedTrail();
        const newest = ids.slice(-3);
        await tamper((query) =>
          query(`DELETE FROM audit_event WHERE id = ANY($1::bigint[])`, [newest]).then(() => undefined),
        );
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: `event ${newest[0]} (seal 3) was deleted`,
          sealsChecked: 2,
          eventsChecked: 8,
        });
      });

      it('the newest events deleted with their entries and seals: the chain looks whole, the kept anchor catches it', async () => {
        const { ids, anchor } = await sealedTrail();
        await tamper(async (query) => {
          await query(`DELETE FROM audit_seal_entry WHERE seal_seq = 3`);
          await query(`DELETE FROM audit_seal WHERE seq = 3`);
          await query(`DELETE FROM audit_event WHERE id = ANY($1::bigint[])`, [ids.slice(-4)]);
        });
        expect(await seals.verify()).toMatchObject({ ok: true, sealsChecked: 2 });
        expect(await seals.verify(anchor)).toMatchObject({
          ok: false,
          firstProblem: `the chain does not contain the anchor seal ${anchor.seq}: it was rewritten`,
          problem: { code: 'ANCHOR_NOT_IN_CHAIN', eventId: null, seal: anchor.seq, count: null },
        });
      });

      it('an entry removed (its event left looking unsealed) is found: the seal lists fewer events', async () => {
        const { ids } = await sealedTrail();
        await tamper((query) =>
          query(`DELETE FROM audit_seal_entry WHERE event_id = $1`, [ids[1]]).then(() => undefined),
        );
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: 'seal 1 lists 3 events, not 4',
          problem: { code: 'SEAL_EVENT_COUNT', eventId: null, seal: 1, count: 3 },
        });
      });

      it('an event edited together with its sealed hash is found by the seal', async () => {
        const { ids } = await sealedTrail();
        await tamper(async (query) => {
          await query(`UPDATE audit_event SET reason = 'rewritten' WHERE id = $1`, [ids[9]]);
          await query(
            `UPDATE audit_seal_entry s SET event_hash = audit_event_hash(e) FROM audit_event e
              WHERE e.id = s.event_id AND s.event_id = $1`,
            [ids[9]],
          );
        });
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: 'seal 3: its events do not hash to the sealed value',
        });
      });

      it('a seal whose hash was changed is named as altered; a seal removed from the middle as missing', async () => {
        await sealedTrail();
        await tamper((query) =>
          query(`UPDATE audit_seal SET seal_hash = sha256(seal_hash) WHERE seq = 3`).then(() => undefined),
        );
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: 'seal 3 was altered',
          problem: { code: 'SEAL_ALTERED', eventId: null, seal: 3, count: null },
        });

        await reset();
        await sealedTrail();
        await tamper(async (query) => {
          await query(`DELETE FROM audit_seal_entry WHERE seal_seq = 2`);
          await query(`DELETE FROM audit_seal WHERE seq = 2`);
        });
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: 'seal 2 is missing (found 3)',
          problem: { code: 'SEAL_MISSING', eventId: null, seal: 2, count: null },
        });
      });

      it('the trail truncated and re-filled with a recomputed chain: verifies on its own, the kept anchor reports the rewrite', async () => {
        const { anchor } = await sealedTrail();
        await tamper((query) =>
          query(`TRUNCATE audit_seal_entry, audit_seal, audit_event`).then(() => undefined),
        );
        // A forged history, sealed with the same algorithm, as long as the real one (and longer).
        for (let s = 0; s < 4; s += 1) {
          await write(2, 1000 + s * 2);
          await seals.seal();
        }
        const forged = await seals.verify();
        expect(forged).toMatchObject({ ok: true, firstProblem: null, sealsChecked: 4, eventsChecked: 8 });
        expect(forged.anchor?.seq).toBe(4);
        expect(forged.anchor?.hash).not.toBe(anchor.hash);
        expect(await seals.verify(anchor)).toMatchObject({
          ok: false,
          firstProblem: `the chain does not contain the anchor seal ${anchor.seq}: it was rewritten`,
        });
        // An anchor from beyond the (shorter) forged chain is caught the same way.
        expect(await seals.verify({ seq: 9, hash: anchor.hash })).toMatchObject({ ok: false });
      });

      it('an event older than the grace period that was never sealed is reported (inserted afterwards?)', async () => {
        await sealedTrail();
        await write(1, 50);
        expect(await seals.verify()).toMatchObject({ ok: true, unsealedEvents: 1 });
        await owner.query(
          `INSERT INTO audit_event (occurred_at, actor_user_id, action, subject_type, subject_id, decision)
           VALUES (now() - interval '1 hour', 'backdated', 'READ_SURVIVOR', 'Survivor', 'x', 'ALLOWED')`,
        );
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem: '1 events older than 300 s were never sealed (inserted afterwards?)',
          problem: { code: 'EVENTS_SEALED_LATE', eventId: null, seal: null, count: 1 },
          sealsChecked: 3,
          eventsChecked: 12,
          unsealedEvents: 2,
        });
      });

      it('an event claiming a transaction below the horizon is never sealed, and verification names it even when dated now', async () => {
        await sealedTrail();
        // Only the owner can choose tx_id (the API role has no privilege on it).
        await owner.query(
          `INSERT INTO audit_event (tx_id, occurred_at, actor_user_id, action, subject_type, subject_id, decision)
           VALUES ('1', now(), 'forged', 'READ_SURVIVOR', 'Survivor', 'x', 'ALLOWED')`,
        );
        // The seal reads from its horizon on, so the forged event is not even looked at.
        expect(await seals.seal()).toBeNull();
        expect(await seals.verify()).toMatchObject({
          ok: false,
          firstProblem:
            '1 events below the horizon of seal 3 were never sealed (written under a forged transaction id?)',
          unsealedEvents: 1,
        });
      });

      it('a backdated event inserted after a seal is not silently absorbed by the next seal', async () => {
        await sealedTrail();
        // The API role may INSERT, with any occurred_at: a forged past event.
        await api.query(
          `INSERT INTO audit_event (occurred_at, actor_user_id, action, subject_type, subject_id, decision)
           VALUES (now() - interval '1 hour', 'backdated', 'READ_SURVIVOR', 'Survivor', 'x', 'ALLOWED')`,
        );
        await seals.seal();
        const report = await seals.verify();
        expect(report.ok).toBe(false);
        expect(report.firstProblem).not.toBeNull();
      });
    });
  });

  describe('concurrency', () => {
    beforeAll(async () => {
      await reset();
    });

    it('8 parallel writers (some holding their events uncommitted) and 2 sealers produce a trail that verifies', async () => {
      let writing = true;
      const sealer = async () => {
        let sealed = 0;
        while (writing) {
          if (await seals.seal()) sealed += 1;
          await sleep(3);
        }
        return sealed;
      };
      const writerLoop = async (w: number) => {
        for (let i = 0; i < 25; i += 1) {
          await transactions.run(async (tx) => {
            await writer.record(
              tx,
              ...Array.from({ length: 1 + (i % 3) }, (_, k) => event(w * 1000 + i * 10 + k)),
            );
            // Now and then a slow transaction: its lower ids commit after higher ones were sealed.
            if (i % 5 === w % 5) await sleep(15);
          });
        }
      };
      const sealers = [sealer(), sealer()];
      await Promise.all(Array.from({ length: 8 }, (_, w) => writerLoop(w)));
      writing = false;
      const sealsMade = (await Promise.all(sealers)).reduce((a, b) => a + b, 0);
      await seals.seal();

      const [{ events: eventCount, entries, distinct, sealed, chain }] = await ownerQuery<{
        events: number;
        entries: number;
        distinct: number;
        sealed: number;
        chain: number;
      }>(
        `SELECT (SELECT count(*)::int FROM audit_event) AS events,
                (SELECT count(*)::int FROM audit_seal_entry) AS entries,
                (SELECT count(DISTINCT event_id)::int FROM audit_seal_entry) AS distinct,
                (SELECT coalesce(sum(event_count), 0)::int FROM audit_seal) AS sealed,
                (SELECT count(*)::int FROM audit_seal) AS chain`,
      );
      const perWriter = Array.from({ length: 25 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
      expect(eventCount).toBe(8 * perWriter);
      expect({ entries, distinct, sealed }).toEqual({
        entries: eventCount,
        distinct: eventCount,
        sealed: eventCount,
      });
      expect(sealsMade).toBeGreaterThan(1);
      expect(await seals.verify()).toEqual({
        ok: true,
        firstProblem: null,
        problem: null,
        sealsChecked: chain,
        eventsChecked: eventCount,
        unsealedEvents: 0,
        anchor: await seals.anchor(),
      });
    });

    /** One writer's transaction: its events, how long it stays open, whether it commits. */
    const writerArb = fc.record({
      events: fc.integer({ min: 1, max: 4 }),
      startMs: fc.nat({ max: 30 }),
      holdMs: fc.nat({ max: 25 }),
      rollback: fc.nat({ max: 4 }).map((n) => n === 0),
    });

    it('property: events committed while sealers run (slow transactions committing out of id order, rollbacks) are all sealed exactly once, and tampering is still found', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(writerArb, { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 2, max: 5 }),
          fc.nat(),
          async (writers, linkSize, pick) => {
            run += 1;
            await reset();
            const sealer = new SmallSeals(transactions, linkSize);
            const committed: string[] = [];
            let writing = true;
            const sealLoop = async () => {
              while (writing) {
                await sealer.seal();
                await sleep(2);
              }
            };
            const writeOne = async (w: (typeof writers)[number], index: number) => {
              await sleep(w.startMs);
              const tags = Array.from({ length: w.events }, (_, k) => `run ${run} tx ${index} event ${k}`);
              await transactions
                .run(async (tx) => {
                  await writer.record(tx, ...tags.map((tag, k) => event(index * 10 + k, { reason: tag })));
                  await sleep(w.holdMs);
                  if (w.rollback) throw new Error('rolled back');
                })
                .then(
                  () => committed.push(...tags),
                  (error: Error) => expect(error.message).toBe('rolled back'),
                );
            };
            const sealers = [sealLoop(), sealLoop()];
            await Promise.all(writers.map(writeOne));
            writing = false;
            await Promise.all(sealers);
            // Eventually: whatever is left is sealed by the next seals, in links of linkSize.
            for (let i = 0; i < 60 && (await sealer.seal()); i += 1);

            const rows = await ownerQuery<{ id: string; reason: string; seals: number }>(
              `SELECT e.id::text, e.reason, count(s.event_id)::int AS seals
                 FROM audit_event e LEFT JOIN audit_seal_entry s ON s.event_id = e.id GROUP BY e.id ORDER BY e.id`,
            );
            expect(rows.map((row) => row.reason).sort()).toEqual([...committed].sort());
            expect(rows.filter((row) => row.seals !== 1)).toEqual([]);
            const [{ sealed }] = await ownerQuery<{ sealed: number }>(
              `SELECT coalesce(sum(event_count), 0)::int AS sealed FROM audit_seal`,
            );
            expect(sealed).toBe(rows.length);
            expect(await sealer.verify()).toMatchObject({
              ok: true,
              eventsChecked: rows.length,
              unsealedEvents: 0,
            });
            if (rows.length === 0) return;

            const target = rows[pick % rows.length];
            await tamper((query) =>
              query(`UPDATE audit_event SET reason = 'rewritten' WHERE id = $1`, [target.id]).then(
                () => undefined,
              ),
            );
            const report = await sealer.verify();
            expect(report.ok).toBe(false);
            expect(report.firstProblem).toMatch(
              new RegExp(`^event ${target.id} \\(seal \\d+\\) was changed$`),
            );
          },
        ),
        { numRuns: 15 },
      );
    });
  });
});
