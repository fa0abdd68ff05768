import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Tx } from '@hub/database';

export const NOTIFICATION_CREATED_TOPIC = 'notification.created';

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

export interface NotificationPage {
  first: number;
  /** Keyset: (created_at to the microsecond, id) of the last row already seen. */
  after?: { createdAt: string; id: string };
}

export interface NotificationRow {
  id: string;
  eventType: string;
  subjectType: string;
  subjectId: string;
  message: string;
  createdAt: Date;
  /** created_at as ISO text with microseconds: a JS Date would drop them and skip rows between pages. */
  cursorAt: string;
  read: boolean;
}

export interface NewNotifications {
  agencyIds: readonly string[];
  eventType: string;
  subjectType: string;
  subjectId: string;
  message: string;
}

const IS_READ = `EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = $2)`;

/**
 * Every query on notifications. The feed is always one agency's (the caller's), so the tenant
 * filter is the first parameter of every read and every mark; all of them walk
 * notification_agency_feed_idx.
 */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One notification per agency and one outbox row per notification, in one statement of `tx`. */
  async insertWithOutbox(tx: Tx, notice: NewNotifications): Promise<void> {
    await tx.query(
      `WITH created AS (
         INSERT INTO notification (agency_id, event_type, subject_type, subject_id, message)
         SELECT agency_id, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS agency_id
         RETURNING id, agency_id, event_type, subject_type, subject_id
       )
       INSERT INTO outbox (topic, payload)
       SELECT $6, jsonb_build_object(
                'notificationId', id, 'agencyId', agency_id, 'eventType', event_type,
                'subjectType', subject_type, 'subjectId', subject_id)
         FROM created`,
      [
        [...notice.agencyIds],
        notice.eventType,
        notice.subjectType,
        notice.subjectId,
        notice.message,
        NOTIFICATION_CREATED_TOPIC,
      ],
    );
  }

  /** Newest first; fetches first + 1 to know whether more follow. */
  feed(
    owner: FeedOwner,
    filter: { unreadOnly: boolean },
    page: NotificationPage,
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [owner.agencyId, owner.userId, page.first + 1];
    const where = ['n.agency_id = $1'];
    if (filter.unreadOnly) where.push(`NOT ${IS_READ}`);
    if (page.after) {
      params.push(page.after.createdAt, page.after.id);
      where.push(`(n.created_at, n.id) < ($4::timestamptz, $5::uuid)`);
    }
    return this.dataSource.query(
      `SELECT n.id, n.event_type AS "eventType", n.subject_type AS "subjectType",
              n.subject_id AS "subjectId", n.message, n.created_at AS "createdAt",
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt",
              ${IS_READ} AS read
         FROM notification n
        WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $3`,
      params,
    );
  }

  /** How many of the agency's notifications this user has not read; in `tx` to see its own marks. */
  async unreadCount(owner: FeedOwner, tx: Tx = this.dataSource.manager): Promise<number> {
    const [{ count }] = (await tx.query(
      `SELECT count(*)::int AS count FROM notification n WHERE n.agency_id = $1 AND NOT ${IS_READ}`,
      [owner.agencyId, owner.userId],
    )) as { count: number }[];
    return count;
  }

  /**
   * Marks those of `ids` that are the agency's notifications; ids of other agencies' (or of none)
   * match no row, exactly as missing ones. Returns how many were newly marked (already read: 0).
   */
  markRead(tx: Tx, owner: FeedOwner, ids: readonly string[]): Promise<number> {
    return this.mark(tx, owner, 'AND n.id = ANY($3::uuid[])', [[...ids]]);
  }

  /** Marks every notification of the agency this user has not read yet. */
  markAllRead(tx: Tx, owner: FeedOwner): Promise<number> {
    return this.mark(tx, owner, '', []);
  }

  private async mark(tx: Tx, owner: FeedOwner, andWhere: string, extra: unknown[]): Promise<number> {
    // ON CONFLICT: a concurrent mark of the same notification by the same user is not an error.
    const [{ count }] = (await tx.query(
      `WITH marked AS (
         INSERT INTO notification_read (notification_id, user_id)
         SELECT n.id, $2 FROM notification n
          WHERE n.agency_id = $1 AND NOT ${IS_READ} ${andWhere}
         ON CONFLICT DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS count FROM marked`,
      [owner.agencyId, owner.userId, ...extra],
    )) as { count: number }[];
    return count;
  }
}
