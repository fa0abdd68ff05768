import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { Transactions } from '@hub/database';
import { demoUser, startTestMailbox, startTestWorker, TestHub, TestMailbox, TestProcess } from '@hub/testing';
import { DIGEST_QUEUE, EMAIL_HEADLINES, NotificationPublisher } from '@hub/notifications';
import { rows } from './e2e-support';
import { startHub } from './hub';
import {
  consentInput,
  createSurvivor,
  FEDERAL,
  HARBOR,
  ok,
  personalData,
  personalStrings,
  recordConsent,
  SAFE_PASSAGE,
  tag,
} from './survivor-support';

const HARBOR_INTAKE = 'intake@harborlight.example.org';
const SAFE_PASSAGE_INTAKE = 'intake@safepassage.example.org';
const FEDERAL_INTAKE = 'victim.assistance@fvao.example.gov';
const CASEWORKER_EMAIL = 'ngo.caseworker@demo.taskforce.example';
const DIGEST_EMAIL = 'legal.caseworker@demo.taskforce.example';
const PREFIX = 'Task Force Hub: ';

/** The kind of record each kind of notification is about (as the publishing domain says). */
function subjectTypeOf(eventType: string): string {
  if (eventType === 'BREAK_GLASS_ENDED' || eventType === 'BREAK_GLASS_REVIEWED') return 'BreakGlass';
  if (eventType.startsWith('CONSENT_') || eventType === 'BREAK_GLASS') return 'Survivor';
  if (eventType.startsWith('PROTOCOL_')) return 'Protocol';
  if (eventType.startsWith('TA_')) return 'TechnicalAssistanceRequest';
  return 'Referral';
}

/**
 * E-mail delivery end to end: the API writes notifications, the worker (its own process) sends
 * them through a real SMTP server. Every kind of notification reaches Harbor Light's intake
 * address and ngo.caseworker (who chose e-mail) in English, and Safe Passage's intake address in
 * Spanish (its admin chose it), once each, with no personal field of the survivor it is about.
 */
