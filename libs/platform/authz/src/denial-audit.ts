import { Actor } from './actor';

/** A refusal to record: who was refused what, on which record (if known) of which agencies. */
export interface DeniedEvent {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string | null;
  subjectAgencyIds: string[];
}

/**
 * Where the AuthzGuard records the refusals it makes, each in a transaction of its own. The audit
 * domain provides it (the platform knows no audit table).
 */
export interface DenialAudit {
  recordDenied(event: DeniedEvent): Promise<void>;
}
export const DENIAL_AUDIT = Symbol.for('hub.authz.denialAudit');
