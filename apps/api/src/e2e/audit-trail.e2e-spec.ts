import { Client } from 'pg';
import { AuditSealService } from '@hub/audit';
import type { TestHub } from '@hub/testing';
import { auditMaxId, auditWhere, send } from './audit-support';
import { startHub } from './hub';
import { COORDINATOR, CREATE as CREATE_PROTOCOL, protocolInput } from './protocols-support';
import {
  consentInput,
  createSurvivor,
  expectError,
  HARBOR,
  ok,
  personalData,
  recordConsent,
  SAFE_PASSAGE,
  SURVIVOR_BY_ID,
  SURVIVORS,
  tag,
  UPDATE_SURVIVOR,
} from './survivor-support';

/**
 * Issue 7, the trail's integrity end to end: the API's database role cannot change or remove
 * audit rows, the owner is stopped by triggers, `verifyAuditTrail` (as tf.auditor) finds every
 * kind of tampering — an edited row, a deleted row, the newest rows deleted, the whole trail
 * rewritten with a recomputed chain (caught by the anchor kept from before) — and eight parallel
 * writers with sealing running alongside produce a trail that verifies.
 *
 * Sealing by the timer is off here (AUDIT_SEAL_INTERVAL_SECONDS=0): the tests seal when they mean
 * to, through the app's own AuditSealService (and verifyAuditTrail seals before it verifies).
 */

const TABLES = ['audit_event', 'audit_seal', 'audit_seal_entry'] as const;
const VERIFY = `query Verify($anchor: AuditAnchorInput) {
  verifyAuditTrail(anchor: $anchor) { ok firstProblem problem { code eventId seal count } sealsChecked eventsChecked unsealedEvents anchor { seq hash } }
}`;

interface Verification {
  ok: boolean;
  firstProblem: string | null;
  problem: { code: string; eventId: string | null; seal: number | null; count: number | null } | null;
  sealsChecked: number;
  eventsChecked: number;
  unsealedEvents: number;
  anchor: { seq: number; hash: string } | null;
}

