import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, Transactions } from '@hub/database';
import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { TIME_RULES_QUEUE } from '@hub/jobs';
import { DELIVERY_QUEUE, EMAIL_HEADLINES, notificationPublisherOn } from '@hub/notifications';
import { startTestMailbox, startTestWorker, TestDatabase, TestMailbox, TestProcess } from '@hub/testing';
import { hubDatabase } from './testing/worker-hub';

/**
 * "Never lose a notification, never send one twice", with the real worker process, the real
 * job queue in PostgreSQL and a real SMTP server: the worker killed with SIGKILL in the middle of
 * a batch, and the SMTP server down for a while. Each notice goes to Harbor Light only, whose
 * intake address gets one message per notification.
 */
describe('e-mail delivery survives failures (worker process, PostgreSQL queue, SMTP server)', () => {
  let db: TestDatabase;
  let owner: DataSource;
  let mailbox: TestMailbox;
  let worker: TestProcess | undefined;

  beforeAll(async () => {
    mailbox = await startTestMailbox();
    db = await hubDatabase();
    owner = await new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 2 })).initialize();
  }, 120_000);
  afterEach(async () => {
    await worker?.kill();
    worker = undefined;
  });
  afterAll(async () => {
    await owner?.destroy();
    await Promise.all([mailbox?.close(), db?.drop()]);
  });

  /** Publishes `count` notifications (one transaction each, as domains do); returns their subject ids. */
  async function publish(count: number): Promise<string[]> {
    const publisher = notificationPublisherOn(owner);
    const transactions = new Transactions(owner);
    const subjects = Array.from({ length: count }, () => randomUUID());
    for (const subjectId of subjects) {
      await transactions.run((tx) =>
        publisher.publish(tx, {
          agencyIds: [DEMO_AGENCY_IDS.harborLight],
          eventType: 'PROTOCOL_PUBLISHED',
          subjectType: 'Protocol',
          subjectId,
          message: 'A protocol was published.',
        }),
      );
    }
    return subjects;
  }

  const count = async (sql: string) => (await owner.query<{ n: number }[]>(sql))[0].n;
  const unprocessed = () => count(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`);
  const recorded = () => count(`SELECT count(*)::int AS n FROM notification_delivery`);

  /** Waits until every outbox row is processed, then a little longer, so a duplicate would show. */
  async function settled(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await unprocessed()) > 0) {
      if (Date.now() > deadline) throw new Error(`${await unprocessed()} outbox rows still unprocessed`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
    await new Promise((wait) => setTimeout(wait, 1_500));
  }

  /** Each message once: as many distinct Message-IDs as messages, and the ones expected. */
  function expectEachOnce(from: number, count: number) {
    const received = mailbox.received.slice(from);
    expect(received.length).toBe(count);
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(count);
    expect(new Set(received.flatMap((mail) => mail.to))).toEqual(new Set(['intake@harborlight.example.org']));
  }

  it('delivers every notification once after the worker is killed (SIGKILL) in the middle of a batch', async () => {
    const before = mailbox.received.length;
    const recordedBefore = await recorded();
    await publish(20);
    // The server accepts five messages, then leaves the next ones unanswered: the worker is
    // killed while it waits for the server to accept them.
    mailbox.hold(5);
    worker = await startTestWorker(db.apiUrl, mailbox.url, { DELIVERY_CONCURRENCY: '4' });
    const deadline = Date.now() + 30_000;
    // Killed once the five accepted messages are recorded and the next ones wait for an answer.
    while ((await recorded()) < recordedBefore + 5 || mailbox.held() === 0) {
      if (Date.now() > deadline) throw new Error('the worker did not get to the held messages');
      await new Promise((wait) => setTimeout(wait, 50));
    }
    await worker.kill();
    // Its connections are gone: the held messages were never accepted, as with a real server.
    while (mailbox.held() > 0) await new Promise((wait) => setTimeout(wait, 20));
    mailbox.release();
    expect(mailbox.received.length).toBe(before + 5);
    expect(await recorded()).toBe(recordedBefore + 5);
    expect(await unprocessed()).toBeGreaterThanOrEqual(15);

    worker = await startTestWorker(db.apiUrl, mailbox.url);
    await mailbox.waitFor(before + 20, 30_000);
    await settled();
    expectEachOnce(before, 20);
  }, 120_000);

  it('delivers every notification once after the SMTP server was down for a while', async () => {
    const before = mailbox.received.length;
    const pendingBefore = await unprocessed();
    await mailbox.stop();
    worker = await startTestWorker(db.apiUrl, mailbox.url);
    await publish(6);
    // Every delivery has failed and been put back for retry at least once.
    const deadline = Date.now() + 30_000;
    const retried = async () =>
      (
        await owner.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND retry_count >= 1 AND state < 'completed'`,
          [DELIVERY_QUEUE],
        )
      )[0].n;
    while ((await retried()) < 6) {
      if (Date.now() > deadline) throw new Error('the deliveries were not retried');
      await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(await unprocessed()).toBe(pendingBefore + 6);

    await mailbox.start();
    await mailbox.waitFor(before + 6, 60_000);
    await settled();
    expectEachOnce(before, 6);
  }, 120_000);

  it('runs the time-based rules as a job: an overdue referral expires, both agencies get e-mail, /metrics counts it', async () => {
    const before = mailbox.received.length;
    // Due long before any day this test runs on: overdue whatever the worker's clock says.
    const [{ id }] = await owner.query<{ id: string }[]>(
      `INSERT INTO referral (from_agency_id, to_agency_id, needs, urgency, status, sent_at, response_due_at, created_by)
       VALUES ($1, $2, ARRAY['LEGAL'], 'URGENT', 'SENT', '2020-01-01T00:00:00Z', '2020-01-02T00:00:00Z', 'test')
       RETURNING id`,
      [DEMO_AGENCY_IDS.safePassage, DEMO_AGENCY_IDS.harborLight],
    );
    worker = await startTestWorker(db.apiUrl, mailbox.url);
    // What the schedule (TIME_RULES_CRON) sends each tick, sent now rather than waiting for one.
    await owner.query(`INSERT INTO pgboss.job (name, data) VALUES ($1, '{}')`, [TIME_RULES_QUEUE]);

    const expired = await mailbox.waitFor(before + 2, 30_000);
    expect(
      expired
        .slice(before)
        .map((mail) => `${mail.to.join()} ${mail.subject.split(' · ')[0]}`)
        .sort(),
    ).toEqual([
      `intake@harborlight.example.org Task Force Hub: ${EMAIL_HEADLINES.REFERRAL_EXPIRED.en}`,
      `intake@safepassage.example.org Task Force Hub: ${EMAIL_HEADLINES.REFERRAL_EXPIRED.en}`,
    ]);
    expect(await owner.query(`SELECT status FROM referral WHERE id = $1`, [id])).toEqual([
      { status: 'EXPIRED' },
    ]);
    while ((await unprocessed()) > 0) await new Promise((wait) => setTimeout(wait, 50));

    const ready = worker.json().find((line) => line.msg === 'worker ready') as { health: string };
    const scrape = await fetch(String(ready.health).replace('/health/ready', '/metrics'));
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    const value = (series: string) =>
      Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect({
      expired: value('hub_referrals_expired_total{cause="RESPONSE_DEADLINE"}'),
      timeRuleJobs: value(`hub_jobs_processed_total{queue="${TIME_RULES_QUEUE}"}`),
      deliveries: value(`hub_jobs_processed_total{queue="${DELIVERY_QUEUE}"}`) >= 2,
      emailsSent: value('hub_emails_sent_total{kind="notification"}'),
      outboxLag: value('hub_outbox_oldest_pending_age_seconds'),
    }).toEqual({ expired: 1, timeRuleJobs: 1, deliveries: true, emailsSent: 2, outboxLag: 0 });
    // Names and codes only: no record id (the referral's, an agency's) in any series.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  }, 60_000);
});
