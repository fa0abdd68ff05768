import { Actor } from '@hub/authz';
import { Tx } from '@hub/database';

/**
 * What the workflow writes to the audit log. Shaped like `AuditWriter` of the audit domain, which
 * binds it (`useExisting`): platform knows no domain, only this port.
 */
export interface WorkflowAuditEvent {
  actor: Pick<Actor, 'userId' | 'agencyId' | 'requestId'>;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Agencies whose records this concerns: required, non-empty for a known record ([] only when none was found). */
  subjectAgencyIds: readonly string[];
  fields?: readonly string[];
  purpose?: 'SERVICE' | 'INVESTIGATION' | null;
  decision: 'ALLOWED' | 'DENIED';
  reason?: string | null;
}

export interface WorkflowAuditPort {
  /** In the change's transaction: both or neither. */
  record(tx: Tx, ...events: WorkflowAuditEvent[]): Promise<void>;
  /** A refusal, in a transaction of its own (it survives the rollback of what was refused). */
  recordDenied(event: Omit<WorkflowAuditEvent, 'decision'>): Promise<void>;
}

/** Provided by the audit domain: `{ provide: WORKFLOW_AUDIT, useExisting: AuditWriter }`. */
export const WORKFLOW_AUDIT = Symbol.for('hub.workflow.audit');

/** Something that happened, told to the members of some agencies (never survivor personal data). */
export interface WorkflowNotice {
  agencyIds: string[];
  eventType: string;
  subjectType: string;
  subjectId: string;
  message: string;
}

export interface WorkflowNotifierPort {
  /** In the change's transaction; no agency means no notification. */
  publish(tx: Tx, notice: WorkflowNotice): Promise<void>;
}

/** Provided by the notifications domain: `{ provide: WORKFLOW_NOTIFIER, useExisting: NotificationPublisher }`. */
export const WORKFLOW_NOTIFIER = Symbol.for('hub.workflow.notifier');
