import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessWhere } from '@hub/authz';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { AccessScope } from '@hub/access';
import { allOf, namedQuery, Tx } from '@hub/database';
import { UUID_PATTERN } from '@hub/graphql';
import { NeedData, SafeContactData, SurvivorEntity, SurvivorPersonalData } from './survivor.entity';
import { liveGrantSql, LiveGrant, survivorSqlMap } from './survivor-access';

const COLUMNS = `s.id, s.reference, s.owner_agency_id, s.minor, s.given_name, s.family_name,
  s.aliases, to_char(s.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, s.gender, s.phone, s.email, s.address,
  s.safe_contact, s.needs, s.preferred_language, s.interpreter_needed, s.situation_summary, s.case_notes,
  s.immigration_status, s.immigration_documents, s.medical_notes, s.mental_health_notes, s.substance_use_notes,
  s.created_by, s.version, s.created_at, s.updated_at`;

type Row = Record<string, unknown>;

function toEntity(row: Row): SurvivorEntity {
  return {
    id: row.id as string,
    reference: row.reference as string,
    ownerAgencyId: row.owner_agency_id as string,
    minor: row.minor as boolean,
    givenName: row.given_name as string | null,
    familyName: row.family_name as string | null,
    aliases: (row.aliases as string[] | null) ?? [],
    dateOfBirth: row.date_of_birth as string | null,
    gender: row.gender as string | null,
    phone: row.phone as string | null,
    email: row.email as string | null,
    address: row.address as string | null,
    safeContact: row.safe_contact as SafeContactData | null,
    needs: (row.needs as NeedData[] | null) ?? [],
    preferredLanguage: row.preferred_language as string | null,
    interpreterNeeded: row.interpreter_needed as boolean | null,
    situationSummary: row.situation_summary as string | null,
    caseNotes: row.case_notes as string | null,
    immigrationStatus: row.immigration_status as string | null,
    immigrationDocuments: row.immigration_documents as string | null,
    medicalNotes: row.medical_notes as string | null,
    mentalHealthNotes: row.mental_health_notes as string | null,
    substanceUseNotes: row.substance_use_notes as string | null,
    createdBy: row.created_by as string,
    version: row.version as number,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
  };
}

const PERSONAL_COLUMNS: Record<keyof SurvivorPersonalData, string> = {
  givenName: 'given_name',
  familyName: 'family_name',
  aliases: 'aliases',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  phone: 'phone',
  email: 'email',
  address: 'address',
  safeContact: 'safe_contact',
  needs: 'needs',
  preferredLanguage: 'preferred_language',
  interpreterNeeded: 'interpreter_needed',
  situationSummary: 'situation_summary',
  caseNotes: 'case_notes',
  immigrationStatus: 'immigration_status',
  immigrationDocuments: 'immigration_documents',
  medicalNotes: 'medical_notes',
  mentalHealthNotes: 'mental_health_notes',
  substanceUseNotes: 'substance_use_notes',
};
const JSON_COLUMNS = new Set(['safe_contact', 'needs']);

export interface SurvivorFilter {
  ownedBy?: string;
  minor?: boolean;
  reference?: string;
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
 * Every query on survivors. Reads take the caller's access scope and apply the policy's rules
 * as SQL (rules → WHERE, joined to live grants at `now`), so a record the caller may not see is
 * never fetched, and paging counts only visible records.
 */
@Injectable()
export class SurvivorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findVisible(
    scope: AccessScope,
    id: string,
    now: Date,
    tx: Tx = this.dataSource.manager,
  ): Promise<SurvivorEntity | null> {
    const access = accessWhere(scope.ability, 'read', 'Survivor', survivorSqlMap('s', now));
    const rows = await namedQuery<Row>(
      tx,
      `SELECT ${COLUMNS} FROM survivor s WHERE s.id = :id AND ${access.sql}`,
      {
        id,
        ...access.params,
      },
    );
    return rows.length ? toEntity(rows[0]) : null;
  }

