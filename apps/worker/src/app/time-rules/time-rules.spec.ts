import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditEntities, AuditWriter } from '@hub/audit';
import { Clock, loadConfig } from '@hub/config';
import { ConsentReminders } from '@hub/consents';
import { dataSourceOptions, Transactions } from '@hub/database';
import { DEMO_AGENCY_IDS, DEMO_TASK_FORCE } from '@hub/demo-data';
import { JobQueue } from '@hub/jobs';
import { notificationPublisherOn, Reminders } from '@hub/notifications';
import { Metrics } from '@hub/observability';
import { ProtocolReminders } from '@hub/protocols';
import { ReferralExpiry, ReferralReminders, referralsEntities } from '@hub/referrals';
import { LastQuery, planOf, TestDatabase } from '@hub/testing';
import { EventLog, MessageThread, RecordWorkflow, Refusals } from '@hub/workflow';
import { hubDatabase } from '../../testing/worker-hub';
import { timeRulesConfig } from './time-rules.config';
import { TimeRules } from './time-rules';

/** The frozen "now" of every run here: never today's date. */
const NOW = new Date('2030-03-10T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

const SENDER = DEMO_AGENCY_IDS.bayviewPolice;
const RECIPIENT = DEMO_AGENCY_IDS.harborLight;
const COORDINATOR = DEMO_AGENCY_IDS.taskForceOffice;

/**
 * The time-based rules against the hub's real schema (migrated by the API's migrate entry, demo
 * agencies and task force), as the worker's role, with the clock frozen at NOW: the expiry sweep
 * records once through the workflow kernel, even when two sweeps race, and leaves a referral a
 * caller is accepting; each reminder goes out once per threshold. The services are the worker's
 * own classes, built by hand around one data source so every statement can be explained.
 */
describe('time-based rules (expiry sweep and reminders, frozen clock, real PostgreSQL)', () => {
  let db: TestDatabase;
  let owner: DataSource;
  let api: DataSource;
  let metrics: Metrics;
  let expiry: ReferralExpiry;
  let rules: TimeRules;
  // Every statement the rules send, to ask PostgreSQL how it would run them.
  const statements = new LastQuery(/^\s*SELECT/i, { keepAll: true });

  beforeAll(async () => {
    db = await hubDatabase();
    owner = await new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 3 })).initialize();
    api = await new DataSource({
      ...dataSourceOptions({
        url: db.apiUrl,
        entities: [...referralsEntities, ...auditEntities],
        poolSize: 6,
      }),
      logging: ['query'],
      logger: statements,
    }).initialize();
    const transactions = new Transactions(api);
    const publisher = notificationPublisherOn(api);
    const audit = new AuditWriter(transactions);
    const workflow = new RecordWorkflow(
      transactions,
      new EventLog(transactions),
      new MessageThread(transactions),
      audit,
      publisher,
      new Refusals(audit),
    );
    metrics = new Metrics();
    const reminders = new Reminders(transactions, publisher, metrics);
    expiry = new ReferralExpiry(transactions, workflow, metrics);
    const frozen: Clock = { now: () => new Date(NOW) };
    rules = new TimeRules(
      // Only scheduling uses the queue (onApplicationBootstrap, not called here).
      null as unknown as JobQueue,
      frozen,
      loadConfig(timeRulesConfig, { TIME_RULES_BATCH_SIZE: '2' }),
      expiry,
      new ReferralReminders(transactions, reminders),
      new ConsentReminders(transactions, reminders),
      new ProtocolReminders(transactions, reminders),
    );
  }, 120_000);

  afterAll(async () => {
    await api?.destroy();
    await owner?.destroy();
    await db?.drop();
  });

  // --- records, written as the owner (the API would have written them earlier) -------------

  async function survivorWithConsent(consent: { validUntil: Date; revoked?: boolean; owner?: string }) {
    const ownerAgency = consent.owner ?? SENDER;
    const survivorId = randomUUID();
    const consentId = randomUUID();
    const reference = `S-${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    await owner.query(
      `INSERT INTO survivor (id, reference, owner_agency_id, created_by) VALUES ($1, $2, $3, 'test')`,
      [survivorId, reference, ownerAgency],
    );
    await owner.query(
      `INSERT INTO consent (id, survivor_id, owner_agency_id, grantor_type, recipient_agency_ids, purposes,
         data_classes, valid_from, valid_until, obtained_how, language, interpreter_used,
         acknowledged_right_to_revoke, acknowledged_not_condition_of_service, acknowledged_redisclosure_risk,
         document_reference, recorded_by)
       VALUES ($1, $2, $3, 'SELF', ARRAY[$4]::uuid[], ARRAY['SERVICE'], ARRAY['NEEDS'], $5, $6, 'WRITTEN', 'en',
         false, true, true, true, 'DOC-1', 'test')`,
      [consentId, survivorId, ownerAgency, RECIPIENT, at(-30 * DAY), consent.validUntil],
    );
    await owner.query(
      `INSERT INTO consent_grant (consent_id, survivor_id, agency_id, data_classes, purposes, valid_from,
         valid_until, revoked_at)
       VALUES ($1, $2, $3, ARRAY['NEEDS'], ARRAY['SERVICE'], $4, $5, $6)`,
      [
        consentId,
        survivorId,
        RECIPIENT,
        at(-30 * DAY),
        consent.validUntil,
        consent.revoked ? at(-HOUR) : null,
      ],
    );
    if (consent.revoked) {
      await owner.query(
        `INSERT INTO consent_revocation (consent_id, revoked_at, revoked_by, revoked_by_agency_id, channel)
         VALUES ($1, $2, 'test', $3, 'PHONE')`,
        [consentId, at(-HOUR), ownerAgency],
      );
    }
    return { survivorId, consentId };
  }

  /** A referral (default from SENDER to RECIPIENT), sent `sentAt` with its deadline `dueAt`. */
  async function referral(options: {
    from?: string;
    to?: string;
    status: string;
    sentAt: Date;
    dueAt: Date;
    updatedAt?: Date;
    consent?: { survivorId: string; consentId: string };
  }): Promise<string> {
    const [{ id }] = await owner.query<{ id: string }[]>(
      `INSERT INTO referral (from_agency_id, to_agency_id, needs, urgency, status, sent_at, response_due_at,
         survivor_id, consent_id, shared_classes, created_by, updated_at)
       VALUES ($1, $2, ARRAY['CASE_MANAGEMENT'], 'URGENT', $3, $4, $5, $6, $7, $8, 'test', $9) RETURNING id`,
      [
        options.from ?? SENDER,
        options.to ?? RECIPIENT,
        options.status,
        options.sentAt,
        options.dueAt,
        options.consent?.survivorId ?? null,
        options.consent?.consentId ?? null,
        options.consent ? ['NEEDS'] : [],
        options.updatedAt ?? options.sentAt,
      ],
    );
    return id;
  }

  const rowsOf = (sql: string, params: unknown[]) => owner.query<Record<string, unknown>[]>(sql, params);
  const statusOf = async (id: string) =>
    (await rowsOf(`SELECT status, version FROM referral WHERE id = $1`, [id]))[0];
  const eventsOf = (id: string) =>
    rowsOf(
      `SELECT from_status, to_status, actor_user_id, actor_agency_id, reason, details FROM record_event
        WHERE subject_type = 'Referral' AND subject_id = $1`,
      [id],
    );
  const noticesAbout = async (subjectId: string) =>
    (
      await rowsOf(
        `SELECT n.event_type, n.agency_id, (SELECT count(*)::int FROM outbox o WHERE o.payload->>'notificationId' = n.id::text) AS outbox
           FROM notification n WHERE n.subject_id = $1 ORDER BY n.event_type, n.agency_id`,
        [subjectId],
      )
    ).map((row) => `${row.event_type as string} → ${row.agency_id as string} (${row.outbox as number})`);
  const remindersAbout = (subjectId: string) =>
    rowsOf(`SELECT kind, agency_id, threshold FROM reminder_sent WHERE subject_id = $1 ORDER BY agency_id`, [
      subjectId,
    ]);

  it('records a referral past its deadline, or whose consent ended first, as EXPIRED once: event, audit row, notices to both agencies', async () => {
    const late = await referral({ status: 'SENT', sentAt: at(-25 * HOUR), dueAt: at(-HOUR) });
    const lateAcknowledged = await referral({
      status: 'ACKNOWLEDGED',
      sentAt: at(-30 * HOUR),
      dueAt: at(-6 * HOUR),
    });
    const revoked = await survivorWithConsent({ validUntil: at(60 * DAY), revoked: true });
    const consentGone = await referral({
      status: 'SENT',
      sentAt: at(-HOUR),
      dueAt: at(23 * HOUR),
      consent: revoked,
    });
    const inTime = await referral({ status: 'SENT', sentAt: at(-HOUR), dueAt: at(23 * HOUR) });
    const live = await survivorWithConsent({ validUntil: at(60 * DAY) });
    const consentLive = await referral({
      status: 'SENT',
      sentAt: at(-HOUR),
      dueAt: at(23 * HOUR),
      consent: live,
    });
    const accepted = await referral({ status: 'ACCEPTED', sentAt: at(-30 * HOUR), dueAt: at(-6 * HOUR) });

    // Batches of two: three referrals to expire take two batches of the deadline and one of consents.
    expect(await expiry.sweep(NOW, 2)).toBe(3);

    for (const id of [late, lateAcknowledged, consentGone]) {
      expect(await statusOf(id)).toEqual({ status: 'EXPIRED', version: 2 });
      expect(await noticesAbout(id)).toEqual(
        [SENDER, RECIPIENT].sort().map((agency) => `REFERRAL_EXPIRED → ${agency} (1)`),
      );
      const audit = await rowsOf(
        `SELECT action, actor_user_id, actor_agency_id, decision, subject_agency_ids FROM audit_event WHERE subject_id = $1`,
        [id],
      );
      expect(audit).toEqual([
        {
          action: 'EXPIRE_REFERRAL',
          actor_user_id: null,
          actor_agency_id: null,
          decision: 'ALLOWED',
          subject_agency_ids: expect.arrayContaining([SENDER, RECIPIENT]),
        },
      ]);
    }
    expect(await eventsOf(late)).toEqual([
      {
        from_status: 'SENT',
        to_status: 'EXPIRED',
        actor_user_id: null,
        actor_agency_id: null,
        reason: 'No answer before the response deadline.',
        details: { cause: 'RESPONSE_DEADLINE' },
      },
    ]);
    expect((await eventsOf(lateAcknowledged))[0]).toMatchObject({ from_status: 'ACKNOWLEDGED' });
    expect((await eventsOf(consentGone))[0]).toMatchObject({ details: { cause: 'CONSENT_ENDED' } });
    for (const id of [inTime, consentLive, accepted]) {
      expect(await statusOf(id)).toEqual({ status: id === accepted ? 'ACCEPTED' : 'SENT', version: 1 });
      expect(await eventsOf(id)).toEqual([]);
    }

    // Again: nothing left to record, nothing recorded twice.
    expect(await expiry.sweep(NOW, 2)).toBe(0);
    expect(await eventsOf(late)).toHaveLength(1);
    expect(await noticesAbout(late)).toHaveLength(2);
    expect(await metrics.registry.getSingleMetricAsString('hub_referrals_expired_total')).toMatch(
      /hub_referrals_expired_total\{cause="RESPONSE_DEADLINE"\} 2\n[^]*cause="CONSENT_ENDED"\} 1/,
    );
  });

  it('records each referral once when two sweeps race (worker replicas)', async () => {
    const late = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        referral({ status: 'SENT', sentAt: at(-30 * HOUR), dueAt: at(-(i + 1) * HOUR) }),
      ),
    );
    const [first, second] = await Promise.all([expiry.sweep(NOW, 2), expiry.sweep(NOW, 2)]);
    expect(first + second).toBe(7);
    for (const id of late) {
      expect(await eventsOf(id)).toHaveLength(1);
      expect(await noticesAbout(id)).toHaveLength(2);
    }
  });

  it('leaves a referral the recipient is accepting at that moment, and does not expire it once accepted', async () => {
    const id = await referral({ status: 'SENT', sentAt: at(-30 * HOUR), dueAt: at(-HOUR) });
    const accepting = owner.createQueryRunner();
    await accepting.connect();
    try {
      await accepting.startTransaction();
      await accepting.query(`UPDATE referral SET status = 'ACCEPTED', version = version + 1 WHERE id = $1`, [
        id,
      ]);
      expect(await expiry.sweep(NOW, 2)).toBe(0);
      await accepting.commitTransaction();
    } finally {
      await accepting.release();
    }
    expect(await expiry.sweep(NOW, 2)).toBe(0);
    expect(await statusOf(id)).toEqual({ status: 'ACCEPTED', version: 2 });
    expect(await eventsOf(id)).toEqual([]);
  });

  it('sends each reminder once per subject and threshold, to the agency that must act', async () => {
    // The sweeps above left nothing to expire; what follows is only what each reminder finds.
    const dueSoon = await referral({ status: 'SENT', sentAt: at(-20 * HOUR), dueAt: at(4 * HOUR) });
    const notYet = await referral({ status: 'SENT', sentAt: at(-HOUR), dueAt: at(23 * HOUR) });
    const idle = await referral({
      status: 'ACCEPTED',
      sentAt: at(-40 * DAY),
      dueAt: at(-39 * DAY),
      updatedAt: at(-15 * DAY),
    });
    const busy = await referral({
      status: 'IN_PROGRESS',
      sentAt: at(-40 * DAY),
      dueAt: at(-39 * DAY),
      updatedAt: at(-20 * DAY),
    });
    await owner.query(
      `INSERT INTO record_message (subject_type, subject_id, author_user_id, author_agency_id, body, created_at)
       VALUES ('Referral', $1, 'someone', $2, 'An update.', $3)`,
      [busy, RECIPIENT, at(-2 * DAY)],
    );
    const ending = await survivorWithConsent({ validUntil: at(3 * DAY) });
    const later = await survivorWithConsent({ validUntil: at(30 * DAY) });
    const overdue = await protocolVersion({
      reviewBy: '2030-03-01',
      publishedAt: at(-20 * DAY),
      audience: ['NGO'],
    });
    const fresh = await protocolVersion({
      reviewBy: '2030-06-01',
      publishedAt: at(-2 * DAY),
      audience: ['NGO'],
    });
    await owner.query(
      `INSERT INTO protocol_acknowledgement (version_id, agency_id, protocol_id, acknowledged_by) VALUES ($1, $2, $3, 'test')`,
      [overdue.versionId, RECIPIENT, overdue.protocolId],
    );
    const ngos = (
      await rowsOf(
        `SELECT m.agency_id FROM task_force_membership m JOIN agency a ON a.id = m.agency_id
          WHERE m.task_force_id = $1 AND a.type = 'NGO' AND a.id <> $2 ORDER BY m.agency_id`,
        [DEMO_TASK_FORCE.id, RECIPIENT],
      )
    ).map((row) => row.agency_id as string);
    expect(ngos.length).toBeGreaterThan(0);

    const first = await rules.run(NOW);
    expect(first).toEqual({
      referralsExpired: 0,
      referralResponseDue: 1,
      referralIdle: 1,
      consentEnding: 1,
      protocolReviewDue: 1,
      protocolUnacknowledged: ngos.length,
    });
    expect(await remindersAbout(dueSoon)).toEqual([
      { kind: 'REFERRAL_RESPONSE_DUE_SOON', agency_id: RECIPIENT, threshold: '25%' },
    ]);
    expect(await noticesAbout(dueSoon)).toEqual([`REFERRAL_RESPONSE_DUE_SOON → ${RECIPIENT} (1)`]);
    expect(await remindersAbout(notYet)).toEqual([]);
    expect(await remindersAbout(idle)).toEqual([
      { kind: 'REFERRAL_IDLE', agency_id: RECIPIENT, threshold: expect.stringMatching(/^idle since /) },
    ]);
    expect(await remindersAbout(busy)).toEqual([]);
    expect(await remindersAbout(ending.consentId)).toEqual([
      { kind: 'CONSENT_ENDING_SOON', agency_id: SENDER, threshold: '7d' },
    ]);
    // The notice is about the survivor (its pseudonymous reference in e-mail), to the consent's owner.
    expect(await noticesAbout(ending.survivorId)).toEqual([`CONSENT_ENDING_SOON → ${SENDER} (1)`]);
    expect(await remindersAbout(later.consentId)).toEqual([]);
    expect(await noticesAbout(overdue.protocolId)).toEqual([
      ...ngos.map((agency) => `PROTOCOL_ACKNOWLEDGEMENT_OVERDUE → ${agency} (1)`),
      `PROTOCOL_REVIEW_DUE → ${COORDINATOR} (1)`,
    ]);
    expect(await noticesAbout(fresh.protocolId)).toEqual([]);

    // The next run finds every reminder sent: nothing twice.
    expect(Object.values(await rules.run(NOW)).every((count) => count === 0)).toBe(true);
    expect(await noticesAbout(dueSoon)).toHaveLength(1);
    expect(await metrics.registry.getSingleMetricAsString('hub_reminders_sent_total')).toContain(
      'hub_reminders_sent_total{kind="REFERRAL_IDLE"} 1',
    );

    // Idle again after new activity is a new threshold: reminded once more, once.
    await owner.query(`UPDATE referral SET updated_at = $2 WHERE id = $1`, [idle, at(-14 * DAY - HOUR)]);
    expect((await rules.run(NOW)).referralIdle).toBe(1);
    expect((await rules.run(NOW)).referralIdle).toBe(0);
  });

  it('addresses nothing to an agency deactivated on the hub: no reminder is owed to it, no notice of an expiry', async () => {
    // An NGO of the demo task force, taken off the hub as deactivateAgency leaves it, with every
    // kind of record a rule would remind it of, and a referral it sent that expires.
    const [{ id: gone }] = await owner.query<{ id: string }[]>(
      `INSERT INTO agency (name, type, jurisdiction, intake_email, deactivated_at, deactivated_by, deactivation_reason)
       VALUES ('Closed Door Shelter', 'NGO', 'Bay County', 'intake@closeddoor.example.org', $1, 'test', 'Closed.')
       RETURNING id`,
      [at(-DAY)],
    );
    await owner.query(
      `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER')`,
      [DEMO_TASK_FORCE.id, gone],
    );
    const dueSoon = await referral({ to: gone, status: 'SENT', sentAt: at(-20 * HOUR), dueAt: at(4 * HOUR) });
    const idle = await referral({
      to: gone,
      status: 'ACCEPTED',
      sentAt: at(-40 * DAY),
      dueAt: at(-39 * DAY),
      updatedAt: at(-15 * DAY),
    });
    const ending = await survivorWithConsent({ validUntil: at(3 * DAY), owner: gone });
    const reviewDue = await protocolVersion({
      reviewBy: '2030-03-01',
      publishedAt: at(-20 * DAY),
      audience: ['NGO'],
      owner: gone,
    });
    const late = await referral({ from: gone, status: 'SENT', sentAt: at(-25 * HOUR), dueAt: at(-HOUR) });
    const activeNgos = (
      await rowsOf(
        `SELECT m.agency_id FROM task_force_membership m JOIN agency a ON a.id = m.agency_id
          WHERE m.task_force_id = $1 AND a.type = 'NGO' AND a.deactivated_at IS NULL ORDER BY m.agency_id`,
        [DEMO_TASK_FORCE.id],
      )
    ).map((row) => row.agency_id as string);

    // The expiry is recorded (the sender's closed loop ends) and told to the recipient only; the
    // active audience is reminded of the new protocol; nothing is owed to the deactivated agency.
    expect(await rules.run(NOW)).toEqual({
      referralsExpired: 1,
      referralResponseDue: 0,
      referralIdle: 0,
      consentEnding: 0,
      protocolReviewDue: 0,
      protocolUnacknowledged: activeNgos.length,
    });
    expect(await statusOf(late)).toEqual({ status: 'EXPIRED', version: 2 });
    expect(await noticesAbout(late)).toEqual([`REFERRAL_EXPIRED → ${RECIPIENT} (1)`]);
    for (const subject of [dueSoon, idle, ending.consentId]) {
      expect({ subject, reminders: await remindersAbout(subject) }).toEqual({ subject, reminders: [] });
    }
    expect(await noticesAbout(reviewDue.protocolId)).toEqual(
      activeNgos.map((agency) => `PROTOCOL_ACKNOWLEDGEMENT_OVERDUE → ${agency} (1)`),
    );
    expect(await rowsOf(`SELECT kind FROM reminder_sent WHERE agency_id = $1`, [gone])).toEqual([]);
    expect(await rowsOf(`SELECT event_type FROM notification WHERE agency_id = $1`, [gone])).toEqual([]);
  });

  it('asks PostgreSQL for every rule through an index, never a scan of the table', async () => {
    // Tables this small are cheapest to scan; with scans priced out (one connection, its session
    // setting), the plan shows whether an index can serve each query.
    const planner = await new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1 })).initialize();
    await planner.query('SET enable_seqscan = off');
    statements.seen.length = 0;
    await rules.run(NOW);
    const expected: [RegExp, string][] = [
      [
        /response_due_at <= \$\d+\s+ORDER BY r\.response_due_at, r\.id\s+LIMIT \$\d+\s+FOR UPDATE/,
        'referral_awaiting_answer_idx',
      ],
      [/NOT \(r\.consent_id IS NULL[^]*FOR UPDATE/, 'referral_awaiting_answer_idx'],
      [/reminder_sent rs WHERE rs\.kind = 'REFERRAL_RESPONSE_DUE_SOON'/, 'referral_awaiting_answer_idx'],
      [/reminder_sent rs WHERE rs\.kind = 'REFERRAL_IDLE'/, 'referral_active_idx'],
      [/reminder_sent rs WHERE rs\.kind = 'CONSENT_ENDING_SOON'/, 'consent_valid_until_idx'],
      [/reminder_sent rs WHERE rs\.kind = 'PROTOCOL_REVIEW_DUE'/, 'protocol_version_review_idx'],
      [
        /reminder_sent rs WHERE rs\.kind = 'PROTOCOL_ACKNOWLEDGEMENT_OVERDUE'/,
        'protocol_version_pending_idx',
      ],
    ];
    for (const [pattern, index] of expected) {
      const statement = statements.seen.find((seen) => pattern.test(seen.sql));
      expect({ pattern: String(pattern), found: Boolean(statement) }).toEqual({
        pattern: String(pattern),
        found: true,
      });
      const nodes = await planOf(planner, { sql: statement?.sql ?? '', params: statement?.params ?? [] });
      expect({ index, used: nodes.some((node) => node['Index Name'] === index) }).toEqual({
        index,
        used: true,
      });
      expect(
        nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']),
      ).toEqual([]);
    }
    await planner.destroy();
  });

  async function protocolVersion(options: {
    reviewBy: string;
    publishedAt: Date;
    audience: string[];
    owner?: string;
  }) {
    const protocolId = randomUUID();
    const versionId = randomUUID();
    await owner.query(
      `INSERT INTO protocol (id, task_force_id, owner_agency_id, title, category, audience, created_by)
       VALUES ($1, $2, $3, 'Referral protocol', 'REFERRAL', $4, 'test')`,
      [protocolId, DEMO_TASK_FORCE.id, options.owner ?? COORDINATOR, options.audience],
    );
    await owner.query(
      `INSERT INTO protocol_version (id, protocol_id, number, title, category, audience, body, effective_date,
         review_by, state, created_by, published_at, published_by)
       VALUES ($1, $2, 1, 'Referral protocol', 'REFERRAL', $3, 'Body.', '2030-01-01', $4, 'PUBLISHED', 'test', $5, 'test')`,
      [versionId, protocolId, options.audience, options.reviewBy, options.publishedAt],
    );
    await owner.query(
      `UPDATE protocol SET status = 'PUBLISHED', current_version_id = $2, first_published_at = $3 WHERE id = $1`,
      [protocolId, versionId, options.publishedAt],
    );
    return { protocolId, versionId };
  }
});
