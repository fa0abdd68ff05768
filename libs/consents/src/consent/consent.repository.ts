import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { returnedEntities, Tx } from '@hub/database';
import { liveGrantsOf } from '../grant/live-grants';
import { SurvivorEntity } from '../survivor/survivor.entity';
import { ConsentEntity, ConsentGrantEntity, ConsentRevocationEntity } from './consent.entity';

export interface ConsentWithRevocation {
  consent: ConsentEntity;
  revocation: ConsentRevocationEntity | null;
}

/** A consent as it is recorded: the database sets its id and recording time. */
export type NewConsent = Omit<ConsentEntity, 'id' | 'recordedAt'>;

/**
 * Every query on consents, revocations and the grants they make, through the entities (their
 * columns are spelled there and in the migration only).
 */
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
  liveGrants(
    consentIds: readonly string[],
    now: Date,
    tx: Tx = this.dataSource.manager,
  ): Promise<Map<string, ConsentGrantEntity[]>> {
    return liveGrantsOf(tx, 'consentId', consentIds, now);
  }

  /** What the policy needs about a consent's survivor: the minor flag and date of birth. */
  survivorFacts(survivorId: string): Promise<Pick<SurvivorEntity, 'minor' | 'dateOfBirth'> | null> {
    return this.dataSource
      .getRepository(SurvivorEntity)
      .findOne({ select: { id: true, minor: true, dateOfBirth: true }, where: { id: survivorId } });
  }

  /** Records a consent and, in the same transaction, the access rows derived from it. */
  async insertWithGrants(tx: Tx, consent: NewConsent): Promise<ConsentEntity> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(ConsentEntity)
      .values(consent)
      .returning('*')
      .execute();
    const [saved] = returnedEntities(tx, ConsentEntity, inserted.raw);
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
   * Returns null if the consent was already revoked (the primary key makes this race-free: the
   * loser's insert does nothing and returns no row).
   */
  async revoke(
    tx: Tx,
    revocation: Omit<ConsentRevocationEntity, 'revokedAt'>,
  ): Promise<ConsentRevocationEntity | null> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(ConsentRevocationEntity)
      .values(revocation)
      .orIgnore()
      .returning('*')
      .execute();
    const [done] = returnedEntities(tx, ConsentRevocationEntity, inserted.raw);
    if (!done) return null;
    await tx
      .getRepository(ConsentGrantEntity)
      .update({ consentId: done.consentId, revokedAt: IsNull() }, { revokedAt: done.revokedAt });
    return done;
  }

  private async withRevocations(
    consents: ConsentEntity[],
    tx: Tx = this.dataSource.manager,
  ): Promise<ConsentWithRevocation[]> {
    if (consents.length === 0) return [];
    const revocations = await tx
      .getRepository(ConsentRevocationEntity)
      .findBy({ consentId: In(consents.map((c) => c.id)) });
    const byConsent = new Map(revocations.map((r) => [r.consentId, r]));
    return consents.map((consent) => ({ consent, revocation: byConsent.get(consent.id) ?? null }));
  }
}
