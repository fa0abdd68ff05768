import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock } from '@hub/config';
import { Transactions, Tx } from '@hub/database';
import { MailRejectedError, Mailer, OutgoingMail } from '@hub/mail';
import { Metrics } from '@hub/observability';
import { deliveryConfig, DeliveryConfig } from './delivery.config';
import { DeliveryRepository, PendingDelivery } from './delivery.repository';
import { Email, renderDigest, renderEmail } from './email-templates';

/** One address a notification goes to, and the key its delivery record is kept under. */
interface Recipient {
  /** `agency` (its intake address) or `user:<sub>`: the same on every attempt, whatever the address. */
  key: string;
  kind: 'agency' | 'user';
  address: string;
}

/**
 * Delivers one outbox row's notification by e-mail: to the agency's intake address and to its
 * users who chose e-mail at once, each message in the agency's language. At least once and
 * idempotent: a message is recorded (outbox row, recipient) in the same transaction that waits
 * for the SMTP server's acceptance, so a retried or duplicated job skips what was delivered, and
 * a worker killed before the server accepted leaves no record and the message is sent again.
 * The row is marked processed once every recipient has it; any failure makes the job retry.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger('NotificationDelivery');
  private readonly host: string;
  private readonly webUrl: string;
  private readonly sent?: ReturnType<Metrics['counter']>;
  private readonly failed?: ReturnType<Metrics['counter']>;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly transactions: Transactions,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(deliveryConfig.token) config: DeliveryConfig,
    @Optional() metrics?: Metrics,
  ) {
    this.sent = metrics?.counter({
      name: 'hub_emails_sent_total',
      help: 'E-mails the SMTP server accepted, by kind (notification, digest)',
      labelNames: ['kind'] as const,
    });
    this.failed = metrics?.counter({
      name: 'hub_emails_failed_total',
      help: 'E-mails not accepted, by kind and outcome (rejected: refused for good; retried: the server was unreachable or answered 4xx)',
      labelNames: ['kind', 'outcome'] as const,
    });
    this.host = new URL(config.HUB_WEB_URL).hostname || 'hub.invalid';
    this.webUrl = config.HUB_WEB_URL.replace(/\/+$/, '');
  }

  async deliver(outboxId: string): Promise<void> {
    const pending = await this.deliveries.pending(outboxId);
    if (!pending || pending.processed) return;
    // A notification to an agency deactivated since it was written is not e-mailed: its row is done.
    if (pending.notificationId && pending.agencyId && pending.agencyOnHub && pending.eventType) {
      for (const recipient of await this.recipientsOf(pending)) {
        await this.deliverTo(pending, recipient);
      }
    }
    await this.deliveries.markProcessed(outboxId);
  }

  /** The intake address, then the users who chose e-mail at once; one message per address. */
  private async recipientsOf(pending: PendingDelivery): Promise<Recipient[]> {
    const recipients: Recipient[] = [];
    if (pending.intakeEmail) recipients.push({ key: 'agency', kind: 'agency', address: pending.intakeEmail });
    for (const user of await this.deliveries.emailSubscribers(pending.agencyId as string)) {
      recipients.push({ key: `user:${user.userId}`, kind: 'user', address: user.email });
    }
    const seen = new Set<string>();
    return recipients.filter((recipient) => {
      const address = recipient.address.toLowerCase();
      if (seen.has(address)) return false;
      seen.add(address);
      return true;
    });
  }

  private async deliverTo(pending: PendingDelivery, recipient: Recipient): Promise<void> {
    const messageId = `<n${pending.outboxId}.${digest(recipient.key)}@${this.host}>`;
    await this.sendOnce(
      'notification',
      (tx) => this.deliveries.recordDelivery(tx, pending.outboxId, recipient.key, messageId),
      { to: recipient.address, ...this.render(pending, recipient), messageId, language: pending.language },
      async (tx, error) => {
        this.logger.warn(
          `the SMTP server rejected a ${recipient.kind} message of outbox row ${pending.outboxId} (${error.responseCode})`,
        );
        await this.deliveries.markRejected(tx, pending.outboxId, recipient.key);
      },
    );
  }

  /**
   * Each user's digest of one day (YYYY-MM-DD, UTC; default: the day before the clock's today):
   * the agency's notifications of that day in one message, none when there were none. Once per
   * user, agency and day, like a delivery (a retried job skips the digests already sent).
   */
  async sendDigests(day = previousUtcDay(this.clock.now())): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error('a digest day is YYYY-MM-DD');
    const from = new Date(`${day}T00:00:00.000Z`);
    const to = new Date(from.getTime() + 24 * 60 * 60_000);
    for (const subscriber of await this.deliveries.digestSubscribers()) {
      const items = await this.deliveries.notificationsBetween(subscriber.agencyId, from, to);
      if (items.length === 0) continue;
      const messageId = `<d${day}.${digest(`${subscriber.userId}|${subscriber.agencyId}`)}@${this.host}>`;
      const email = renderDigest({
        language: subscriber.language,
        agencyName: subscriber.agencyName,
        day,
        items,
        link: `${this.webUrl}/notifications`,
      });
      await this.sendOnce(
        'digest',
        (tx) => this.deliveries.recordDigest(tx, subscriber, day, messageId),
        { to: subscriber.email, ...email, messageId, language: subscriber.language },
        async (_tx, error) =>
          this.logger.warn(
            `the SMTP server rejected a digest of ${day} (${error.responseCode}); not sent again`,
          ),
      );
    }
  }

  /**
   * Records that a message is being handed to the SMTP server and sends it, in one transaction
   * that commits only once the server accepted: nothing is recorded unless it was sent, and what
   * is recorded is not sent again. A permanent refusal (5xx, e.g. an unknown mailbox) would fail
   * the same way on every retry: `rejected` records it instead of failing the job.
   */
  private async sendOnce(
    kind: 'notification' | 'digest',
    record: (tx: Tx) => Promise<boolean>,
    mail: OutgoingMail,
    rejected: (tx: Tx, error: MailRejectedError) => Promise<void>,
  ): Promise<void> {
    const outcome = await this.transactions.run(async (tx) => {
      if (!(await record(tx))) return null;
      try {
        await this.mailer.send(mail);
        return 'sent' as const;
      } catch (error) {
        if (!(error instanceof MailRejectedError)) {
          this.failed?.inc({ kind, outcome: 'retried' });
          throw error;
        }
        await rejected(tx, error);
        return 'rejected' as const;
      }
    });
    if (outcome === 'sent') this.sent?.inc({ kind });
    if (outcome === 'rejected') this.failed?.inc({ kind, outcome: 'rejected' });
  }

  private render(pending: PendingDelivery, recipient: Recipient): Email {
    return renderEmail({
      eventType: pending.eventType as string,
      language: pending.language,
      agencyName: pending.agencyName ?? '',
      facts: pending.facts,
      link: `${this.webUrl}/notifications/${pending.notificationId}`,
      recipient: recipient.kind,
    });
  }
}

/** A short, stable stand-in for the recipient key in the Message-ID (which every receiver sees). */
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

/** The calendar day (UTC) before `now`'s, as YYYY-MM-DD. */
function previousUtcDay(now: Date): string {
  return new Date(now.getTime() - 24 * 60 * 60_000).toISOString().slice(0, 10);
}
