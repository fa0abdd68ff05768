import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Transactions } from '@hub/database';
import { MailRejectedError, Mailer } from '@hub/mail';
import { deliveryConfig, DeliveryConfig } from './delivery.config';
import { DeliveryRepository, PendingDelivery } from './delivery.repository';
import { Email, renderEmail } from './email-templates';

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

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly transactions: Transactions,
    private readonly mailer: Mailer,
    @Inject(deliveryConfig.token) private readonly config: DeliveryConfig,
  ) {
    this.host = new URL(config.HUB_WEB_URL).hostname || 'hub.invalid';
  }

  async deliver(outboxId: string): Promise<void> {
    const pending = await this.deliveries.pending(outboxId);
    if (!pending || pending.processed) return;
    if (pending.notificationId && pending.agencyId && pending.eventType) {
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
    const email = this.render(pending, recipient);
    const messageId = `<n${pending.outboxId}.${digest(recipient.key)}@${this.host}>`;
    await this.transactions.run(async (tx) => {
      if (!(await this.deliveries.recordDelivery(tx, pending.outboxId, recipient.key, messageId))) return;
      try {
        await this.mailer.send({ to: recipient.address, ...email, messageId, language: pending.language });
      } catch (error) {
        if (!(error instanceof MailRejectedError)) throw error;
        // A permanent refusal (e.g. an unknown mailbox) would fail the same way on every retry.
        this.logger.warn(
          `the SMTP server rejected a ${recipient.kind} message of outbox row ${pending.outboxId} (${error.responseCode})`,
        );
        await this.deliveries.markRejected(tx, pending.outboxId, recipient.key);
      }
    });
  }

  private render(pending: PendingDelivery, recipient: Recipient): Email {
    return renderEmail({
      eventType: pending.eventType as string,
      language: pending.language,
      agencyName: pending.agencyName ?? '',
      facts: pending.facts,
      link: `${this.config.HUB_WEB_URL.replace(/\/+$/, '')}/notifications/${pending.notificationId}`,
      recipient: recipient.kind,
    });
  }
}

/** A short, stable stand-in for the recipient key in the Message-ID (which every receiver sees). */
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);
