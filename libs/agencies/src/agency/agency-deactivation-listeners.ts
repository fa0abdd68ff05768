import { Injectable } from '@nestjs/common';
import { Actor } from '@hub/authz';
import { TransactionListeners, Tx } from '@hub/database';

/** An agency taken off the hub, as the domains holding its work hear of it (inside its transaction). */
export interface AgencyDeactivated {
  agencyId: string;
  /** The platform administrator's reason, as audited. */
  reason: string;
  at: Date;
  actor: Actor;
}
export type AgencyDeactivatedListener = (tx: Tx, event: AgencyDeactivated) => Promise<void>;

/**
 * How a domain that depends on agencies (referrals hand an agency's open referrals back) acts in
 * the same transaction as the deactivation without agencies depending on it: it registers a
 * listener at start, as consents' ConsentRevocationListeners do for a revocation.
 */
@Injectable()
export class AgencyDeactivationListeners extends TransactionListeners<AgencyDeactivated> {}