describe('notifications by e-mail (API, worker process, SMTP server)', () => {
  let hub: TestHub;
  let mailbox: TestMailbox;
  let worker: TestProcess | undefined;
  const data = personalData(tag());
  let reference: string;
  let referralId: string;

  beforeAll(async () => {
    [hub, mailbox] = await Promise.all([startHub(), startTestMailbox()]);

    const agency = await hub.gql<{ agency: { version: number } }>(
      `query($id: ID!) { agency(id: $id) { version } }`,
      { id: SAFE_PASSAGE },
      { user: 'legal.lead' },
    );
    ok(
      await hub.gql(
        `mutation($input: UpdateAgencyProfileInput!) { updateAgencyProfile(input: $input) { agency { notificationLanguage } } }`,
        {
          input: {
            agencyId: SAFE_PASSAGE,
            expectedVersion: ok(agency).agency.version,
            notificationLanguage: 'es',
          },
        },
        { user: 'legal.lead' },
      ),
    );
    ok(
      await hub.gql(
        `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { delivery } } }`,
        { input: { delivery: 'EMAIL_IMMEDIATE' } },
        { user: 'ngo.caseworker' },
      ),
    );
    ok(
      await hub.gql(
        `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { delivery } } }`,
        { input: { delivery: 'DAILY_DIGEST' } },
        { user: 'legal.caseworker' },
      ),
    );

    // A survivor with every personal field filled in, and an urgent referral about them, sent.
    const survivor = await createSurvivor(hub, 'ngo.caseworker', data);
    reference = survivor.reference;
    const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(survivor.id));
    const created = ok(
      await hub.gql<{ createReferral: { referral: { id: string; version: number } } }>(
        `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id version } } }`,
        {
          input: {
            toAgencyId: SAFE_PASSAGE,
            needs: ['LEGAL'],
            urgency: 'URGENT',
            survivorId: survivor.id,
            consentId: consent.id,
            sharedClasses: ['IDENTITY', 'CONTACT'],
          },
        },
        { user: 'ngo.caseworker' },
      ),
    ).createReferral.referral;
    referralId = created.id;
    ok(
      await hub.gql(
        `mutation($input: ReferralTransitionInput!) { sendReferral(input: $input) { referral { status } } }`,
        { input: { referralId, expectedVersion: created.version } },
        { user: 'ngo.caseworker' },
      ),
    );

    // Every other kind, about the same survivor where the kind is about one, to both agencies.
    const publisher = hub.app.get(NotificationPublisher);
    const transactions = hub.app.get(Transactions);
    for (const eventType of Object.keys(EMAIL_HEADLINES)) {
      const subjectType = subjectTypeOf(eventType);
      const subjectId =
        subjectType === 'Referral' ? referralId : subjectType === 'Survivor' ? survivor.id : randomUUID();
      await transactions.run((tx) =>
        publisher.publish(tx, {
          agencyIds: [HARBOR, SAFE_PASSAGE],
          eventType,
          subjectType,
          subjectId,
          message: `Something happened about survivor ${reference}.`,
        }),
      );
    }

    // A notification to the federal office, written while it was on the hub; then a platform
    // administrator takes it off the hub before the worker delivers: nothing may reach it now.
    await transactions.run((tx) =>
      publisher.publish(tx, {
        agencyIds: [FEDERAL],
        eventType: 'REFERRAL_RECEIVED',
        subjectType: 'Referral',
        subjectId: referralId,
        message: `Something happened about survivor ${reference}.`,
      }),
    );
    const federal = ok(
      await hub.gql<{ agency: { version: number } }>(
        `query($id: ID!) { agency(id: $id) { version } }`,
        { id: FEDERAL },
        { user: 'hub.admin' },
      ),
    ).agency;
    ok(
      await hub.gql(
        `mutation($input: DeactivateAgencyInput!) { deactivateAgency(input: $input) { agency { status } } }`,
        { input: { agencyId: FEDERAL, expectedVersion: federal.version, reason: 'Left the task force' } },
        { user: 'hub.admin' },
      ),
    );
    worker = await startTestWorker(hub.db.apiUrl, mailbox.url);
  }, 180_000);

  afterAll(async () => {
    await worker?.kill();
    await Promise.all([hub?.close(), mailbox?.close()]);
  });

  const kinds = Object.keys(EMAIL_HEADLINES);
  /** What the API itself told Safe Passage: the consent naming it, the referral sent to it. */
  const fromTheApi: Record<string, number> = { CONSENT_RECORDED: 1, REFERRAL_SENT: 1 };
  /** Those, then three messages for each kind. */
  const expected = 2 + 3 * kinds.length;

  async function allDelivered() {
    await mailbox.waitFor(expected, 60_000);
    const deadline = Date.now() + 30_000;
    const pending = async () =>
      (await rows<{ n: number }>(hub, `SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`))[0]
        .n;
    while ((await pending()) > 0) {
      if (Date.now() > deadline) throw new Error('outbox rows left unprocessed');
      await new Promise((wait) => setTimeout(wait, 100));
    }
    // Long enough for a duplicate to show.
    await new Promise((wait) => setTimeout(wait, 1_000));
    return mailbox.received;
  }

  const headlineOf = (subject: string) => subject.slice(PREFIX.length).split(' · ')[0];

  it('delivers each kind once to each recipient, in the language of its agency', async () => {
    const received = await allDelivered();
    expect(received).toHaveLength(expected);
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(expected);
    for (const kind of kinds) {
      const { en, es } = EMAIL_HEADLINES[kind];
      const to = (address: string, headline: string) =>
        received.filter((mail) => mail.to.includes(address) && headlineOf(mail.subject) === headline);
      const sent = 1 + (fromTheApi[kind] ?? 0);
      expect({
        kind,
        harbor: to(HARBOR_INTAKE, en).length,
        caseworker: to(CASEWORKER_EMAIL, en).length,
      }).toEqual({
        kind,
        harbor: 1,
        caseworker: 1,
      });
      expect({ kind, safePassage: to(SAFE_PASSAGE_INTAKE, es).length }).toEqual({ kind, safePassage: sent });
      for (const mail of [...to(HARBOR_INTAKE, en), ...to(CASEWORKER_EMAIL, en)])
        expect(mail.language).toBe('en');
      for (const mail of to(SAFE_PASSAGE_INTAKE, es)) expect(mail.language).toBe('es');
    }
  });

  it('carries no personal field of the survivor in any subject or body, only the pseudonymous reference', async () => {
    const received = await allDelivered();
    const personal = personalStrings(data);
    expect(personal.length).toBeGreaterThan(10);
    for (const mail of received) {
      for (const value of personal) {
        expect({ subject: mail.subject, found: mail.subject.includes(value) }).toEqual({
          subject: mail.subject,
          found: false,
        });
        expect({ subject: mail.subject, found: mail.text.includes(value) }).toEqual({
          subject: mail.subject,
          found: false,
        });
      }
    }
    // What a referral's message does say: the reference, the agencies, the urgency, a link to
    // its notification (Safe Passage has two about the referral: the API's and the published one).
    const sent = received.filter(
      (mail) =>
        mail.to.includes(SAFE_PASSAGE_INTAKE) &&
        headlineOf(mail.subject) === EMAIL_HEADLINES.REFERRAL_SENT.es,
    );
    const notifications = await rows<{ id: string }>(
      hub,
      `SELECT id FROM notification WHERE subject_id = $1 AND event_type = 'REFERRAL_SENT' AND agency_id = $2`,
      [referralId, SAFE_PASSAGE],
    );
    expect(
      sent.map((mail) => /https:\/\/hub\.test\/notifications\/(\S+)\n/.exec(mail.text)?.[1]).sort(),
    ).toEqual(notifications.map((row) => row.id).sort());
    for (const mail of sent) {
      expect(mail.subject).toBe(`${PREFIX}${EMAIL_HEADLINES.REFERRAL_SENT.es} · ${reference} · urgente`);
      expect(mail.text).toContain(`Referencia del sobreviviente: ${reference}\n`);
      expect(mail.text).toContain('De: Harbor Light Survivor Services\n');
      expect(mail.text).toContain('Para: Safe Passage Legal Aid\n');
      expect(mail.text).toContain('Urgencia: urgente\n');
    }
  });

  it('e-mails nothing to an agency deactivated after its notification was written, and finishes its row', async () => {
    const received = await allDelivered();
    expect(received.filter((mail) => mail.to.includes(FEDERAL_INTAKE))).toEqual([]);
    const federal = await rows<{ processed: boolean; deliveries: number }>(
      hub,
      `SELECT o.processed_at IS NOT NULL AS processed,
              (SELECT count(*)::int FROM notification_delivery d WHERE d.outbox_id = o.id) AS deliveries
         FROM outbox o JOIN notification n ON n.id = CAST(o.payload->>'notificationId' AS uuid)
        WHERE n.agency_id = $1`,
      [FEDERAL],
    );
    expect(federal).toEqual([{ processed: true, deliveries: 0 }]);
  });

  it('records each delivery once, keyed by outbox row and recipient', async () => {
    await allDelivered();
    const deliveries = await rows<{ recipient: string; n: number }>(
      hub,
      `SELECT recipient, count(*)::int AS n FROM notification_delivery GROUP BY recipient ORDER BY recipient`,
    );
    expect(deliveries).toEqual([
      { recipient: 'agency', n: expected - kinds.length },
      { recipient: `user:${demoUser('ngo.caseworker').sub}`, n: kinds.length },
    ]);
  });

  it("sends a daily-digest user one message for the day, in the agency's language, once", async () => {
    await allDelivered();
    // The day the notifications were written (from the database, so no test depends on today).
    const [{ day, n }] = await rows<{ day: string; n: number }>(
      hub,
      `SELECT (created_at AT TIME ZONE 'UTC')::date::text AS day, count(*)::int AS n
         FROM notification WHERE agency_id = $1 GROUP BY 1 ORDER BY 1 DESC LIMIT 1`,
      [SAFE_PASSAGE],
    );
    const boss = new PgBoss({
      connectionString: hub.db.ownerUrl,
      migrate: false,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    try {
      await boss.send(DIGEST_QUEUE, { day });
      const [digest] = (await mailbox.waitFor(expected + 1, 30_000)).slice(expected);
      expect({ to: digest.to, subject: digest.subject, language: digest.language }).toEqual({
        to: [DIGEST_EMAIL],
        subject: `${PREFIX}resumen diario del ${day} · ${n} notificaciones`,
        language: 'es',
      });
      for (const kind of kinds) expect(digest.text).toContain(`- ${EMAIL_HEADLINES[kind].es}`);
      for (const value of personalStrings(data)) expect(digest.text.includes(value)).toBe(false);
      // The same day again (a retried or duplicated job): nothing more is sent.
      await boss.send(DIGEST_QUEUE, { day });
      const deadline = Date.now() + 5_000;
      const done = async () =>
        (
          await rows<{ n: number }>(
            hub,
            `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
            [DIGEST_QUEUE],
          )
        )[0].n;
      while ((await done()) < 2 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
      expect(await done()).toBe(2);
      expect(mailbox.received).toHaveLength(expected + 1);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
