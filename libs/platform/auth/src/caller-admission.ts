import { AuthenticatedRequest } from './request-context';

/** Why an authentic token still may not use the hub (sent as `extensions.reason` with FORBIDDEN). */
export interface CallerRefusal {
  reason: 'UNKNOWN_AGENCY';
  message: string;
}

/**
 * Checks a verified caller against what the hub knows (their agency is registered) before any
 * resolver runs. Provided by the policy layer, which loads those facts anyway; absent, all pass.
 */
export interface CallerAdmission {
  refusal(req: AuthenticatedRequest): Promise<CallerRefusal | null>;
}
export const CALLER_ADMISSION = Symbol.for('hub.auth.callerAdmission');
