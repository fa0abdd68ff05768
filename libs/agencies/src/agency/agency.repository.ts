import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccessScope } from '@hub/access';
import { accessWhere, SqlSubjectMap } from '@hub/authz';
import { allOf, entityColumns, entityReader, JoinedPart, namedQuery, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { AgencyEntity } from './agency.entity';

/** Agencies page by name, then id (agency_name_id_idx, agency_type_name_id_idx). */
const BY_NAME = new Keyset(
  [
    { sql: 'agency.name', kind: 'text' },
    { sql: 'agency.id', kind: 'uuid' },
  ],
  'ASC',
);

/** The policy's Agency fields as SQL on `agency` (its field rule on the address reads these). */
const AGENCY_SQL: SqlSubjectMap = {
  fields: {
    id: { sql: 'agency.id', kind: 'scalar' },
    confidentialLocation: { sql: 'agency.confidential_location', kind: 'scalar' },
  },
};

export interface DirectoryFilter {
  need?: string;
  language?: string;
  areaKey?: string;
  acceptingOnly?: boolean;
}

export type AgencyChanges = Partial<
  Pick<
    AgencyEntity,
    | 'name'
    | 'type'
    | 'jurisdiction'
    | 'description'
    | 'services'
    | 'languages'
    | 'serviceAreas'
    | 'serviceAreaKeys'
    | 'hours'
    | 'intakePhone'
    | 'intakeEmail'
    | 'website'
    | 'notificationLanguage'
    | 'addressStreet'
    | 'addressCity'
    | 'addressRegion'
    | 'addressPostalCode'
    | 'acceptingReferrals'
    | 'confidentialLocation'
  >
>;

/** A new agency: its registration; the directory profile starts empty and not accepting referrals. */
export type NewAgency = Pick<
  AgencyEntity,
  | 'name'
  | 'type'
  | 'jurisdiction'
  | 'description'
  | 'intakePhone'
  | 'intakeEmail'
  | 'website'
  | 'confidentialLocation'
>;

/**
 * Every query on agencies. Agencies are public records (the directory), so there is no row
 * filter by caller; field-level disclosure (confidential addresses) is the service's job.
 */
@Injectable()
export class AgencyRepository {
  private readonly agencies: Repository<AgencyEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.agencies = dataSource.getRepository(AgencyEntity);
  }

  findById(id: string): Promise<AgencyEntity | null> {
    return this.agencies.findOneBy({ id });
  }

  /**
   * The agency `idSql` names, joined into another domain's page query (agencies are public
   * records): the `columns` given (the id among them), or every one.
   */
  joinById(idSql: string, alias: string, columns?: ReadonlySet<string>): JoinedPart<AgencyEntity | null> {
    const manager = this.dataSource.manager;
    const prefix = `${alias}.`;
    const read = entityReader(manager, AgencyEntity, prefix, columns);
    return {
      sql: entityColumns(manager, AgencyEntity, alias, prefix, columns),
      join: `LEFT JOIN agency ${alias} ON ${alias}.id = ${idSql}`,
      params: {},
      // The columns not read are absent: only a model made for these columns reads the row.
      read: (row) => read(row) as AgencyEntity | null,
    };
  }

  async findByIds(ids: readonly string[]): Promise<AgencyEntity[]> {
    if (ids.length === 0) return [];
    return this.agencies
      .createQueryBuilder('agency')
      .where('agency.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  /** Served by agency_type_name_id_idx / agency_name_id_idx. */
  list(filter: { type?: string }, page: PageArgs): Promise<Connection<AgencyEntity>> {
    const query = this.agencies.createQueryBuilder('agency');
    if (filter.type) query.andWhere('agency.type = :type', { type: filter.type });
    return BY_NAME.fetch(query, page);
  }

  /**
   * Served by the GIN indexes on services, languages and service_area_keys; agencies on the hub
   * only. One statement, rows read raw in the entity's shape, each with whether the caller may see
   * its address (the policy's field rule as SQL: a confidential location stays withheld), so the
   * page needs no per-row work beyond its model.
   */
  async searchDirectory(
    scope: AccessScope,
    filter: DirectoryFilter,
    args: PageArgs,
  ): Promise<Connection<AgencyEntity & { addressVisible: boolean }>> {
    const manager = this.dataSource.manager;
    const page = BY_NAME.page(args);
    const address = accessWhere(scope.ability, 'read', 'Agency', AGENCY_SQL, 'address');
    const where = allOf(
      'agency.deactivated_at IS NULL',
      filter.need && { sql: 'agency.services @> ARRAY[CAST(:need AS text)]', params: { need: filter.need } },
      filter.language && {
        sql: 'agency.languages @> ARRAY[CAST(:language AS text)]',
        params: { language: filter.language },
      },
      filter.areaKey && {
        sql: 'agency.service_area_keys @> ARRAY[CAST(:area AS text)]',
        params: { area: filter.areaKey },
      },
      filter.acceptingOnly && 'agency.accepting_referrals',
      page.after,
    );
    const rows = await namedQuery<AgencyEntity & { addressVisible: boolean } & Record<string, unknown>>(
      manager,
      `SELECT ${entityColumns(manager, AgencyEntity, 'agency')}, ${address.sql} AS "addressVisible", ${page.select}
         FROM agency agency WHERE ${where.sql} ORDER BY ${page.orderBy} LIMIT :limit`,
      { ...where.params, ...address.params, limit: page.limit },
    );
    return BY_NAME.connection(rows, page, (row) => row);
  }

  async insert(tx: Tx, id: string, agency: NewAgency): Promise<AgencyEntity> {
    await tx
      .getRepository(AgencyEntity)
      .insert({ ...agency, id, acceptingReferrals: false, version: 1, services: [], languages: [] });
    return tx.getRepository(AgencyEntity).findOneByOrFail({ id });
  }

  /**
   * Takes the agency off the hub (it stops accepting referrals too), from the version the client
   * saw and only while it is active; null when either no longer holds.
   */
  async deactivate(
    tx: Tx,
    id: string,
    expectedVersion: number,
    deactivation: { at: Date; by: string; reason: string },
  ): Promise<AgencyEntity | null> {
    const result = await tx
      .getRepository(AgencyEntity)
      .createQueryBuilder()
      .update(AgencyEntity)
      .set({
        deactivatedAt: deactivation.at,
        deactivatedBy: deactivation.by,
        deactivationReason: deactivation.reason,
        acceptingReferrals: false,
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .where('id = :id AND version = :expectedVersion AND deactivated_at IS NULL', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) return null;
    return tx.getRepository(AgencyEntity).findOneBy({ id });
  }

  /**
   * Optimistic concurrency: the row changes only if it still has the version the client saw.
   * Returns null when it did not (someone else changed it, or it is gone).
   */
  async update(
    tx: Tx,
    id: string,
    expectedVersion: number,
    changes: AgencyChanges,
  ): Promise<AgencyEntity | null> {
    const result = await tx
      .getRepository(AgencyEntity)
      .createQueryBuilder()
      .update(AgencyEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .returning('*')
      .execute();
    if (result.affected !== 1) return null;
    return tx.getRepository(AgencyEntity).findOneBy({ id });
  }
}
