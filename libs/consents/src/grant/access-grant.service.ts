import { Injectable } from '@nestjs/common';
import { Tx } from '@hub/database';
import { ConsentGrantEntity } from '../consent/consent.entity';

export interface NonConsentGrant {
  basis: 'CHILD_SAFETY' | 'BREAK_GLASS';
  /** What created it: the child-safety referral, the break-glass session. */
  sourceId: string;
  survivorId: string;
  agencyId: string;
  classes: string[];
  purposes: string[];
  validFrom: Date;
  validUntil: Date;
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
      dataClasses: grant.classes,
      purposes: grant.purposes,
      validFrom: grant.validFrom,
      validUntil: grant.validUntil,
      revokedAt: null,
    });
  }

  /**
   * The owner and minor status of a survivor record, whoever asks: only for deciding about
   * access that does not come from consent (break-glass), never returned to a client.
   */
  async survivorFacts(
    tx: Tx,
    survivorId: string,
  ): Promise<{ ownerAgencyId: string; reference: string } | null> {
    const rows: { owner_agency_id: string; reference: string }[] = await tx.query(
      `SELECT owner_agency_id, reference FROM survivor WHERE id = $1`,
      [survivorId],
    );
    return rows.length ? { ownerAgencyId: rows[0].owner_agency_id, reference: rows[0].reference } : null;
  }

  /** Ends every grant created by `sourceId` (e.g. a withdrawn child-safety referral). */
  async revokeFrom(tx: Tx, sourceId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE consent_grant SET revoked_at = $2 WHERE source_id = $1 AND revoked_at IS NULL`, [
      sourceId,
      at,
    ]);
  }
}
