import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessWhere } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { returnedEntities, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { ReferralEntity } from '../referral/referral.entity';
import { BreakGlassEntity } from './break-glass.entity';
import { BreakGlassEndReason, BreakGlassFinding } from './break-glass.model';

/** Uses page newest first (break_glass_owner_idx / break_glass_agency_idx end in opened_at, id). */
const NEWEST_FIRST = new Keyset(
  [
    { sql: 'b.opened_at', kind: 'timestamp' },
    { sql: 'b.id', kind: 'uuid' },
  ],
  'DESC',
);

export type NewBreakGlass = Pick<
  BreakGlassEntity,
  'survivorId' | 'ownerAgencyId' | 'agencyId' | 'openedBy' | 'reason' | 'openedAt' | 'expiresAt'
>;

/** Every query on break-glass sessions, and the referral parties that may open one. */
@Injectable()
export class BreakGlassRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Agencies that sent or received a (sent) referral about this survivor. */
  async referralParties(survivorId: string, tx: Tx = this.dataSource.manager): Promise<string[]> {
    return (await this.referralPartiesOf([survivorId], tx)).get(survivorId) ?? [];
  }

  /** `referralParties` of several survivors in one statement (served by referral_survivor_idx), by id. */
  async referralPartiesOf(
    survivorIds: readonly string[],
    tx: Tx = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const byId = new Map<string, string[]>(survivorIds.map((id) => [id, []]));
    if (survivorIds.length === 0) return byId;
    const rows = await tx
      .createQueryBuilder(ReferralEntity, 'r')
      .select('r.survivor_id', 'survivor_id')
      .addSelect('unnest(ARRAY[r.from_agency_id, r.to_agency_id])', 'agency_id')
      .distinct(true)
      .where('r.survivor_id = ANY(CAST(:ids AS uuid[])) AND r.sent_at IS NOT NULL', { ids: [...survivorIds] })
      .getRawMany<{ survivor_id: string; agency_id: string }>();
    for (const row of rows) byId.get(row.survivor_id)?.push(row.agency_id);
    return byId;
  }

  async insert(tx: Tx, session: NewBreakGlass): Promise<BreakGlassEntity> {
    const result = await tx
      .createQueryBuilder(BreakGlassEntity, 'b')
      .insert()
      .values(session)
      .returning('*')
      .execute();
    return returnedEntities(tx, BreakGlassEntity, result.raw)[0];
  }

  async findById(id: string): Promise<BreakGlassEntity | null> {
    return this.dataSource.manager.findOneBy(BreakGlassEntity, { id });
  }

  /** Ends the session if it is still open at `at`; null when it already ended or expired. */
  async end(
    tx: Tx,
    id: string,
    end: { at: Date; by: string; reason: BreakGlassEndReason; note: string | null },
  ): Promise<BreakGlassEntity | null> {
    const [ended] = await this.update(
      tx,
      { endedAt: end.at, endedBy: end.by, endedReason: end.reason, endedNote: end.note },
      'id = :id AND ended_at IS NULL AND expires_at > :at',
      { id, at: end.at },
    );
    return ended ?? null;
  }

  /** Ends these sessions, those still open, because a revocation named their agency. */
  async endRevoked(tx: Tx, ids: readonly string[], at: Date, by: string): Promise<BreakGlassEntity[]> {
    if (ids.length === 0) return [];
    return this.update(
      tx,
      { endedAt: at, endedBy: by, endedReason: BreakGlassEndReason.CONSENT_REVOKED },
      'id = ANY(CAST(:ids AS uuid[])) AND ended_at IS NULL',
      { ids: [...ids] },
    );
  }

  /** Records the review once; null when it was already reviewed. */
  async review(
    tx: Tx,
    id: string,
    review: { at: Date; by: string; finding: BreakGlassFinding; note: string | null },
  ): Promise<BreakGlassEntity | null> {
    const [reviewed] = await this.update(
      tx,
      {
        reviewedAt: review.at,
        reviewedBy: review.by,
        reviewFinding: review.finding,
        reviewNote: review.note,
      },
      'id = :id AND reviewed_at IS NULL',
      { id },
    );
    return reviewed ?? null;
  }

  /** Uses the caller may read, newest first. */
  async list(scope: AccessScope, args: PageArgs): Promise<Connection<BreakGlassEntity>> {
    const access = accessWhere(scope.ability, 'read', 'BreakGlass', {
      fields: {
        ownerAgencyId: { sql: 'b.owner_agency_id', kind: 'scalar' },
        agencyId: { sql: 'b.agency_id', kind: 'scalar' },
        openedBy: { sql: 'b.opened_by', kind: 'scalar' },
      },
    });
    return NEWEST_FIRST.fetch(
      this.dataSource.manager.createQueryBuilder(BreakGlassEntity, 'b').where(access.sql, access.params),
      args,
    );
  }

  /** One guarded UPDATE of the end or review columns (the only ones the API may set), answering the rows it changed. */
  private async update(
    tx: Tx,
    set: Partial<BreakGlassEntity>,
    where: string,
    params: Record<string, unknown>,
  ): Promise<BreakGlassEntity[]> {
    const result = await tx
      .createQueryBuilder()
      .update(BreakGlassEntity)
      .set(set)
      .where(where, params)
      .returning('*')
      .execute();
    return returnedEntities(tx, BreakGlassEntity, result.raw);
  }
}
