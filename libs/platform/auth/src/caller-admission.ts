import { AuthenticatedRequest } from './request-context';

/** Why an authentic token still may not use the hub (sent as `extensions.reason` with FORBIDDEN). */
export interface CallerRefusal {
  /**
   * UNKNOWN_AGENCY: `agency_id` names no registered agency; AGENCY_DEACTIVATED: it names one taken
   * off the hub; USER_SUSPENDED: an admin of the agency suspended this user in the hub.
   */
  reason: 'UNKNOWN_AGENCY' | 'AGENCY_DEACTIVATED' | 'USER_SUSPENDED';
  message: string;
}

/**
 * Checks a verified caller against what the hub knows (their agency is registered and active, they
 * are not suspended) before any resolver runs. Provided by the policy layer, which loads those facts anyway; absent, all pass.
 */
export interface CallerAdmission {
  refusal(req: AuthenticatedRequest): Promise<CallerRefusal | null>;
}
export const CALLER_ADMISSION = Symbol.for('hub.auth.callerAdmission');