describe('audit trail integrity (e2e)', () => {
  let hub: TestHub;
  let seals: AuditSealService;
  const previousInterval = process.env.AUDIT_SEAL_INTERVAL_SECONDS;

  beforeAll(async () => {
    hub = await startHub({ env: { AUDIT_SEAL_INTERVAL_SECONDS: '0' } });
    seals = hub.app.get(AuditSealService);
    // Some history: survivors, consents and reads by two agencies.
    for (const user of ['ngo.caseworker', 'legal.caseworker', 'ngo.caseworker']) {
      const survivor = await createSurvivor(hub, user, personalData(tag()));
      const recipient = user === 'legal.caseworker' ? HARBOR : SAFE_PASSAGE;
      await recordConsent(hub, user, consentInput(survivor.id, { recipientAgencyIds: [recipient] }));
      ok(await hub.gql(SURVIVOR_BY_ID('id givenName'), { id: survivor.id }, { user }));
      await seals.seal();
    }
  });
  afterAll(async () => {
    await hub.close();
    if (previousInterval === undefined) delete process.env.AUDIT_SEAL_INTERVAL_SECONDS;
    else process.env.AUDIT_SEAL_INTERVAL_SECONDS = previousInterval;
  });

  async function verify(anchor?: { seq: number; hash: string } | null): Promise<Verification> {
    const response = await hub.gql<{ verifyAuditTrail: Verification }>(
      VERIFY,
      anchor ? { anchor: { seq: anchor.seq, hash: anchor.hash } } : {},
      { user: 'tf.auditor' },
    );
    return ok(response).verifyAuditTrail;
  }

  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    hub.asOwner((ds) => ds.query(sql, params) as Promise<T[]>);

  async function counts(): Promise<{
    events: number;
    entries: number;
    distinct: number;
    sealed: number;
    seals: number;
  }> {
    const [row] = await owner<{
      events: number;
      entries: number;
      distinct: number;
      sealed: number;
      seals: number;
    }>(
      `SELECT (SELECT count(*)::int FROM audit_event) AS events,
              (SELECT count(*)::int FROM audit_seal_entry) AS entries,
              (SELECT count(DISTINCT event_id)::int FROM audit_seal_entry) AS distinct,
              (SELECT coalesce(sum(event_count), 0)::int FROM audit_seal) AS sealed,
              (SELECT count(*)::int FROM audit_seal) AS seals`,
    );
    return row;
  }

  /**
   * Tampering as someone with the owner's password: the triggers switched off on purpose, the
   * change made, the triggers on again. The trail is copied first and put back afterwards, so
   * each test starts from the same honest trail.
   */
  async function tampered(
    tamper: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>,
    check: () => Promise<void>,
  ): Promise<void> {
    const switchTriggers = async (on: boolean) => {
      for (const table of TABLES)
        await owner(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
    };
    for (const table of TABLES) await owner(`CREATE TABLE backup_${table} AS SELECT * FROM ${table}`);
    try {
      await switchTriggers(false);
      try {
        await hub.asOwner(async (ds) => {
          await tamper((sql, params = []) => ds.query(sql, params));
        });
      } finally {
        await switchTriggers(true);
      }
      await check();
    } finally {
      await switchTriggers(false);
      await owner(`TRUNCATE audit_seal_entry, audit_seal, audit_event`);
      await owner(`INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM backup_audit_event`);
      await owner(`INSERT INTO audit_seal SELECT * FROM backup_audit_seal`);
      await owner(`INSERT INTO audit_seal_entry SELECT * FROM backup_audit_seal_entry`);
      await switchTriggers(true);
      for (const table of TABLES) await owner(`DROP TABLE backup_${table}`);
    }
    expect(await verify()).toMatchObject({ ok: true, firstProblem: null });
  }

  /** Sealed events with their seal, oldest first. */
  const sealedEvents = () =>
    owner<{ id: string; seal: number; action: string }>(
      `SELECT e.id::text, s.seal_seq::int AS seal, e.action FROM audit_event e JOIN audit_seal_entry s ON s.event_id = e.id
        ORDER BY e.id`,
    );

  describe('append-only, enforced by the database', () => {
    let apiClient: Client;
    let ownerClient: Client;

    beforeAll(async () => {
      await seals.seal();
      apiClient = new Client({ connectionString: hub.db.apiUrl });
      ownerClient = new Client({ connectionString: hub.db.ownerUrl });
      await Promise.all([apiClient.connect(), ownerClient.connect()]);
    });
    afterAll(async () => {
      await Promise.all([apiClient?.end(), ownerClient?.end()]);
    });

    const STATEMENTS = TABLES.flatMap((table) => [
      [
        table,
        `UPDATE ${table} SET ${table === 'audit_event' ? `reason = 'edited'` : table === 'audit_seal' ? 'event_count = 0' : `event_hash = '\\x00'`}`,
      ],
      [table, `DELETE FROM ${table}`],
      [table, `TRUNCATE ${table} CASCADE`],
    ]);

    it.each(STATEMENTS)(
      'as the API role, on %s: `%s` fails (permission denied), nothing changes',
      async (_table, sql) => {
        const before = await counts();
        await expect(apiClient.query(sql)).rejects.toMatchObject({ code: '42501' });
        expect(await counts()).toEqual(before);
      },
    );

    it('as the API role, INSERT and SELECT work on audit_event, audit_seal and audit_seal_entry', async () => {
      const inserted = await apiClient.query(
        `INSERT INTO audit_event (occurred_at, actor_user_id, action, subject_type, decision, request_id)
         VALUES (now(), 'api-role-test', 'TEST_INSERT', 'Test', 'ALLOWED', 'api-role-insert') RETURNING id::text`,
      );
      const read = await apiClient.query(`SELECT action FROM audit_event WHERE id = $1`, [
        inserted.rows[0].id,
      ]);
      expect(read.rows).toEqual([{ action: 'TEST_INSERT' }]);
      // Writing seals is the API's job too (sealing runs in the API); tried here and rolled back.
      await apiClient.query('BEGIN');
      try {
        await apiClient.query(
          `INSERT INTO audit_seal (seq, event_count, events_hash, prev_hash, seal_hash) VALUES (1000000, 1, '\\x00', '\\x00', '\\x00')`,
        );
        await apiClient.query(
          `INSERT INTO audit_seal_entry (event_id, seal_seq, event_hash) VALUES ($1, 1000000, '\\x00')`,
          [inserted.rows[0].id],
        );
        const sealRead = await apiClient.query(
          `SELECT count(*)::int AS n FROM audit_seal_entry WHERE seal_seq = 1000000`,
        );
        expect(sealRead.rows).toEqual([{ n: 1 }]);
      } finally {
        await apiClient.query('ROLLBACK');
      }
      await seals.seal();
    });

    it.each(STATEMENTS)(
      'as the owner, on %s: `%s` is refused by the append-only trigger',
      async (table, sql) => {
        const before = await counts();
        expect(before.events).toBeGreaterThan(0);
        expect(before.seals).toBeGreaterThan(0);
        await expect(ownerClient.query(sql)).rejects.toMatchObject({
          code: '42501',
          message: expect.stringContaining(`refused on ${table}`),
        });
        expect(await counts()).toEqual(before);
      },
    );
  });

  describe('verifyAuditTrail (tf.auditor)', () => {
    it('a clean trail: ok, with the numbers of seals and events checked, nothing left unsealed, and the anchor', async () => {
      const report = await verify();
      const now = await counts();
      const [last] = await owner<{ seq: number; hash: string }>(
        `SELECT seq::int, encode(seal_hash, 'hex') AS hash FROM audit_seal ORDER BY seq DESC LIMIT 1`,
      );
      // The verification itself was audited after it ran: that one event is not sealed yet.
      expect(report).toEqual({
        ok: true,
        firstProblem: null,
        problem: null,
        sealsChecked: now.seals,
        eventsChecked: now.entries,
        unsealedEvents: 0,
        anchor: last,
      });
      expect(now.events).toBe(now.entries + 1);
      expect(report.eventsChecked).toBeGreaterThan(10);
      expect(await verify(report.anchor)).toMatchObject({ ok: true, firstProblem: null });
    });

    it.each(['ngo.lead', 'ngo.caseworker', 'tf.coordinator'])('is FORBIDDEN for %s', async (user) => {
      expectError(await hub.gql(VERIFY, {}, { user }), 'FORBIDDEN');
    });

    it('a malformed anchor is BAD_USER_INPUT', async () => {
      const response = await hub.gql(
        VERIFY,
        { anchor: { seq: 1, hash: 'not-a-hash' } },
        { user: 'tf.auditor' },
      );
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });

    it('an edited row (the reason of a sealed event): the first problem names that event as changed', async () => {
      await verify();
      const target = (await sealedEvents()).find((e) => e.action === 'CREATE_SURVIVOR');
      if (!target) throw new Error('no sealed CREATE_SURVIVOR event');
      await tampered(
        (query) =>
          query(`UPDATE audit_event SET reason = 'routine check, nothing disclosed' WHERE id = $1`, [
            target.id,
          ]).then(() => undefined),
        async () => {
          expect(await verify()).toMatchObject({
            ok: false,
            firstProblem: `event ${target.id} (seal ${target.seal}) was changed`,
            // The same as data, for a screen in any language.
            problem: { code: 'EVENT_CHANGED', eventId: target.id, seal: target.seal, count: null },
          });
        },
      );
    });

    it('a deleted row in the middle: the first problem names that event as deleted', async () => {
      await verify();
      const sealed = await sealedEvents();
      const lastSeal = sealed[sealed.length - 1].seal;
      const target = sealed.find(
        (e, i) => e.seal < lastSeal && sealed[i - 1]?.seal === e.seal && sealed[i + 1]?.seal === e.seal,
      );
      if (!target) throw new Error('no event in the middle of a seal');
      await tampered(
        (query) => query(`DELETE FROM audit_event WHERE id = $1`, [target.id]).then(() => undefined),
        async () => {
          expect(await verify()).toMatchObject({
            ok: false,
            firstProblem: `event ${target.id} (seal ${target.seal}) was deleted`,
            problem: { code: 'EVENT_DELETED', eventId: target.id, seal: target.seal, count: null },
          });
        },
      );
    });

    it('the newest (sealed) rows deleted: detected, the first of them named as deleted', async () => {
      await verify();
      const sealed = await sealedEvents();
      const newest = sealed.slice(-3);
      await tampered(
        (query) =>
          query(`DELETE FROM audit_event WHERE id = ANY($1::bigint[])`, [newest.map((e) => e.id)]).then(
            () => undefined,
          ),
        async () => {
          const report = await verify();
          expect(report.ok).toBe(false);
          expect(report.firstProblem).toBe(`event ${newest[0].id} (seal ${newest[0].seal}) was deleted`);
        },
      );
    });

    it('the newest rows deleted with their seals: the chain looks whole, the anchor kept from before reports it', async () => {
      const { anchor } = await verify();
      if (!anchor) throw new Error('no anchor');
      await tampered(
        async (query) => {
          await query(
            `DELETE FROM audit_event WHERE id IN (SELECT event_id FROM audit_seal_entry WHERE seal_seq = $1)`,
            [anchor.seq],
          );
          await query(`DELETE FROM audit_seal_entry WHERE seal_seq = $1`, [anchor.seq]);
          await query(`DELETE FROM audit_seal WHERE seq = $1`, [anchor.seq]);
        },
        async () => {
          expect(await verify(anchor)).toMatchObject({
            ok: false,
            firstProblem: `the chain does not contain the anchor seal ${anchor.seq}: it was rewritten`,
          });
        },
      );
    });

    it('the table truncated and re-filled with a recomputed chain: ok on its own, the anchor recorded before reports the rewrite', async () => {
      const { anchor } = await verify();
      if (!anchor) throw new Error('no anchor');
      await tampered(
        async (query) => {
          await query(`TRUNCATE audit_seal_entry, audit_seal, audit_event`);
          for (let i = 0; i < 5; i += 1) {
            await query(
              `INSERT INTO audit_event (occurred_at, actor_user_id, actor_agency_id, action, subject_type, subject_id, decision, request_id)
               VALUES (now(), 'someone', NULL, 'SIGN_IN', 'Session', $1, 'ALLOWED', $1)`,
              [`forged-${i}`],
            );
          }
        },
        async () => {
          // Re-sealed with the very same algorithm, by the app's own sealer.
          expect(await seals.seal()).toMatchObject({ seq: 1 });
          const forged = await verify();
          expect(forged).toMatchObject({ ok: true, firstProblem: null, sealsChecked: 1, eventsChecked: 5 });
          expect(await verify(anchor)).toMatchObject({
            ok: false,
            firstProblem: `the chain does not contain the anchor seal ${anchor.seq}: it was rewritten`,
          });
        },
      );
    });

    it('an unsealed event older than the grace period (inserted afterwards, backdated) is reported by the verifier', async () => {
      await seals.seal();
      await tampered(
        (query) =>
          query(
            `INSERT INTO audit_event (occurred_at, actor_user_id, action, subject_type, subject_id, decision)
             VALUES (now() - interval '1 hour', 'backdated', 'READ_SURVIVOR', 'Survivor', 'x', 'ALLOWED')`,
          ).then(() => undefined),
        async () => {
          expect(await seals.verify()).toMatchObject({
            ok: false,
            firstProblem: '1 events older than 300 s were never sealed (inserted afterwards?)',
            unsealedEvents: 1,
          });
        },
      );
    });

    it('a backdated event is still reported by verifyAuditTrail (which seals before it verifies)', async () => {
      await verify();
      await tampered(
        (query) =>
          query(
            `INSERT INTO audit_event (occurred_at, actor_user_id, action, subject_type, subject_id, decision)
             VALUES (now() - interval '1 hour', 'backdated', 'READ_SURVIVOR', 'Survivor', 'x', 'ALLOWED')`,
          ).then(() => undefined),
        async () => {
          const report = await verify();
          expect(report.ok).toBe(false);
          expect(report.firstProblem).not.toBeNull();
        },
      );
    });
  });

  describe('concurrency', () => {
    it('8 parallel writers (mutations and reads) with sealing running repeatedly alongside produce a trail that verifies', async () => {
      const staff = [
        'ngo.caseworker',
        'ngo.lead',
        'legal.caseworker',
        'legal.lead',
        'pd.investigator',
        'pd.supervisor',
      ];
      const errors: unknown[] = [];
      const check = (response: { body: { errors?: unknown } }) => {
        if (response.body.errors) errors.push(response.body.errors);
        return response;
      };
      const writer = async (user: string) => {
        for (let i = 0; i < 6; i += 1) {
          if (user === 'tf.coordinator') {
            check(await hub.gql(CREATE_PROTOCOL, { input: protocolInput() }, { user: COORDINATOR }));
          } else if (user === 'tf.auditor') {
            check(await send(hub, { user }, `{ auditEvents(first: 20) { edges { node { id } } } }`));
          } else {
            const survivor = await createSurvivor(hub, user, personalData(tag()));
            const [read, , list] = await Promise.all([
              hub.gql(SURVIVOR_BY_ID('id version givenName phone'), { id: survivor.id }, { user }),
              hub.gql(
                UPDATE_SURVIVOR,
                { input: { id: survivor.id, expectedVersion: survivor.version, caseNotes: `note ${i}` } },
                { user },
              ),
              hub.gql(SURVIVORS('id givenName'), { first: 10 }, { user }),
            ]);
            check(read);
            check(list);
          }
        }
      };
      let writing = true;
      const sealer = async () => {
        let made = 0;
        while (writing) {
          if (await seals.seal()) made += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return made;
      };
      const before = await counts();
      const firstId = (await auditMaxId(hub)) + 1;
      const sealers = [sealer(), sealer()];
      await Promise.all([...staff, 'tf.coordinator', 'tf.auditor'].map((user) => writer(user)));
      writing = false;
      const made = (await Promise.all(sealers)).reduce((a, b) => a + b, 0);
      expect(errors).toEqual([]);
      expect(made).toBeGreaterThan(1);

      await seals.seal();
      const after = await counts();
      expect(after.events - before.events).toBeGreaterThan(8 * 6);
      // Every event sealed exactly once.
      expect({ entries: after.entries, distinct: after.distinct, sealed: after.sealed }).toEqual({
        entries: after.events,
        distinct: after.events,
        sealed: after.events,
      });
      expect(await seals.verify()).toEqual({
        ok: true,
        firstProblem: null,
        problem: null,
        sealsChecked: after.seals,
        eventsChecked: after.events,
        unsealedEvents: 0,
        anchor: await seals.anchor(),
      });
      expect(await verify()).toMatchObject({ ok: true, firstProblem: null, unsealedEvents: 0 });
      // Every event written in this run carries a request id (none was written outside a request).
      expect(await auditWhere(hub, `id >= $1 AND request_id IS NULL`, [firstId])).toEqual([]);
    });
  });
});