  /**
   * The owning agency of a record, whoever asks: only to name it on the audit row of a refusal
   * answered as NOT_FOUND (auditors' eyes only), never returned to a client.
   */
  async ownerOf(id: string): Promise<string | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const rows: { owner_agency_id: string }[] = await this.dataSource.query(
      `SELECT owner_agency_id FROM survivor WHERE id = $1`,
      [id],
    );
    return rows[0]?.owner_agency_id ?? null;
  }

  /** Several records by id in one query, each only if the caller may see it. */
  async findVisibleMany(scope: AccessScope, ids: readonly string[], now: Date): Promise<SurvivorEntity[]> {
    if (ids.length === 0) return [];
    const access = accessWhere(scope.ability, 'read', 'Survivor', survivorSqlMap('s', now));
    const rows = await namedQuery<Row>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM survivor s WHERE s.id = ANY(CAST(:ids AS uuid[])) AND ${access.sql}`,
      { ids: [...ids], ...access.params },
    );
    return rows.map(toEntity);
  }

  /** Served by survivor_owner_created_idx / survivor_created_idx and the live-grant indexes. */
  async listVisible(
    scope: AccessScope,
    filter: SurvivorFilter,
    args: PageArgs,
    now: Date,
  ): Promise<Connection<SurvivorEntity>> {
    const page = NEWEST_FIRST.page(args);
    const minor = survivorSqlMap('s', now).fields.minor.sql;
    const where = allOf(
      filter.ownedBy && { sql: 's.owner_agency_id = :ownedBy', params: { ownedBy: filter.ownedBy } },
      filter.reference && { sql: 's.reference = :reference', params: { reference: filter.reference } },
      filter.minor !== undefined && (filter.minor ? minor : `NOT ${minor}`),
      page.after,
      accessWhere(scope.ability, 'read', 'Survivor', survivorSqlMap('s', now)),
    );
    const rows = await namedQuery<Row>(
      this.dataSource.manager,
      `SELECT ${COLUMNS}, ${page.select} FROM survivor s WHERE ${where.sql} ORDER BY ${page.orderBy} LIMIT :limit`,
      { ...where.params, limit: page.limit },
    );
    return NEWEST_FIRST.connection(rows, page, toEntity);
  }

  /** The grants live at `now` for these survivors, in one query (what the in-memory policy checks). */
  async liveGrants(
    survivorIds: readonly string[],
    now: Date,
    tx: Tx = this.dataSource.manager,
  ): Promise<Map<string, LiveGrant[]>> {
    const result = new Map<string, LiveGrant[]>(survivorIds.map((id) => [id, []]));
    if (survivorIds.length === 0) return result;
    const rows: {
      survivor_id: string;
      agency_id: string;
      purposes: string[];
      data_classes: string[];
      basis: LiveGrant['basis'];
      user_id: string | null;
    }[] = await tx.query(
      `SELECT g.survivor_id, g.agency_id, g.purposes, g.data_classes, g.basis, g.user_id FROM consent_grant g
        WHERE g.survivor_id = ANY($1::uuid[]) AND ${liveGrantSql('g', now)}`,
      [[...survivorIds]],
    );
    for (const row of rows) {
      result.get(row.survivor_id)?.push({
        agencyId: row.agency_id,
        purposes: row.purposes,
        classes: row.data_classes,
        basis: row.basis,
        userId: row.user_id,
      });
    }
    return result;
  }

  /** A record of the owner agency by id, for the answer to a retried create. */
  async findOwned(ownerAgencyId: string, id: string): Promise<SurvivorEntity | null> {
    const rows = await namedQuery<Row>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM survivor s WHERE s.id = :id AND s.owner_agency_id = :ownerAgencyId`,
      { id, ownerAgencyId },
    );
    return rows.length ? toEntity(rows[0]) : null;
  }

  /** Inserts a record with the id its create chose (CreateOnce keys it). */
  async insert(
    tx: Tx,
    record: {
      id: string;
      reference: string;
      ownerAgencyId: string;
      minor: boolean;
      createdBy: string;
    },
    data: Partial<SurvivorPersonalData>,
  ): Promise<SurvivorEntity> {
    const columns = ['id', 'reference', 'owner_agency_id', 'minor', 'created_by'];
    const values: unknown[] = [
      record.id,
      record.reference,
      record.ownerAgencyId,
      record.minor,
      record.createdBy,
    ];
    for (const [field, value] of Object.entries(data)) {
      const column = PERSONAL_COLUMNS[field as keyof SurvivorPersonalData];
      if (!column || value === undefined) continue;
      columns.push(column);
      values.push(JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value);
    }
    // Columns come from the fixed map above, never from input; values are bound by name.
    const rows = await namedQuery<Row>(
      tx,
      `INSERT INTO survivor AS s (${columns.join(', ')}) VALUES (${columns.map((_, i) => `:v${i}`).join(', ')})
       RETURNING ${COLUMNS}`,
      Object.fromEntries(values.map((value, i) => [`v${i}`, value])),
    );
    return toEntity(rows[0]);
  }

  /** Optimistic concurrency: changes only the version the client saw; null when it is stale. */
  async update(
    tx: Tx,
    id: string,
    expectedVersion: number,
    changes: Partial<SurvivorPersonalData> & { minor?: boolean },
  ): Promise<SurvivorEntity | null> {
    const sets: string[] = [];
    const values: unknown[] = [id, expectedVersion];
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const column = field === 'minor' ? 'minor' : PERSONAL_COLUMNS[field as keyof SurvivorPersonalData];
      if (!column) continue;
      values.push(JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value);
      sets.push(`${column} = $${values.length}`);
    }
    // For UPDATE, TypeORM's query() answers [rows, rowCount], not rows.
    const [rows, changed] = (await tx.query(
      `UPDATE survivor AS s SET ${[...sets, 'version = s.version + 1', 'updated_at = now()'].join(', ')}
        WHERE s.id = $1 AND s.version = $2 RETURNING ${COLUMNS}`,
      values,
    )) as [Row[], number];
    return changed === 1 ? toEntity(rows[0]) : null;
  }
}
