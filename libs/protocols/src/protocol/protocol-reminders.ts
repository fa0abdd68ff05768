import { Injectable } from '@nestjs/common';
import { audienceMembersSql } from '@hub/agencies';
import { namedQuery, Transactions } from '@hub/database';
import { DueReminder, reminderDueSql, Reminders } from '@hub/notifications';
import { utcDate } from './protocol-access';

/** One review date of a version (published versions never change it, but the key says which). */
const REVIEW_THRESHOLD = `'review by ' || CAST(v.review_by AS text)`;

/**
 * The protocol reminders of the time-based rules, each once (Reminders): the coordinating agency
 * that owns a protocol hears when its version in force is past its review-by date (the rule of
 * `isDueForReview`), and each audience agency that has not acknowledged a version asking for it
 * hears `days` after its publication.
 */
@Injectable()
export class ProtocolReminders {
  constructor(
    private readonly transactions: Transactions,
    private readonly reminders: Reminders,
  ) {}

  /** Published versions whose review-by date is before today (UTC): protocol_version_review_idx. */
  remindReviewDue(now: Date, batchSize: number): Promise<number> {
    return this.reminders.sendDue(async (limit) => {
      const rows = await namedQuery<{
        id: string;
        protocolId: string;
        ownerAgencyId: string;
        threshold: string;
      }>(
        this.transactions.reader,
        `SELECT v.id, p.id AS "protocolId", p.owner_agency_id AS "ownerAgencyId", ${REVIEW_THRESHOLD} AS threshold
           FROM protocol_version v JOIN protocol p ON p.id = v.protocol_id
          WHERE v.state = 'PUBLISHED' AND v.review_by IS NOT NULL AND v.review_by < CAST(:today AS date)
            AND ${reminderDueSql('PROTOCOL_REVIEW_DUE', 'v.id', 'p.owner_agency_id', REVIEW_THRESHOLD)}
          ORDER BY v.review_by, v.id
          LIMIT :limit`,
        { today: utcDate(now), limit },
      );
      return rows.map(
        (row): DueReminder => ({
          subjectId: row.id,
          agencyId: row.ownerAgencyId,
          threshold: row.threshold,
          notice: {
            eventType: 'PROTOCOL_REVIEW_DUE',
            subjectType: 'Protocol',
            subjectId: row.protocolId,
            message: 'A protocol your agency owns is past its review date.',
          },
        }),
      );
    }, batchSize);
  }

  /**
   * Current versions asking for an acknowledgement, published `days` or more ago, and each member
   * agency of the task force in their audience that has not given it: a range of
   * protocol_version_pending_idx (published_at, id), then the acknowledgement's primary key.
   */
  remindUnacknowledged(now: Date, days: number, batchSize: number): Promise<number> {
    const threshold = `${days}d after publication`;
    return this.reminders.sendDue(async (limit) => {
      const rows = await namedQuery<{ id: string; protocolId: string; agencyId: string }>(
        this.transactions.reader,
        `SELECT v.id, p.id AS "protocolId", m.agency_id AS "agencyId"
           FROM protocol_version v
           JOIN protocol p ON p.id = v.protocol_id
           CROSS JOIN LATERAL (${audienceMembersSql('p.task_force_id', 'v.audience')}) m
          WHERE v.state = 'PUBLISHED' AND v.requires_acknowledgement AND v.published_at <= :publishedBefore
            AND NOT EXISTS (
              SELECT 1 FROM protocol_acknowledgement a WHERE a.version_id = v.id AND a.agency_id = m.agency_id)
            AND ${reminderDueSql('PROTOCOL_ACKNOWLEDGEMENT_OVERDUE', 'v.id', 'm.agency_id', ':threshold')}
          ORDER BY v.published_at, v.id, m.agency_id
          LIMIT :limit`,
        { publishedBefore: new Date(now.getTime() - days * 24 * 60 * 60 * 1000), threshold, limit },
      );
      return rows.map(
        (row): DueReminder => ({
          subjectId: row.id,
          agencyId: row.agencyId,
          threshold,
          notice: {
            eventType: 'PROTOCOL_ACKNOWLEDGEMENT_OVERDUE',
            subjectType: 'Protocol',
            subjectId: row.protocolId,
            message: `A protocol version published ${days} days ago still waits for your agency's acknowledgement.`,
          },
        }),
      );
    }, batchSize);
  }
}
