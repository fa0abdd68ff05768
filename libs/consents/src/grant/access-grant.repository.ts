import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan } from 'typeorm';
import { namedQuery, returnedEntities, Tx } from '@hub/database';
import { ConsentGrantEntity } from '../consent/consent.entity';
import { LiveGrant, liveGrantSql } from '../survivor/survivor-access';

/** A grant row that no consent made (child safety, break-glass): it names what made it instead. */
export type NewNonConsentGrant = Pick<
  ConsentGrantEntity,
  | 'basis'
  | 'sourceId'
  | 'survivorId'
  | 'agencyId'
  | 'userId'
  | 'dataClasses'
  | 'purposes'
  | 'validFrom'
  | 'validUntil'
>;

/** A survivor record as deciding about access that does not come from consent reads it. */
export interface SurvivorFactsRow {
  id: string;
  ownerAgencyId: string;
  reference: string;
  minor: boolean;
  /** `YYYY-MM-DD`, as stored. */
  dateOfBirth: string | null;
  /** Agencies named by a revoked consent of the survivor. */
  revokedForAgencyIds: string[];
  liveGrants: LiveGrant[];
}

/**
 * Every query on the access that does not come from consent, in the caller's transaction. These
 * take no access scope on purpose: they serve decisions the policy makes about records the caller
 * may not read (break-glass, the actions a record offers), and nothing they read is returned to a
 * client. AccessGrantService holds the rules.
 */
@Injectable()
export class AccessGrantRepository {
  async insertNonConsent(tx: Tx, grant: NewNonConsentGrant): Promise<void> {
    await tx.getRepository(ConsentGrantEntity).insert({ ...grant, consentId: null, revokedAt: null });
  }

  /** One statement for any number of survivors (a missing id absent), with their grants live at `now`. */
  survivorFacts(tx: Tx, survivorIds: readonly string[], now: Date): Promise<SurvivorFactsRow[]> {
    return namedQuery<SurvivorFactsRow>(
      tx,
      `SELECT s.id, s.owner_agency_id AS "ownerAgencyId", s.reference, s.minor,
              s.date_of_birth::text AS "dateOfBirth",
              ARRAY(SELECT DISTINCT unnest(c.recipient_agency_ids) FROM consent c
                      JOIN consent_revocation r ON r.consent_id = c.id
                     WHERE c.survivor_id = s.id)::text[] AS "revokedForAgencyIds",
              (SELECT coalesce(json_agg(json_build_object('agencyId', g.agency_id, 'purposes', g.purposes,
                        'classes', g.data_classes, 'basis', g.basis, 'userId', g.user_id)), '[]'::json)
                 FROM consent_grant g WHERE g.survivor_id = s.id AND ${liveGrantSql('g')}) AS "liveGrants"
         FROM survivor s WHERE s.id = ANY(CAST(:ids AS uuid[]))`,
      { ids: [...survivorIds], now },
    );
  }

  /** Ends every grant still open that `sourceId` created. */
  async revokeBySource(tx: Tx, sourceId: string, at: Date): Promise<void> {
    await tx.getRepository(ConsentGrantEntity).update({ sourceId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** A lock on opening break-glass on this survivor, held to the end of the transaction. */
  async lockBreakGlass(tx: Tx, survivorId: string): Promise<void> {
    await namedQuery(
      tx,
      `SELECT pg_advisory_xact_lock(hashtext('break-glass:' || CAST(:survivorId AS text)))`,
      {
        survivorId,
      },
    );
  }

  /** Ends these agencies' break-glass grants on this survivor still live at `at`; answers the grants ended. */
  async revokeLiveBreakGlass(
    tx: Tx,
    survivorId: string,
    agencyIds: readonly string[],
    at: Date,
  ): Promise<ConsentGrantEntity[]> {
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
    return returnedEntities(tx, ConsentGrantEntity, ended.raw);
  }
}
