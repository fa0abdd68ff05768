import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan } from 'typeorm';
import { namedQuery, returnedEntities, Tx } from '@hub/database';
import { UUID_PATTERN } from '@hub/graphql';
import { ConsentGrantEntity } from '../consent/consent.entity';
import { isMinorAt, LiveGrant, liveGrantSql } from '../survivor/survivor-access';

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
    const rows = await namedQuery<{
      id: string;
      owner_agency_id: string;
      reference: string;
      minor: boolean;
      date_of_birth: string | null;
      revoked_for: string[];
      live_grants: LiveGrant[];
    }>(
      tx,
      `SELECT s.id, s.owner_agency_id, s.reference, s.minor, s.date_of_birth::text AS date_of_birth,
              ARRAY(SELECT DISTINCT unnest(c.recipient_agency_ids) FROM consent c
                      JOIN consent_revocation r ON r.consent_id = c.id
                     WHERE c.survivor_id = s.id)::text[] AS revoked_for,
              (SELECT coalesce(json_agg(json_build_object('agencyId', g.agency_id, 'purposes', g.purposes,
                        'classes', g.data_classes, 'basis', g.basis, 'userId', g.user_id)), '[]'::json)
                 FROM consent_grant g WHERE g.survivor_id = s.id AND ${liveGrantSql('g')}) AS live_grants
         FROM survivor s WHERE s.id = ANY(CAST(:ids AS uuid[]))`,
      { ids, now },
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          ownerAgencyId: row.owner_agency_id,
          reference: row.reference,
          minor: isMinorAt({ minor: row.minor, dateOfBirth: row.date_of_birth }, now),
          revokedForAgencyIds: row.revoked_for,
          liveGrants: row.live_grants,
        },
      ]),
    );
  }

  /** Ends every grant created by `sourceId` (e.g. a withdrawn child-safety referral). */
  async revokeFrom(tx: Tx, sourceId: string, at: Date): Promise<void> {
    await tx.getRepository(ConsentGrantEntity).update({ sourceId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /**
   * Serialises opening break-glass on a survivor with revoking their consents (held to the end of
   * the transaction): an opening either sees the revocation or is ended by it, never neither.
   */
  async lockBreakGlass(tx: Tx, survivorId: string): Promise<void> {
    await namedQuery(
      tx,
      `SELECT pg_advisory_xact_lock(hashtext('break-glass:' || CAST(:survivorId AS text)))`,
      {
        survivorId,
      },
    );
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
    const ended = await tx
      .createQueryBuilder()
      .update(ConsentGrantEntity)
      .set({ revokedAt: at })
      .where({
        basis: 'BREAK_GLASS',
        survivorId,
        agencyId: In([...agencyIds]),
        revokedAt: IsNull(),
        validUntil: MoreThan(at),
      })
      .returning('*')
      .execute();
    const grants = returnedEntities(tx, ConsentGrantEntity, ended.raw);
    return [...new Set(grants.map((grant) => grant.sourceId as string))];
  }
}
