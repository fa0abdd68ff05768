import { Injectable } from '@nestjs/common';
import { namedQuery, Transactions } from '@hub/database';
import { DueReminder, reminderDueSql, Reminders } from '@hub/notifications';
import { AWAITING_ANSWER, CONSENT_LIVE_SQL } from './referral-hub-moves';
import { RESPONSE_WINDOW_MS } from './referral-lifecycle';
import { ReferralStatus as S } from './referral.enums';

const HOUR_MS = 60 * 60 * 1000;
/** The longest response window: a requested one (at most 720 h, the column's check) or a default. */
const LONGEST_WINDOW_MS = Math.max(720 * HOUR_MS, ...Object.values(RESPONSE_WINDOW_MS));
/** A reminder when this share of the response window is left. */
const WINDOW_LEFT = 0.25;

/** Accepted and being worked on: a referral the recipient should move or report on. */
const ACTIVE = [S.ACCEPTED, S.IN_PROGRESS];

/** Its latest activity: its last change of status, or a later message on its thread. */
const LAST_ACTIVITY = `GREATEST(r.updated_at,
  (SELECT max(m.created_at) FROM record_message m WHERE m.subject_type = 'Referral' AND m.subject_id = r.id))`;
/** One idle period, named by the activity it started after: a referral idle again later is reminded again. */
const IDLE_THRESHOLD = `'idle since ' || to_char(${LAST_ACTIVITY} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The referral reminders of the time-based rules, each once (Reminders): to the receiving agency,
 * when a referral still awaiting its answer has a quarter of its response window left, and when
 * one it accepted has been idle (no change, no message) for `idleDays`.
 */
@Injectable()
export class ReferralReminders {
  constructor(
    private readonly transactions: Transactions,
    private readonly reminders: Reminders,
  ) {}

  /**
   * Awaiting an answer, not expired (deadline ahead, consent live), with at most 25 % of the window
   * (sent → deadline) left. A range of referral_awaiting_answer_idx: deadlines within the longest
   * window's quarter from now.
   */
  remindResponseDue(now: Date, batchSize: number): Promise<number> {
    return this.reminders.sendDue(async (limit) => {
      const rows = await namedQuery<{ id: string; toAgencyId: string }>(
        this.transactions.reader,
        `SELECT r.id, r.to_agency_id AS "toAgencyId"
           FROM referral r
          WHERE r.status IN (:...awaiting)
            AND r.response_due_at > :now AND r.response_due_at <= :horizon
            AND r.response_due_at - (r.response_due_at - r.sent_at) * ${WINDOW_LEFT} <= :now
            AND ${CONSENT_LIVE_SQL}
            AND ${reminderDueSql('REFERRAL_RESPONSE_DUE_SOON', 'r.id', 'r.to_agency_id', `'25%'`)}
          ORDER BY r.response_due_at, r.id
          LIMIT :limit`,
        {
          awaiting: AWAITING_ANSWER,
          now,
          horizon: new Date(now.getTime() + LONGEST_WINDOW_MS * WINDOW_LEFT),
          limit,
        },
      );
      return rows.map(
        (row): DueReminder => ({
          subjectId: row.id,
          agencyId: row.toAgencyId,
          threshold: '25%',
          notice: {
            eventType: 'REFERRAL_RESPONSE_DUE_SOON',
            subjectType: 'Referral',
            subjectId: row.id,
            message: 'A referral is waiting for your answer, and its response deadline is near.',
          },
        }),
      );
    }, batchSize);
  }

  /**
   * Accepted or in progress with no change of status and no message for `idleDays`. A range of
   * referral_active_idx (updated_at, id); the last message comes from record_message_subject_idx.
   */
  remindIdle(now: Date, idleDays: number, batchSize: number): Promise<number> {
    const idleSince = new Date(now.getTime() - idleDays * 24 * HOUR_MS);
    return this.reminders.sendDue(async (limit) => {
      const rows = await namedQuery<{ id: string; toAgencyId: string; threshold: string }>(
        this.transactions.reader,
        `SELECT r.id, r.to_agency_id AS "toAgencyId", ${IDLE_THRESHOLD} AS threshold
           FROM referral r
          WHERE r.status IN (:...active) AND r.updated_at <= :idleSince
            AND ${LAST_ACTIVITY} <= :idleSince
            AND ${reminderDueSql('REFERRAL_IDLE', 'r.id', 'r.to_agency_id', IDLE_THRESHOLD)}
          ORDER BY r.updated_at, r.id
          LIMIT :limit`,
        { active: ACTIVE, idleSince, limit },
      );
      return rows.map(
        (row): DueReminder => ({
          subjectId: row.id,
          agencyId: row.toAgencyId,
          threshold: row.threshold,
          notice: {
            eventType: 'REFERRAL_IDLE',
            subjectType: 'Referral',
            subjectId: row.id,
            message: `A referral your agency accepted has had no activity for ${idleDays} days.`,
          },
        }),
      );
    }, batchSize);
  }
}
