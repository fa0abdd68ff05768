import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '@hub/authz';
import { Transactions, Tx } from '@hub/database';
import { AuditEventEntity } from './audit-event.entity';

export type AuditDecision = 'ALLOWED' | 'DENIED';
export type AuditPurpose = 'SERVICE' | 'INVESTIGATION';

export interface AuditEvent {
  actor: Pick<Actor, 'userId' | 'agencyId' | 'requestId'>;
  /** What was done: READ, CREATE, UPDATE, RECORD_CONSENT, REVOKE_CONSENT… */
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Personal fields disclosed or changed (names only, never values). */
  fields?: readonly string[];
  purpose?: AuditPurpose | null;
  decision: AuditDecision;
  reason?: string | null;
  /**
   * Agencies whose records this concerns; lets their admins review it. Required: `[]` only where
   * there truly is none (a refusal about a record that does not exist).
   */
  subjectAgencyIds: readonly (string | null | undefined)[];
}

/**
 * The one way anything is written to the audit log. A change and its audit event share the
 * caller's transaction (both or neither); a refusal is written in a transaction of its own, so
 * it survives the rollback of what was refused.
 */
@Injectable()
export class AuditWriter {
  private readonly logger = new Logger(AuditWriter.name);

  constructor(private readonly transactions: Transactions) {}

  async record(tx: Tx, ...events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.getRepository(AuditEventEntity).insert(events.map(toRow));
  }

  /** For reads: the disclosure is recorded before the data leaves (outside any transaction). */
  async recordDisclosure(...events: AuditEvent[]): Promise<void> {
    await this.record(this.transactions.reader, ...events);
  }

  async recordDenied(event: Omit<AuditEvent, 'decision'>): Promise<void> {
    try {
      await this.transactions.run((tx) => this.record(tx, { ...event, decision: 'DENIED' }));
    } catch (error) {
      // The refusal itself still stands; losing its audit row must at least be loud.
      this.logger.error(`could not audit a refusal: ${(error as Error).message}`);
      throw error;
    }
  }
}

function toRow(event: AuditEvent): Partial<AuditEventEntity> {
  return {
    occurredAt: new Date(),
    actorUserId: event.actor.userId,
    actorAgencyId: event.actor.agencyId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    fields: [...(event.fields ?? [])],
    purpose: event.purpose ?? null,
    decision: event.decision,
    // The audit column holds 500 characters; a longer reason keeps its first 500, not lost.
    reason: event.reason ? event.reason.slice(0, 500) : null,
    requestId: event.actor.requestId ?? null,
    subjectAgencyIds: [...new Set(event.subjectAgencyIds.filter((id): id is string => !!id))],
  };
}
