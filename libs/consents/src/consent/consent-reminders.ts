import { Injectable } from '@nestjs/common';
import { namedQuery, Transactions } from '@hub/database';
import { DueReminder, reminderDueSql, Reminders } from '@hub/notifications';

/**
 * The consent reminder of the time-based rules: the agency that recorded a consent hears, once,
 * that it ends within `days` (so it can ask the survivor for a new one before referrals and access
 * based on it stop). The notice is about the survivor (its pseudonymous reference), never names them.
 */
@Injectable()
export class ConsentReminders {
  constructor(
    private readonly transactions: Transactions,
    private readonly reminders: Reminders,
  ) {}

  /** In force, not revoked, ending within `days` of `now`: a range of consent_valid_until_idx. */
  remindEnding(now: Date, days: number, batchSize: number): Promise<number> {
    const threshold = `${days}d`;
    return this.reminders.sendDue(async (limit) => {
      const rows = await namedQuery<{ id: string; ownerAgencyId: string; survivorId: string }>(
        this.transactions.reader,
        `SELECT c.id, c.owner_agency_id AS "ownerAgencyId", c.survivor_id AS "survivorId"
           FROM consent c
          WHERE c.valid_until > :now AND c.valid_until <= :horizon AND c.valid_from <= :now
            AND NOT EXISTS (SELECT 1 FROM consent_revocation cr WHERE cr.consent_id = c.id)
            AND ${reminderDueSql('CONSENT_ENDING_SOON', 'c.id', 'c.owner_agency_id', ':threshold')}
          ORDER BY c.valid_until, c.id
          LIMIT :limit`,
        { now, horizon: new Date(now.getTime() + days * 24 * 60 * 60 * 1000), threshold, limit },
      );
      return rows.map(
        (row): DueReminder => ({
          subjectId: row.id,
          agencyId: row.ownerAgencyId,
          threshold,
          notice: {
            eventType: 'CONSENT_ENDING_SOON',
            subjectType: 'Survivor',
            subjectId: row.survivorId,
            message: `A consent your agency recorded ends within ${days} days.`,
          },
        }),
      );
    }, batchSize);
  }
}
