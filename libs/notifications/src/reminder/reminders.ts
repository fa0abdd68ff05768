import { Injectable, Optional } from '@nestjs/common';
import { agencyOnHubSql } from '@hub/agencies';
import { namedQuery, Transactions, Tx } from '@hub/database';
import { Metrics } from '@hub/observability';
import { Notice, NotificationPublisher } from '../notification/notification-publisher';

/**
 * A reminder a time-based rule found due: the notice to one agency, and the key it is sent once
 * under — its kind (the notice's event type), the record it is about, the agency and the
 * threshold crossed (e.g. `25%` of a response window left, `7d` before a consent ends).
 */
export interface DueReminder {
  /** The record the reminder is about (a referral, a consent, a protocol version). */
  subjectId: string;
  /** The agency told. */
  agencyId: string;
  /** The threshold crossed; a new threshold (a later idle period) is a new reminder. */
  threshold: string;
  /** What the agency is told (its subject may differ from `subjectId`: a consent's survivor). */
  notice: Omit<Notice, 'agencyIds'>;
}

const KIND = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * SQL for "this reminder is still owed", for every rule's query of what is due (so each batch
 * brings new work): not sent yet, and to an agency still on the hub (none is owed to an agency
 * deactivated since). The arguments are SQL expressions of the candidate row; `kind` a literal
 * event type. Served by reminder_sent's and agency's primary keys.
 */
export function reminderDueSql(kind: string, subjectId: string, agencyId: string, threshold: string): string {
  if (!KIND.test(kind)) throw new Error(`unsafe reminder kind: ${kind}`);
  return `(${agencyOnHubSql(agencyId)}
        AND NOT EXISTS (SELECT 1 FROM reminder_sent rs WHERE rs.kind = '${kind}' AND rs.subject_id = ${subjectId}
            AND rs.agency_id = ${agencyId} AND rs.threshold = ${threshold}))`;
}

/**
 * The one way a time-based rule reminds an agency: once per kind, subject, agency and threshold,
 * whatever the number of sweeps or workers. The key and the notification (with its outbox row,
 * so e-mail follows) are written in one transaction; a concurrent sweep that found the same
 * reminder waits on the key, then sends nothing.
 */
@Injectable()
export class Reminders {
  private readonly sent?: ReturnType<Metrics['counter']>;

  constructor(
    private readonly transactions: Transactions,
    private readonly publisher: NotificationPublisher,
    @Optional() metrics?: Metrics,
  ) {
    this.sent = metrics?.counter({
      name: 'hub_reminders_sent_total',
      help: 'Reminders sent by the time-based rules, by kind (once per subject, agency and threshold)',
      labelNames: ['kind'] as const,
    });
  }

  /**
   * Sends what `due` finds, `batchSize` at a time (one transaction per batch), until it finds
   * fewer; `due` must leave out what was sent or is no longer owed (`reminderDueSql`). Answers
   * how many were sent.
   */
  async sendDue(due: (limit: number) => Promise<DueReminder[]>, batchSize: number): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await due(batchSize);
      if (batch.length === 0) break;
      const sent = await this.transactions.run(async (tx) => {
        const kinds: string[] = [];
        for (const reminder of batch) {
          if (await this.sendOnce(tx, reminder)) kinds.push(reminder.notice.eventType);
        }
        return kinds;
      });
      // Counted once committed: a rolled-back batch sent nothing.
      for (const kind of sent) this.sent?.inc({ kind });
      total += sent.length;
      if (batch.length < batchSize) break;
    }
    return total;
  }

  /** In `tx`: records the reminder and notifies its agency, unless it was sent before (false). */
  async sendOnce(tx: Tx, reminder: DueReminder): Promise<boolean> {
    const kind = reminder.notice.eventType;
    if (!KIND.test(kind)) throw new Error(`unsafe reminder kind: ${kind}`);
    const rows = await namedQuery(
      tx,
      `INSERT INTO reminder_sent (kind, subject_id, agency_id, threshold)
       VALUES (:kind, :subjectId, :agencyId, :threshold)
       ON CONFLICT DO NOTHING RETURNING 1`,
      { kind, subjectId: reminder.subjectId, agencyId: reminder.agencyId, threshold: reminder.threshold },
    );
    if (rows.length === 0) return false;
    await this.publisher.publish(tx, { ...reminder.notice, agencyIds: [reminder.agencyId] });
    return true;
  }
}
