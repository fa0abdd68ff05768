import { Injectable } from '@nestjs/common';
import { Tx } from '@hub/database';
import { ConsentGrantEntity } from '../consent/consent.entity';
import { isMinorAt } from '../survivor/survivor-access';

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
}

/**
 * Access to a survivor record that does not come from consent: a child-safety referral (the
 * only way law enforcement sees a minor) and break-glass. Written into the same grants table
 * every read joins, inside the caller's transaction, so it takes effect — and ends — at once.
 */
@Injectable()
export class AccessGrantService {
  async grant(tx: Tx, grant: NonConsentGrant): Promise<void> {
    await tx.getRepository(ConsentGrantEntity).insert({
      consentId: null,
      basis: grant.basis,
      sourceId: grant.sourceId,
      survivorId: grant.survivorId,
      agencyId: grant.agencyId,
      userId: grant.userId ?? null,
      dataClasses: grant.classes,
      purposes: grant.purposes,
      validFrom: grant.validFrom,
      validUntil: grant.validUntil,
      revokedAt: null,
    });
  }

  /**
   * The owner, minor status and revocations of a survivor record, whoever asks: only for
   * deciding about access that does not come from consent (break-glass), never returned to a client.
   */
  async survivorFacts(tx: Tx, survivorId: string, now: Date): Promise<SurvivorFacts | null> {
    const rows: {
      owner_agency_id: string;
      reference: string;
      minor: boolean;
      date_of_birth: string | null;
      revoked_for: string[];
    }[] = await tx.query(
      `SELECT s.owner_agency_id, s.reference, s.minor, to_char(s.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
              ARRAY(SELECT DISTINCT unnest(c.recipient_agency_ids) FROM consent c
                      JOIN consent_revocation r ON r.consent_id = c.id
                     WHERE c.survivor_id = s.id)::text[] AS revoked_for
         FROM survivor s WHERE s.id = $1`,
      [survivorId],
    );
    if (!rows.length) return null;
    const [row] = rows;
    return {
      ownerAgencyId: row.owner_agency_id,
      reference: row.reference,
      minor: isMinorAt({ minor: row.minor, dateOfBirth: row.date_of_birth }, now),
      revokedForAgencyIds: row.revoked_for,
    };
  }

  /** Ends every grant created by `sourceId` (e.g. a withdrawn child-safety referral). */
  async revokeFrom(tx: Tx, sourceId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE consent_grant SET revoked_at = $2 WHERE source_id = $1 AND revoked_at IS NULL`, [
      sourceId,
      at,
    ]);
  }

  /**
   * Serialises opening break-glass on a survivor with revoking their consents (held to the end of
   * the transaction): an opening either sees the revocation or is ended by it, never neither.
   */
  async lockBreakGlass(tx: Tx, survivorId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('break-glass:' || $1::text))`, [survivorId]);
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
    const [rows] = (await tx.query(
      `UPDATE consent_grant SET revoked_at = $3
        WHERE basis = 'BREAK_GLASS' AND survivor_id = $1 AND agency_id = ANY($2::uuid[])
          AND revoked_at IS NULL AND valid_until > $3
        RETURNING source_id`,
      [survivorId, [...agencyIds], at],
    )) as [{ source_id: string }[], number];
    return [...new Set(rows.map((row) => row.source_id))];
  }
}
