import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { entityAt, entityColumns, JoinedPart, Tx } from '@hub/database';
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

  /** The agency `idSql` names, joined into another domain's page query (agencies are public records). */
  joinById(idSql: string, alias: string): JoinedPart<AgencyEntity | null> {
    const manager = this.dataSource.manager;
    const prefix = `${alias}.`;
    return {
      sql: entityColumns(manager, AgencyEntity, alias, prefix),
      join: `LEFT JOIN agency ${alias} ON ${alias}.id = ${idSql}`,
      params: {},
      read: (row) => entityAt(manager, AgencyEntity, row, prefix),
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

  /** Served by the GIN indexes on services, languages and service_area_keys; agencies on the hub only. */
  searchDirectory(filter: DirectoryFilter, page: PageArgs): Promise<Connection<AgencyEntity>> {
    const query = this.agencies.createQueryBuilder('agency').where('agency.deactivated_at IS NULL');
    if (filter.need) query.andWhere('agency.services @> ARRAY[:need]::text[]', { need: filter.need });
    if (filter.language)
      query.andWhere('agency.languages @> ARRAY[:language]::text[]', { language: filter.language });
    if (filter.areaKey)
      query.andWhere('agency.service_area_keys @> ARRAY[:area]::text[]', { area: filter.areaKey });
    if (filter.acceptingOnly) query.andWhere('agency.accepting_referrals');
    return BY_NAME.fetch(query, page);
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
