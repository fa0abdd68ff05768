import { Injectable } from '@nestjs/common';
import { Actor } from '@hub/authz';
import { Tx } from '@hub/database';

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
 * listener at start. A listener that throws rolls the deactivation back.
 */
@Injectable()
export class AgencyDeactivationListeners {
  private readonly listeners: AgencyDeactivatedListener[] = [];

  register(listener: AgencyDeactivatedListener): void {
    this.listeners.push(listener);
  }

  async notify(tx: Tx, event: AgencyDeactivated): Promise<void> {
    for (const listener of this.listeners) await listener(tx, event);
  }
}
