import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Tx } from '@hub/database';
import { ConsentEntity, ConsentGrantEntity, ConsentRevocationEntity } from './consent.entity';
import { liveGrantSql } from '../survivor/survivor-access';

export interface ConsentWithRevocation {
  consent: ConsentEntity;
  revocation: ConsentRevocationEntity | null;
}

/** Every query on consents, revocations and grants. */
@Injectable()
export class ConsentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Served by consent_survivor_idx. */
  async forSurvivor(survivorId: string): Promise<ConsentWithRevocation[]> {
    const consents = await this.dataSource
      .getRepository(ConsentEntity)
      .find({ where: { survivorId }, order: { recordedAt: 'DESC', id: 'DESC' } });
    return this.withRevocations(consents);
  }

  async findById(id: string, tx: Tx = this.dataSource.manager): Promise<ConsentWithRevocation | null> {
    const consent = await tx.getRepository(ConsentEntity).findOneBy({ id });
    if (!consent) return null;
    const [result] = await this.withRevocations([consent], tx);
    return result;
  }

  /** The grants from each consent that are live at `now` (who holds them, for which purposes). */
  async liveGrants(
    consentIds: readonly string[],
    now: Date,
    tx: Tx = this.dataSource.manager,
  ): Promise<Map<string, { agencyId: string; purposes: string[] }[]>> {
    const result = new Map<string, { agencyId: string; purposes: string[] }[]>(
      consentIds.map((id) => [id, []]),
    );
    if (consentIds.length === 0) return result;
    const rows: { consent_id: string; agency_id: string; purposes: string[] }[] = await tx.query(
      `SELECT g.consent_id, g.agency_id, g.purposes FROM consent_grant g
        WHERE g.consent_id = ANY($1::uuid[]) AND ${liveGrantSql('g', now)}`,
      [[...consentIds]],
    );
    for (const row of rows)
      result.get(row.consent_id)?.push({ agencyId: row.agency_id, purposes: row.purposes });
    return result;
  }

  /** What the policy needs about a consent's survivor: the minor flag and date of birth. */
  async survivorFacts(survivorId: string): Promise<{ minor: boolean; dateOfBirth: string | null } | null> {
    const rows: { minor: boolean; date_of_birth: string | null }[] = await this.dataSource.query(
      `SELECT minor, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth FROM survivor WHERE id = $1`,
      [survivorId],
    );
    return rows.length ? { minor: rows[0].minor, dateOfBirth: rows[0].date_of_birth } : null;
  }

  /** Records a consent and, in the same transaction, the access rows derived from it. */
  async insertWithGrants(tx: Tx, consent: Omit<ConsentEntity, 'id' | 'recordedAt'>): Promise<ConsentEntity> {
    const inserted = await tx
      .getRepository(ConsentEntity)
      .save(tx.getRepository(ConsentEntity).create(consent));
    const saved = await tx.getRepository(ConsentEntity).findOneByOrFail({ id: inserted.id });
    await tx.getRepository(ConsentGrantEntity).insert(
      consent.recipientAgencyIds.map((agencyId) => ({
        consentId: saved.id,
        basis: 'CONSENT' as const,
        sourceId: null,
        survivorId: consent.survivorId,
        agencyId,
        dataClasses: consent.dataClasses,
        purposes: consent.purposes,
        validFrom: consent.validFrom,
        validUntil: consent.validUntil,
        revokedAt: null,
        userId: null,
      })),
    );
    return saved;
  }

  /**
   * Records the revocation and cuts every grant of the consent, in the caller's transaction.
   * Returns null if the consent was already revoked (the primary key makes this race-free).
   */
  async revoke(
    tx: Tx,
    revocation: Omit<ConsentRevocationEntity, 'revokedAt'>,
  ): Promise<ConsentRevocationEntity | null> {
    const rows: { revoked_at: Date }[] = await tx.query(
      `INSERT INTO consent_revocation (consent_id, revoked_by, revoked_by_agency_id, channel, reason)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (consent_id) DO NOTHING RETURNING revoked_at`,
      [
        revocation.consentId,
        revocation.revokedBy,
        revocation.revokedByAgencyId,
        revocation.channel,
        revocation.reason,
      ],
    );
    if (rows.length === 0) return null;
    await tx.query(`UPDATE consent_grant SET revoked_at = $2 WHERE consent_id = $1 AND revoked_at IS NULL`, [
      revocation.consentId,
      rows[0].revoked_at,
    ]);
    return { ...revocation, revokedAt: rows[0].revoked_at };
  }

  private async withRevocations(
    consents: ConsentEntity[],
    tx: Tx = this.dataSource.manager,
  ): Promise<ConsentWithRevocation[]> {
    if (consents.length === 0) return [];
    const revocations = await tx
      .getRepository(ConsentRevocationEntity)
      .createQueryBuilder('r')
      .where('r.consent_id = ANY(:ids)', { ids: consents.map((c) => c.id) })
      .getMany();
    const byConsent = new Map(revocations.map((r) => [r.consentId, r]));
    return consents.map((consent) => ({ consent, revocation: byConsent.get(consent.id) ?? null }));
  }
}
