import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { agencyMailingSql, agencyOnHubSql } from '@hub/agencies';
import { namedQuery, Tx } from '@hub/database';
import { NOTIFICATION_CREATED_TOPIC } from '../notification/notification.repository';
import { DigestItem, EmailLanguage, NoticeFacts } from './email-templates';
import { NOTICE_FACTS, NoticeFactsSql } from './notice-facts';

/** One notification to deliver: the outbox row, the notification and the agency it went to. */
export interface PendingDelivery {
  outboxId: string;
  processed: boolean;
  /** Null when the notification is gone (its agency was deleted): nothing to deliver. */
  notificationId: string | null;
  agencyId: string | null;
  /** False once the agency was deactivated (even after the notification was written): no e-mail. */
  agencyOnHub: boolean;
  eventType: string | null;
  agencyName: string | null;
  intakeEmail: string | null;
  language: EmailLanguage;
  facts: NoticeFacts;
}

/** A user who chose the daily digest, with the agency it is about. */
export interface DigestSubscriber {
  userId: string;
  agencyId: string;
  email: string;
  agencyName: string;
  language: EmailLanguage;
}

/** A user of the agency who asked for every notification by e-mail at once. */
export interface EmailSubscriber {
  userId: string;
  email: string;
}

const SUBJECT_TYPE = /^[A-Za-z]{1,64}$/;

/**
 * Every query of e-mail delivery. The worker is no caller: it reads what it must deliver by the
 * outbox row's id, and never reads a survivor's personal fields (the facts come from the domains'
 * query scopes, which select only the pseudonymous reference, agency names, urgency, a title).
 */
