import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { agenciesMigrations } from '@hub/agencies';
import { auditMigrations } from '@hub/audit';
import { Actor } from '@hub/authz';
import { AccessScope, defineAbilityFor } from '@hub/access';
import { consentsMigrations, liveConsentGrantSql } from '@hub/consents';
import { databaseMigrations, dataSourceOptions, namedQuery } from '@hub/database';
import { notificationsMigrations } from '@hub/notifications';
import { createTestDatabase, propertyRuns, TestDatabase } from '@hub/testing';
import { workflowMigrations } from '@hub/workflow';
import { referralsMigrations } from '../migrations';
import { effectiveStatus } from './referral-lifecycle';
import { ReferralStatus as S } from './referral.enums';
import { ReferralBoxCountsRow, ReferralRepository } from './referral.repository';

/**
 * The box counts (referral_box_count kept by triggers, NEEDS_ACTION derived at `now`) against a
 * brute-force count over every row, after every step of random histories written straight into
 * the table by the API's role, as any path could: inserts (drafts, and reports created SENT),
 * sends, any stored status (a sweep storing EXPIRED, a hand-back declining in bulk), deletes,
 * consents ending or revoked, and an injected clock moving past deadlines. The brute force is
 * the definition: the caller's boxes by `sent_at`, NEEDS_ACTION by effectiveStatus as of now.
 */

const AGENCIES = [1, 2, 3].map((n) => `0b7e1d3c-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`);
const HOUR = 3600_000;
/** Random histories per run (a second or two; the referral property suite covers the service paths). */
const RUNS = propertyRuns(12);

