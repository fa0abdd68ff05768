import { randomUUID } from 'node:crypto';
import { Transactions } from '@hub/database';
import { demoUser, startTestMailbox, startTestWorker, TestHub, TestMailbox, TestProcess } from '@hub/testing';
import { EMAIL_HEADLINES, NotificationPublisher } from '@hub/notifications';
import { rows } from './e2e-support';
import { startHub } from './hub';
import {
  consentInput,
  createSurvivor,
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
const CASEWORKER_EMAIL = 'ngo.caseworker@demo.taskforce.example';
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
    // What a referral's message does say: the reference, the agencies, the urgency, a link.
    const [sent] = received.filter(
      (mail) =>
        mail.to.includes(SAFE_PASSAGE_INTAKE) &&
        headlineOf(mail.subject) === EMAIL_HEADLINES.REFERRAL_SENT.es,
    );
    expect(sent.subject).toBe(`${PREFIX}${EMAIL_HEADLINES.REFERRAL_SENT.es} · ${reference} · urgente`);
    const notificationId = (
      await rows<{ id: string }>(
        hub,
        `SELECT id FROM notification WHERE subject_id = $1 AND event_type = 'REFERRAL_SENT' AND agency_id = $2
          ORDER BY created_at LIMIT 1`,
        [referralId, SAFE_PASSAGE],
      )
    )[0].id;
    expect(sent.text).toContain(`Referencia del sobreviviente: ${reference}\n`);
    expect(sent.text).toContain('De: Harbor Light Survivor Services\n');
    expect(sent.text).toContain('Para: Safe Passage Legal Aid\n');
    expect(sent.text).toContain('Urgencia: urgente\n');
    expect(sent.text).toContain(`https://hub.test/notifications/${notificationId}\n`);
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
});
