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
 * A write that every admitted request makes anyway (the request budget), carried by the
 * admission's one statement so a signed-in request costs one round trip to PostgreSQL before
 * GraphQL runs: `sql` is one data-modifying statement with named parameters returning one row
 * (`INSERT … RETURNING …`), run as a CTE of the admission's query; `ridden` receives that row.
 * When the admission runs no query (a token without an agency), the rider is not run: its owner
 * runs it alone then.
 */
export interface RiderStatement {
  sql: string;
  params: Record<string, unknown>;
  ridden(row: Record<string, unknown>): void;
}

/** Who has a statement to ride along with a request's admission (provided by the request budget). */
export interface AdmissionRider {
  /** The statement for this request, or null when it has none (a route it does not cover). */
  statementFor(req: AuthenticatedRequest): RiderStatement | null;
}
export const ADMISSION_RIDER = Symbol.for('hub.auth.admissionRider');

/**
 * Checks a verified caller against what the hub knows (their agency is registered and active, they
 * are not suspended) before any resolver runs. Provided by the policy layer, which loads those facts anyway; absent, all pass.
 * Never cached: a suspension or a deactivation bites at the next request.
 */
export interface CallerAdmission {
  refusal(req: AuthenticatedRequest, rider?: RiderStatement | null): Promise<CallerRefusal | null>;
}
export const CALLER_ADMISSION = Symbol.for('hub.auth.callerAdmission');
