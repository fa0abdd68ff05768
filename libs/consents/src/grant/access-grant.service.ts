import { Injectable } from '@nestjs/common';
import { Tx } from '@hub/database';
import { UUID_PATTERN } from '@hub/graphql';
import { isMinorAt, LiveGrant } from '../survivor/survivor-access';
import { AccessGrantRepository } from './access-grant.repository';

export interface NonConsentGrant {
  basis: 'CHILD_SAFETY' | 'BREAK_GLASS';
  /** What created it: the child-safety referral, the break-glass session. */
  sourceId: string;
  survivorId: string;
  agencyId: string;
  /** Break-glass: the one user it serves (the opener). Absent: the whole agency. */
  userId?: string;
  classes: string[];
  purposes: string[];
  validFrom: Date;
  validUntil: Date;
}

/** What deciding about access that does not come from consent (break-glass) needs to know. */
export interface SurvivorFacts {
  ownerAgencyId: string;
  reference: string;
  /** The flag, or a date of birth under 18 at the moment asked about. */
  minor: boolean;
  /** Agencies named by a revoked consent of the survivor: the survivor's "no" to them. */
  revokedForAgencyIds: string[];
  /** Its grants live at the moment asked about. */
  liveGrants: LiveGrant[];
}

/**
 * Access to a survivor record that does not come from consent: a child-safety referral (the
 * only way law enforcement sees a minor) and break-glass. Written into the same grants table
 * every read joins, inside the caller's transaction, so it takes effect — and ends — at once.
 * The rules are here; the queries are AccessGrantRepository's.
 */
@Injectable()
export class AccessGrantService {
  constructor(private readonly grants: AccessGrantRepository) {}

  grant(tx: Tx, grant: NonConsentGrant): Promise<void> {
    return this.grants.insertNonConsent(tx, {
      basis: grant.basis,
      sourceId: grant.sourceId,
      survivorId: grant.survivorId,
      agencyId: grant.agencyId,
      userId: grant.userId ?? null,
      dataClasses: grant.classes,
      purposes: grant.purposes,
      validFrom: grant.validFrom,
      validUntil: grant.validUntil,
    });
  }

  /**
   * The owner, minor status and revocations of a survivor record, whoever asks: only for
   * deciding about access that does not come from consent (break-glass), never returned to a client.
   */
  async survivorFacts(tx: Tx, survivorId: string, now: Date): Promise<SurvivorFacts | null> {
    return (await this.survivorFactsMany(tx, [survivorId], now)).get(survivorId) ?? null;
  }

  /**
   * `survivorFacts` of several records in one statement, by id (a missing one absent), with their
   * grants live at `now`: what the policy needs to judge acts on records the caller may not read
   * (the actions a referral or a record offers).
   */
  async survivorFactsMany(
    tx: Tx,
    survivorIds: readonly string[],
    now: Date,
  ): Promise<Map<string, SurvivorFacts>> {
    const ids = [...new Set(survivorIds.filter((id) => UUID_PATTERN.test(id)))];
    if (ids.length === 0) return new Map();
    const rows = await this.grants.survivorFacts(tx, ids, now);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          ownerAgencyId: row.ownerAgencyId,
          reference: row.reference,
          minor: isMinorAt(row, now),
          revokedForAgencyIds: row.revokedForAgencyIds,
          liveGrants: row.liveGrants,
        },
      ]),
    );
  }

  /** Ends every grant created by `sourceId` (e.g. a withdrawn child-safety referral). */
  revokeFrom(tx: Tx, sourceId: string, at: Date): Promise<void> {
    return this.grants.revokeBySource(tx, sourceId, at);
  }

  /**
   * Serialises opening break-glass on a survivor with revoking their consents (held to the end of
   * the transaction): an opening either sees the revocation or is ended by it, never neither.
   */
  lockBreakGlass(tx: Tx, survivorId: string): Promise<void> {
    return this.grants.lockBreakGlass(tx, survivorId);
  }

  /**
   * Ends the live break-glass grants of these agencies on this survivor (a revocation naming
   * them); returns the sessions they came from.
   */
  async revokeBreakGlass(
    tx: Tx,
    survivorId: string,
    agencyIds: readonly string[],
    at: Date,
  ): Promise<string[]> {
    if (agencyIds.length === 0) return [];
    await this.lockBreakGlass(tx, survivorId);
    const ended = await this.grants.revokeLiveBreakGlass(tx, survivorId, agencyIds, at);
    return [...new Set(ended.map((grant) => grant.sourceId as string))];
  }
}
