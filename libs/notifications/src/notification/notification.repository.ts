import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { agencyOnHubSql } from '@hub/agencies';
import { namedQuery, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';

export const NOTIFICATION_CREATED_TOPIC = 'notification.created';

/**
 * The PostgreSQL channel every new notification is announced on, after its transaction commits,
 * to every API process (live updates). The payload is ids only (`NotificationSignal`), never data.
 */
export const NOTIFICATION_CHANNEL = 'hub_notification';

/** What a NOTIFY on NOTIFICATION_CHANNEL carries. */
export interface NotificationSignal {
  notificationId: string;
  agencyId: string;
}

/** What the outbox row of a new notification carries: references only, never the message. */
export interface NotificationCreatedPayload {
  notificationId: string;
  agencyId: string;
  eventType: string;
  subjectType: string;
  subjectId: string;
}

/** Whose feed: the agency it belongs to and the user whose read marks count. */
export interface FeedOwner {
  agencyId: string;
  userId: string;
}

export interface NotificationRow {
  id: string;
  eventType: string;
  subjectType: string;
  subjectId: string;
  message: string;
  createdAt: Date;
  read: boolean;
}

export interface NewNotifications {
  agencyIds: readonly string[];
  eventType: string;
  subjectType: string;
  subjectId: string;
  message: string;
}

const IS_READ = `EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :userId)`;

/** A feed pages newest first (notification_agency_feed_idx). */
const NEWEST_FIRST = new Keyset(
  [
    { sql: 'n.created_at', kind: 'timestamp' },
    { sql: 'n.id', kind: 'uuid' },
  ],
  'DESC',
);

/**
 * Every query on notifications. The feed is always one agency's (the caller's), so the tenant
 * filter (`:agencyId`) is in every read and every mark; all of them walk
 * notification_agency_feed_idx.
 */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One notification per agency, one outbox row and one NOTIFY per notification, in one statement
   * of `tx`. NOTIFY is transactional: it reaches the listeners when `tx` commits, never if it
   * rolls back. An agency taken off the hub (deactivated) is left out: its users are refused at
   * sign-in, so nothing may be addressed to it (an expiry's notice to a deactivated sender).
   */
  async insertWithOutbox(tx: Tx, notice: NewNotifications): Promise<void> {
    await namedQuery(
      tx,
      `WITH created AS (
         INSERT INTO notification (agency_id, event_type, subject_type, subject_id, message)
         SELECT agency_id, :eventType, :subjectType, :subjectId, :message
           FROM unnest(CAST(:agencyIds AS uuid[])) AS addressed (agency_id)
          WHERE ${agencyOnHubSql('addressed.agency_id')}
         RETURNING id, agency_id, event_type, subject_type, subject_id
       ),
       queued AS (
         INSERT INTO outbox (topic, payload)
         SELECT :topic, jsonb_build_object(
                  'notificationId', id, 'agencyId', agency_id, 'eventType', event_type,
                  'subjectType', subject_type, 'subjectId', subject_id)
           FROM created
       )
       SELECT pg_notify(:channel, json_build_object('notificationId', id, 'agencyId', agency_id)::text)
         FROM created`,
      {
        channel: NOTIFICATION_CHANNEL,
        agencyIds: [...notice.agencyIds],
        eventType: notice.eventType,
        subjectType: notice.subjectType,
        subjectId: notice.subjectId,
        message: notice.message,
        topic: NOTIFICATION_CREATED_TOPIC,
      },
    );
  }

  /** Newest first, one page. */
  async feed(
    owner: FeedOwner,
    filter: { unreadOnly: boolean },
    args: PageArgs,
  ): Promise<Connection<NotificationRow>> {
    const page = NEWEST_FIRST.page(args);
    const rows = await namedQuery<NotificationRow & Record<string, unknown>>(
      this.dataSource.manager,
      `SELECT n.id, n.event_type AS "eventType", n.subject_type AS "subjectType",
              n.subject_id AS "subjectId", n.message, n.created_at AS "createdAt",
              ${IS_READ} AS read, ${page.select}
         FROM notification n
        WHERE n.agency_id = :agencyId ${filter.unreadOnly ? `AND NOT ${IS_READ}` : ''} AND ${page.after.sql}
        ORDER BY ${page.orderBy}
        LIMIT :limit`,
      { agencyId: owner.agencyId, userId: owner.userId, limit: page.limit, ...page.after.params },
    );
    return NEWEST_FIRST.connection(
      rows,
      page,
      ({ id, eventType, subjectType, subjectId, message, createdAt, read }) => ({
        id,
        eventType,
        subjectType,
        subjectId,
        message,
        createdAt,
        read,
      }),
    );
  }

  /** Those of `ids` that are the agency's notifications (any other id matches nothing), oldest first. */
  async visible(owner: FeedOwner, ids: readonly string[]): Promise<NotificationRow[]> {
    return namedQuery<NotificationRow & Record<string, unknown>>(
      this.dataSource.manager,
      `SELECT n.id, n.event_type AS "eventType", n.subject_type AS "subjectType",
              n.subject_id AS "subjectId", n.message, n.created_at AS "createdAt", ${IS_READ} AS read
         FROM notification n
        WHERE n.agency_id = :agencyId AND n.id = ANY(CAST(:ids AS uuid[]))
        ORDER BY n.created_at, n.id`,
      { agencyId: owner.agencyId, userId: owner.userId, ids: [...ids] },
    );
  }

  /** How many of the agency's notifications this user has not read; in `tx` to see its own marks. */
  async unreadCount(owner: FeedOwner, tx: Tx = this.dataSource.manager): Promise<number> {
    const [{ count }] = await namedQuery<{ count: number }>(
      tx,
      `SELECT count(*)::int AS count FROM notification n WHERE n.agency_id = :agencyId AND NOT ${IS_READ}`,
      { ...owner },
    );
    return count;
  }

  /**
   * Marks those of `ids` that are the agency's notifications; ids of other agencies' (or of none)
   * match no row, exactly as missing ones. Returns how many were newly marked (already read: 0).
   */
  markRead(tx: Tx, owner: FeedOwner, ids: readonly string[]): Promise<number> {
    return this.mark(tx, owner, 'AND n.id = ANY(CAST(:ids AS uuid[]))', { ids: [...ids] });
  }

  /** Marks every notification of the agency this user has not read yet. */
  markAllRead(tx: Tx, owner: FeedOwner): Promise<number> {
    return this.mark(tx, owner, '', {});
  }

  private async mark(
    tx: Tx,
    owner: FeedOwner,
    andWhere: string,
    extra: Record<string, unknown>,
  ): Promise<number> {
    // ON CONFLICT: a concurrent mark of the same notification by the same user is not an error.
    const [{ count }] = await namedQuery<{ count: number }>(
      tx,
      `WITH marked AS (
         INSERT INTO notification_read (notification_id, user_id)
         SELECT n.id, :userId FROM notification n
          WHERE n.agency_id = :agencyId AND NOT ${IS_READ} ${andWhere}
         ON CONFLICT DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS count FROM marked`,
      { ...owner, ...extra },
    );
    return count;
  }
}
