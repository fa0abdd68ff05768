import { Injectable } from '@nestjs/common';
import { Actor } from '@hub/authz';
import { Tx } from '@hub/database';

/** A revocation, as the domains holding access derived from it hear of it (inside its transaction). */
export interface ConsentRevoked {
  consentId: string;
  survivorId: string;
  ownerAgencyId: string;
  /** The agencies the revoked consent named. */
  agencyIds: string[];
  /** Break-glass sessions whose grants the revocation just ended. */
  endedBreakGlassIds: string[];
  at: Date;
  actor: Actor;
}
export type ConsentRevokedListener = (tx: Tx, event: ConsentRevoked) => Promise<void>;

/**
 * How a domain that depends on consents (referrals, for break-glass sessions) acts in the same
 * transaction as a revocation without consents depending on it: it registers a listener at start.
 */
@Injectable()
export class ConsentRevocationListeners {
  private readonly listeners: ConsentRevokedListener[] = [];

  register(listener: ConsentRevokedListener): void {
    this.listeners.push(listener);
  }

  async notify(tx: Tx, event: ConsentRevoked): Promise<void> {
    for (const listener of this.listeners) await listener(tx, event);
  }
}