@Injectable()
export class DeliveryRepository {
  private readonly factsSql: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTICE_FACTS) facts: NoticeFactsSql,
  ) {
    const cases = Object.entries(facts).map(([subjectType, sql]) => {
      if (!SUBJECT_TYPE.test(subjectType)) throw new Error(`unsafe subject type: ${subjectType}`);
      return `WHEN '${subjectType}' THEN ${sql('n.subject_id')}`;
    });
    this.factsSql = cases.length ? `CASE n.subject_type ${cases.join(' ')} END` : 'NULL::jsonb';
  }

  /**
   * Takes up to `limit` undelivered notification rows that are not in the queue (or were handed
   * to it more than `requeueAfterSeconds` ago) and marks them handed over, in `tx`; concurrent
   * workers skip each other's rows. Served by outbox_pending_idx.
   */
  async takeForQueue(tx: Tx, limit: number, requeueAfterSeconds: number): Promise<string[]> {
    const rows = await namedQuery<{ id: string }>(
      tx,
      `WITH taken AS (
         SELECT id FROM outbox
          WHERE processed_at IS NULL AND topic = :topic
            AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => :requeueAfter))
          ORDER BY id
          LIMIT :limit
          FOR UPDATE SKIP LOCKED
       ), handed AS (
         UPDATE outbox o SET enqueued_at = now(), attempts = o.attempts + 1
           FROM taken WHERE o.id = taken.id
         RETURNING o.id
       )
       SELECT id::text AS id FROM handed ORDER BY id`,
      { topic: NOTIFICATION_CREATED_TOPIC, limit, requeueAfter: requeueAfterSeconds },
    );
    return rows.map((row) => row.id);
  }

  async pending(outboxId: string): Promise<PendingDelivery | null> {
    const [row] = await namedQuery<PendingDelivery>(
      this.dataSource.manager,
      `SELECT o.id::text AS "outboxId", o.processed_at IS NOT NULL AS processed,
              n.id AS "notificationId", n.agency_id AS "agencyId", n.event_type AS "eventType",
              ${agencyOnHubSql('n.agency_id')} AS "agencyOnHub",
              m.agency_name AS "agencyName", m.intake_email AS "intakeEmail",
              COALESCE(m.notification_language, 'en') AS language,
              COALESCE(${this.factsSql}, '{}'::jsonb) AS facts
         FROM outbox o
         LEFT JOIN notification n
           ON n.id = CASE WHEN o.payload->>'notificationId' ~* '^[0-9a-f-]{36}$'
                          THEN CAST(o.payload->>'notificationId' AS uuid) END
         LEFT JOIN LATERAL (${agencyMailingSql('n.agency_id')}) m ON true
        WHERE o.id = CAST(:outboxId AS bigint)`,
      { outboxId },
    );
    return row ?? null;
  }

  /** Users of the agency who chose e-mail at once (notification_preference_agency_idx). */
  emailSubscribers(agencyId: string): Promise<EmailSubscriber[]> {
    return namedQuery<EmailSubscriber>(
      this.dataSource.manager,
      `SELECT user_id AS "userId", email FROM notification_preference
        WHERE agency_id = :agencyId AND delivery = 'EMAIL_IMMEDIATE' AND email IS NOT NULL
        ORDER BY user_id`,
      { agencyId },
    );
  }

  /**
   * Records, in `tx`, that the message to `recipient` is being handed to the SMTP server; false
   * when it already was (a redelivery). The row stays locked until `tx` ends, so a second worker
   * on the same job waits for the first one's outcome instead of sending too.
   */
  async recordDelivery(tx: Tx, outboxId: string, recipient: string, messageId: string): Promise<boolean> {
    const rows = await namedQuery(
      tx,
      `INSERT INTO notification_delivery (outbox_id, recipient, outcome, message_id)
       VALUES (CAST(:outboxId AS bigint), :recipient, 'SENT', :messageId)
       ON CONFLICT DO NOTHING RETURNING 1`,
      { outboxId, recipient, messageId },
    );
    return rows.length === 1;
  }

  /** The server refused the message for good: recorded, so it is not sent again. */
  async markRejected(tx: Tx, outboxId: string, recipient: string): Promise<void> {
    await namedQuery(
      tx,
      `UPDATE notification_delivery SET outcome = 'REJECTED'
        WHERE outbox_id = CAST(:outboxId AS bigint) AND recipient = :recipient`,
      { outboxId, recipient },
    );
  }

  /**
   * Every user who chose the daily digest, of agencies on the hub (agencyMailingSql has no row for
   * a deactivated one); notification_preference is small: one row per user.
   */
  digestSubscribers(): Promise<DigestSubscriber[]> {
    return namedQuery<DigestSubscriber>(
      this.dataSource.manager,
      `SELECT p.user_id AS "userId", p.agency_id AS "agencyId", p.email,
              m.agency_name AS "agencyName", m.notification_language AS language
         FROM notification_preference p
         JOIN LATERAL (${agencyMailingSql('p.agency_id')}) m ON true
        WHERE p.delivery = 'DAILY_DIGEST' AND p.email IS NOT NULL
        ORDER BY p.agency_id, p.user_id`,
    );
  }

  /** The agency's notifications in [from, to), oldest first (notification_agency_feed_idx). */
  notificationsBetween(agencyId: string, from: Date, to: Date): Promise<DigestItem[]> {
    return namedQuery<DigestItem>(
      this.dataSource.manager,
      `SELECT n.event_type AS "eventType", COALESCE(${this.factsSql}, '{}'::jsonb) AS facts
         FROM notification n
        WHERE n.agency_id = :agencyId AND n.created_at >= :from AND n.created_at < :to
        ORDER BY n.created_at, n.id`,
      { agencyId, from, to },
    );
  }

  /** As recordDelivery, for a user's digest of one day: false when it was already sent. */
  async recordDigest(tx: Tx, subscriber: DigestSubscriber, day: string, messageId: string): Promise<boolean> {
    const rows = await namedQuery(
      tx,
      `INSERT INTO notification_digest (user_id, agency_id, day, message_id)
       VALUES (:userId, :agencyId, CAST(:day AS date), :messageId)
       ON CONFLICT DO NOTHING RETURNING 1`,
      { userId: subscriber.userId, agencyId: subscriber.agencyId, day, messageId },
    );
    return rows.length === 1;
  }

  async markProcessed(outboxId: string): Promise<void> {
    await namedQuery(
      this.dataSource.manager,
      `UPDATE outbox SET processed_at = now() WHERE id = CAST(:outboxId AS bigint) AND processed_at IS NULL`,
      { outboxId },
    );
  }
}