const STORED = [S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD, S.COMPLETED, S.DECLINED];
const stepArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      from: fc.nat({ max: 2 }),
      to: fc.nat({ max: 1 }),
      consent: fc.option(fc.nat({ max: 2 }), { nil: null }),
      sentHours: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      pick: fc.nat(),
      hours: fc.integer({ min: 1, max: 48 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      pick: fc.nat(),
      status: fc.constantFrom(...STORED, S.EXPIRED, S.FAILED, S.WITHDRAWN),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('handBack' as const), agency: fc.nat({ max: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      minutes: fc.integer({ min: 0, max: 3000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('revoke' as const), consent: fc.nat({ max: 2 }) }),
  },
);

describe('referral box counts (property-based, real PostgreSQL)', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let owner: DataSource;
  let api: DataSource;
  let repository: ReferralRepository;
  let steps = 0;
  let now = new Date('2031-03-01T12:00:00Z');
  const consents: string[] = [];
  let survivorId = '';

  const scopeOf = (agencyId: string, roles: string[]): AccessScope => {
    const actor: Actor = { userId: 'u', agencyId, agencyType: 'NGO', roles, taskForceIds: [] };
    return { actor, ability: defineAbilityFor(actor) };
  };

  beforeAll(async () => {
    db = await createTestDatabase([
      ...databaseMigrations,
      ...agenciesMigrations,
      ...auditMigrations,
      ...notificationsMigrations,
      ...workflowMigrations,
      ...consentsMigrations,
      ...referralsMigrations,
    ]);
    owner = new DataSource(dataSourceOptions({ url: db.ownerUrl }));
    api = new DataSource(dataSourceOptions({ url: db.apiUrl }));
    await Promise.all([owner.initialize(), api.initialize()]);
    repository = new ReferralRepository(api);
    for (const [i, id] of AGENCIES.entries()) {
      await owner.query(
        `INSERT INTO agency (id, name, type, jurisdiction, accepting_referrals) VALUES ($1, $2, 'NGO', 'Test', true)`,
        [id, `Agency ${i}`],
      );
    }
    [{ id: survivorId }] = (await owner.query(
      `INSERT INTO survivor (reference, owner_agency_id, minor, created_by) VALUES ('S-0000000001', $1, false, 't')
       RETURNING id`,
      [AGENCIES[2]],
    )) as { id: string }[];
    // Three consents naming the first two agencies, ending at different times.
    for (const days of [1, 3, 30]) {
      const from = new Date(now.getTime() - HOUR);
      const until = new Date(now.getTime() + days * 24 * HOUR);
      const [{ id }] = (await owner.query(
        `INSERT INTO consent (survivor_id, owner_agency_id, grantor_type, recipient_agency_ids, purposes, data_classes,
           valid_from, valid_until, obtained_how, language, interpreter_used, acknowledged_right_to_revoke,
           acknowledged_not_condition_of_service, acknowledged_redisclosure_risk, document_reference, recorded_by)
         VALUES ($1, $2, 'SELF', $3, '{SERVICE}', '{IDENTITY}', $4, $5, 'WRITTEN', 'en', false, true, true, true, 'doc', 't')
         RETURNING id`,
        [survivorId, AGENCIES[2], AGENCIES.slice(0, 2), from, until],
      )) as { id: string }[];
      for (const agencyId of AGENCIES.slice(0, 2)) {
        await owner.query(
          `INSERT INTO consent_grant (consent_id, survivor_id, agency_id, data_classes, purposes, valid_from, valid_until)
           VALUES ($1, $2, $3, '{IDENTITY}', '{SERVICE}', $4, $5)`,
          [id, survivorId, agencyId, from, until],
        );
      }
      consents.push(id);
    }
  });

  afterAll(async () => {
    await api?.destroy();
    await owner?.destroy();
    await db?.drop();
    process.stdout.write(`referral box counts: ${steps} random steps checked in ${RUNS} runs\n`);
  });

  /** The definition, row by row: what the old scan over every referral answered. */
  async function bruteForce(agencyId: string): Promise<ReferralBoxCountsRow> {
    const rows = (await namedQuery(
      owner.manager,
      `SELECT r.from_agency_id AS "from", r.to_agency_id AS "to", r.status, r.sent_at AS "sentAt",
              r.response_due_at AS "dueAt", r.consent_id AS "consentId",
              (r.consent_id IS NULL OR ${liveConsentGrantSql('r.consent_id', 'r.to_agency_id')}) AS "consentLive"
         FROM referral r`,
      { now },
    )) as {
      from: string;
      to: string;
      status: S;
      sentAt: Date | null;
      dueAt: Date | null;
      consentId: string | null;
      consentLive: boolean;
    }[];
    const received = rows.filter((r) => r.to === agencyId && r.sentAt !== null);
    return {
      received: received.length,
      sent: rows.filter((r) => r.from === agencyId && r.sentAt !== null).length,
      drafts: rows.filter((r) => r.from === agencyId && r.sentAt === null).length,
      needsAction: received.filter((r) => {
        const status = effectiveStatus(
          { status: r.status, responseDueAt: r.dueAt, consentId: r.consentId },
          r.consentLive,
          now,
        );
        return (
          status === S.SENT ||
          status === S.ACKNOWLEDGED ||
          ([S.ACCEPTED, S.IN_PROGRESS].includes(status) &&
            r.dueAt !== null &&
            r.dueAt.getTime() < now.getTime())
        );
      }).length,
    };
  }

  async function pick(n: number, where = 'TRUE'): Promise<string | null> {
    const ids = (await api.query(`SELECT id FROM referral WHERE ${where} ORDER BY id`)) as { id: string }[];
    return ids.length ? ids[n % ids.length].id : null;
  }

  type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;
  async function apply(step: Step): Promise<void> {
    switch (step.kind) {
      case 'insert': {
        const from = AGENCIES[step.from];
        const to = AGENCIES.filter((a) => a !== from)[step.to];
        const sent = step.sentHours === null ? null : new Date(now.getTime() - HOUR);
        const due = step.sentHours === null ? null : new Date(now.getTime() + step.sentHours * HOUR);
        const consentId = step.consent === null ? null : consents[step.consent];
        await api.query(
          `INSERT INTO referral (from_agency_id, to_agency_id, needs, urgency, status, sent_at, response_due_at,
             survivor_id, consent_id, created_by, created_at)
           VALUES ($1, $2, '{LEGAL}', 'ROUTINE', $3, $4, $5, $6, $7, 't', $8)`,
          [from, to, sent ? S.SENT : S.DRAFT, sent, due, consentId && survivorId, consentId, now],
        );
        return;
      }
      case 'send': {
        const id = await pick(step.pick, `status = 'DRAFT'`);
        if (id) {
          await api.query(
            `UPDATE referral SET status = 'SENT', sent_at = $2, response_due_at = $3 WHERE id = $1`,
            [id, now, new Date(now.getTime() + step.hours * HOUR)],
          );
        }
        return;
      }
      case 'status': {
        const id = await pick(step.pick, `sent_at IS NOT NULL`);
        if (id) await api.query(`UPDATE referral SET status = $2 WHERE id = $1`, [id, step.status]);
        return;
      }
      case 'handBack':
        // The agency hand-back's shape: many rows in one statement.
        await api.query(
          `UPDATE referral SET status = 'DECLINED'
            WHERE to_agency_id = $1 AND status IN ('SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')`,
          [AGENCIES[step.agency]],
        );
        return;
      case 'delete': {
        const id = await pick(step.pick);
        if (id) await api.query(`DELETE FROM referral WHERE id = $1`, [id]);
        return;
      }
      case 'advance':
        now = new Date(now.getTime() + step.minutes * 60_000);
        return;
      case 'revoke':
        await owner.query(
          `UPDATE consent_grant SET revoked_at = $2 WHERE consent_id = $1 AND revoked_at IS NULL`,
          [consents[step.consent], now],
        );
        return;
    }
  }

  it('every box of every agency, after every step, is the brute-force count as of the clock', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 25 }), async (history) => {
        await owner.query(`DELETE FROM referral`);
        await owner.query(`UPDATE consent_grant SET revoked_at = NULL`);
        now = new Date('2031-03-01T12:00:00Z');
        for (const step of history) {
          await apply(step);
          steps += 1;
          for (const agencyId of AGENCIES) {
            const counts = await repository.counts(scopeOf(agencyId, ['caseworker']), agencyId, now);
            expect({ step, agencyId, counts }).toEqual({
              step,
              agencyId,
              counts: await bruteForce(agencyId),
            });
          }
        }
        // Staff without the read rules count nothing, whatever their agency holds.
        const admin = await repository.counts(scopeOf(AGENCIES[0], ['agency_admin']), AGENCIES[0], now);
        expect(admin).toEqual({ received: 0, sent: 0, needsAction: 0, drafts: 0 });
      }),
      { numRuns: RUNS },
    );
    // The stored counts are exactly the rows' (no drift left behind by any statement).
    const drift = (await owner.query(
      `SELECT agency_id, box, status, c.referrals, x.n
         FROM referral_box_count c
         FULL JOIN (SELECT from_agency_id AS agency_id, CASE WHEN sent_at IS NULL THEN 'DRAFTS' ELSE 'SENT' END AS box,
                           status, count(*)::int AS n
                      FROM referral GROUP BY 1, 2, 3
                    UNION ALL
                    SELECT to_agency_id, 'RECEIVED', status, count(*)::int FROM referral WHERE sent_at IS NOT NULL
                     GROUP BY 1, 2, 3) x USING (agency_id, box, status)
        WHERE coalesce(c.referrals, 0) <> coalesce(x.n, 0)`,
    )) as unknown[];
    expect(drift).toEqual([]);
  });
});
