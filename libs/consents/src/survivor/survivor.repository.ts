import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessWhere } from '@hub/authz';
import { Connection, Keyset, PageArgs, UUID_PATTERN } from '@hub/graphql';
import { AccessScope } from '@hub/access';
import { entityAt, entityColumns, JoinedPart, namedQuery, returnedEntities, Tx } from '@hub/database';
import { liveGrantsOf } from '../grant/live-grants';
import { SurvivorEntity, SurvivorPersonalData } from './survivor.entity';
import { LiveGrant, liveGrantRecord, liveGrantSql, survivorSqlMap } from './survivor-access';

export interface SurvivorFilter {
  ownedBy?: string;
  minor?: boolean;
  reference?: string;
}

/** A new record besides its personal data; the id is the one its create chose (CreateOnce keys it). */
export type NewSurvivor = Pick<SurvivorEntity, 'id' | 'reference' | 'ownerAgencyId' | 'minor' | 'createdBy'>;

/** What an update may change; undefined = unchanged, null = clear. */
export type SurvivorChanges = Partial<SurvivorPersonalData & Pick<SurvivorEntity, 'minor'>>;

/** A record the caller may see, with its grants live at the moment of the read (what the in-memory policy checks). */
export interface VisibleSurvivor {
  entity: SurvivorEntity;
  grants: LiveGrant[];
}

/** Lists page newest first (survivor_owner_created_idx, survivor_created_idx). */
const NEWEST_FIRST = new Keyset(
  [
    { sql: 's.created_at', kind: 'timestamp' },
    { sql: 's.id', kind: 'uuid' },
  ],
  'DESC',
);

/**
 * Every query on survivors, through the entity (its columns are spelled there and in the
 * migration only). Reads take the caller's access scope and apply the policy's rules as SQL
 * (rules → WHERE, joined to live grants at `now`), so a record the caller may not see is never
 * fetched, and paging counts only visible records.
 */
@Injectable()
export class SurvivorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findVisible(
    scope: AccessScope,
    id: string,
    now: Date,
    tx: Tx = this.dataSource.manager,
  ): Promise<SurvivorEntity | null> {
    return this.visible(scope, now, tx).andWhere('s.id = :id', { id }).getOne();
  }

  /**
   * The owning agency of a record, whoever asks: only to name it on the audit row of a refusal
   * answered as NOT_FOUND (auditors' eyes only), never returned to a client.
   */
  async ownerOf(id: string): Promise<string | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const survivor = await this.dataSource
      .getRepository(SurvivorEntity)
      .findOne({ select: { id: true, ownerAgencyId: true }, where: { id } });
    return survivor?.ownerAgencyId ?? null;
  }

  /** Several records by id in one query, each only if the caller may see it. */
  async findVisibleMany(scope: AccessScope, ids: readonly string[], now: Date): Promise<SurvivorEntity[]> {
    if (ids.length === 0) return [];
    return this.visible(scope, now)
      .andWhere('s.id = ANY(CAST(:ids AS uuid[]))', { ids: [...ids] })
      .getMany();
  }

  /**
   * Several records by id with their live grants, each only if the caller may see it, in one
   * statement: what `findVisibleMany` and `liveGrants` answer together.
   */
  async findVisibleWithGrants(
    scope: AccessScope,
    ids: readonly string[],
    now: Date,
  ): Promise<VisibleSurvivor[]> {
    if (ids.length === 0) return [];
    const manager = this.dataSource.manager;
    const visible = this.visibleWithGrantsSql(scope, now, '');
    const rows = await namedQuery(
      manager,
      `SELECT ${visible.sql} FROM survivor s WHERE s.id = ANY(CAST(:ids AS uuid[])) AND ${visible.where}`,
      { ...visible.params, ids: [...ids] },
    );
    return rows.map((row) => visibleSurvivorAt(manager, row, ''));
  }

  /**
   * The record `idSql` names with its live grants, joined into another domain's page query
   * (JoinedPart; referrals): null where there is none or the caller may not see it. The same
   * policy WHERE and grants as `findVisibleWithGrants`.
   */
  joinVisible(
    scope: AccessScope,
    idSql: string,
    now: Date,
    alias: string,
  ): JoinedPart<VisibleSurvivor | null> {
    const manager = this.dataSource.manager;
    const prefix = `${alias}.`;
    const visible = this.visibleWithGrantsSql(scope, now, prefix);
    const idKey = `${prefix}id`;
    return {
      sql: `${alias}.*`,
      join: `LEFT JOIN LATERAL (SELECT ${visible.sql} FROM survivor s WHERE s.id = ${idSql} AND ${visible.where}) ${alias} ON TRUE`,
      params: visible.params,
      read: (row) =>
        row[idKey] === null || row[idKey] === undefined ? null : visibleSurvivorAt(manager, row, prefix),
    };
  }

  /**
   * The columns of a visible record and its live grants (as JSON) under `prefix`, and the policy's
   * WHERE on `s`, both at `now`.
   */
  private visibleWithGrantsSql(scope: AccessScope, now: Date, prefix: string) {
    const access = accessWhere(scope.ability, 'read', 'Survivor', survivorSqlMap('s'));
    return {
      sql: `${entityColumns(this.dataSource.manager, SurvivorEntity, 's', prefix)},
        (SELECT coalesce(json_agg(json_build_object('agencyId', g.agency_id, 'purposes', g.purposes,
                  'classes', g.data_classes, 'basis', g.basis, 'userId', g.user_id)), '[]'::json)
           FROM consent_grant g WHERE g.survivor_id = s.id AND ${liveGrantSql('g')}) AS "${prefix}liveGrants"`,
      where: access.sql,
      params: { ...access.params, now },
    };
  }

  /** Served by survivor_owner_created_idx / survivor_created_idx and the live-grant indexes. */
  listVisible(
    scope: AccessScope,
    filter: SurvivorFilter,
    args: PageArgs,
    now: Date,
  ): Promise<Connection<SurvivorEntity>> {
    const query = this.visible(scope, now);
    if (filter.ownedBy) query.andWhere('s.owner_agency_id = :ownedBy', { ownedBy: filter.ownedBy });
    if (filter.reference) query.andWhere('s.reference = :reference', { reference: filter.reference });
    if (filter.minor !== undefined) {
      const minor = survivorSqlMap('s').fields.minor.sql;
      query.andWhere(filter.minor ? minor : `NOT ${minor}`);
    }
    return NEWEST_FIRST.fetch(query, args);
  }

  /** The grants live at `now` for these survivors, in one query (what the in-memory policy checks). */
  async liveGrants(
    survivorIds: readonly string[],
    now: Date,
    tx: Tx = this.dataSource.manager,
  ): Promise<Map<string, LiveGrant[]>> {
    const grants = await liveGrantsOf(tx, 'survivorId', survivorIds, now);
    return new Map([...grants].map(([id, rows]) => [id, rows.map(liveGrantRecord)]));
  }

  /** A record of the owner agency by id, for the answer to a retried create. */
  findOwned(ownerAgencyId: string, id: string): Promise<SurvivorEntity | null> {
    return this.dataSource.getRepository(SurvivorEntity).findOneBy({ id, ownerAgencyId });
  }

  /** Inserts a record; the columns not given take the migration's defaults. One statement. */
  async insert(tx: Tx, record: NewSurvivor, data: Partial<SurvivorPersonalData>): Promise<SurvivorEntity> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(SurvivorEntity)
      .values({ ...record, ...data })
      .returning('*')
      .execute();
    const [survivor] = returnedEntities(tx, SurvivorEntity, inserted.raw);
    return survivor;
  }

  /** Optimistic concurrency: changes only the version the client saw; null when it is stale. */
  async update(
    tx: Tx,
    id: string,
    expectedVersion: number,
    changes: SurvivorChanges,
  ): Promise<SurvivorEntity | null> {
    // Undefined values are left out of the SET by TypeORM: only the given fields change.
    const updated = await tx
      .createQueryBuilder()
      .update(SurvivorEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .returning('*')
      .execute();
    return updated.affected === 1 ? returnedEntities(tx, SurvivorEntity, updated.raw)[0] : null;
  }

  /** Records the caller may see: the policy's read rules as the WHERE (rules → SQL, live grants at `now`). */
  private visible(scope: AccessScope, now: Date, tx: Tx = this.dataSource.manager) {
    const access = accessWhere(scope.ability, 'read', 'Survivor', survivorSqlMap('s'));
    return tx
      .getRepository(SurvivorEntity)
      .createQueryBuilder('s')
      .where(access.sql, { ...access.params, now });
  }
}

function visibleSurvivorAt(manager: Tx, row: Record<string, unknown>, prefix: string): VisibleSurvivor {
  return {
    entity: entityAt(manager, SurvivorEntity, row, prefix) as SurvivorEntity,
    grants: row[`${prefix}liveGrants`] as LiveGrant[],
  };
}
