import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  agencyNameSql,
  audienceAgenciesSql,
  audienceMembersSql,
  taskForceExistsSql,
  taskForceMemberSql,
} from '@hub/agencies';
import { accessWhere } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { allOf, namedQuery, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { ProtocolAcknowledgementEntity, ProtocolEntity, ProtocolVersionEntity } from './protocol.entity';
import { protocolSqlMap, protocolVersionSqlMap } from './protocol-access';

/**
 * A protocol row with the review-by date of its version in force (for "due for review") and the
 * member agencies of its task force in its audience (whose record it is, with its owner).
 */
export type ProtocolRow = ProtocolEntity & { currentReviewBy: string | null; audienceAgencyIds: string[] };
/** A version row with its protocol's task force (for the policy) and owner (whose record it is). */
export type ProtocolVersionRow = ProtocolVersionEntity & { taskForceId: string; ownerAgencyId: string };

export interface ProtocolFilter {
  taskForceId?: string;
  category?: string;
  state?: string;
  text?: string;
}

export interface VersionContent {
  title: string;
  category: string;
  audience: string[];
  body: string;
  summaryOfChanges: string | null;
  effectiveDate: string | null;
  reviewBy: string | null;
  requiresAcknowledgement: boolean;
}

export interface AcknowledgementStatusRow {
  versionId: string;
  agencyId: string;
  /** The version's task force and audience, for the policy. */
  taskForceId: string;
  audience: string[];
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

/** Text search configuration of protocol titles and bodies. */
const SEARCH_CONFIG = `'english'`;

const PROTOCOL_COLUMNS = `p.id, p.task_force_id, p.owner_agency_id, p.title, p.category, p.audience,
  p.status, p.current_version_id, p.first_published_at, p.version, p.created_by, p.created_at, p.updated_at,
  p.archived_at, p.archived_by, p.archive_reason, to_char(cv.review_by, 'YYYY-MM-DD') AS current_review_by,
  ${audienceAgenciesSql('p.task_force_id', 'p.audience')} AS audience_agency_ids`;
const PROTOCOL_FROM = `protocol p LEFT JOIN protocol_version cv ON cv.id = p.current_version_id`;

const VERSION_COLUMNS = `v.id, v.protocol_id, v.number, v.title, v.category, v.audience, v.body, v.summary_of_changes,
  to_char(v.effective_date, 'YYYY-MM-DD') AS effective_date, to_char(v.review_by, 'YYYY-MM-DD') AS review_by,
  v.requires_acknowledgement, v.state, v.created_by, v.created_at, v.updated_at, v.published_at, v.published_by,
  v.superseded_at, v.archived_at, p.task_force_id, p.owner_agency_id`;
const VERSION_FROM = `protocol_version v JOIN protocol p ON p.id = v.protocol_id`;

/** Protocols list by title (protocol_task_force_{title,category,status}_idx). */
const BY_TITLE = new Keyset(
  [
    { sql: 'p.title', kind: 'text' },
    { sql: 'p.id', kind: 'uuid' },
  ],
  'ASC',
);

/** Pending acknowledgements, oldest publication first (protocol_version_pending_idx). */
const OLDEST_PUBLISHED = new Keyset(
  [
    { sql: 'v.published_at', kind: 'timestamp' },
    { sql: 'v.id', kind: 'uuid' },
  ],
  'ASC',
);

type Row = Record<string, unknown>;

function toProtocol(row: Row): ProtocolRow {
  return {
    id: row.id as string,
    taskForceId: row.task_force_id as string,
    ownerAgencyId: row.owner_agency_id as string,
    title: row.title as string,
    category: row.category as string,
    audience: row.audience as string[],
    status: row.status as string,
    currentVersionId: (row.current_version_id as string | null) ?? null,
    firstPublishedAt: (row.first_published_at as Date | null) ?? null,
    version: row.version as number,
    createdBy: row.created_by as string,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    archivedAt: (row.archived_at as Date | null) ?? null,
    archivedBy: (row.archived_by as string | null) ?? null,
    archiveReason: (row.archive_reason as string | null) ?? null,
    currentReviewBy: (row.current_review_by as string | null) ?? null,
    audienceAgencyIds: (row.audience_agency_ids as string[] | null) ?? [],
  };
}

function toVersion(row: Row): ProtocolVersionRow {
  return {
    id: row.id as string,
    protocolId: row.protocol_id as string,
    number: row.number as number,
    title: row.title as string,
    category: row.category as string,
    audience: row.audience as string[],
    body: row.body as string,
    summaryOfChanges: (row.summary_of_changes as string | null) ?? null,
    effectiveDate: (row.effective_date as string | null) ?? null,
    reviewBy: (row.review_by as string | null) ?? null,
    requiresAcknowledgement: row.requires_acknowledgement as boolean,
    state: row.state as string,
    createdBy: row.created_by as string,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    publishedAt: (row.published_at as Date | null) ?? null,
    publishedBy: (row.published_by as string | null) ?? null,
    supersededAt: (row.superseded_at as Date | null) ?? null,
    archivedAt: (row.archived_at as Date | null) ?? null,
    taskForceId: row.task_force_id as string,
    ownerAgencyId: row.owner_agency_id as string,
  };
}

function toAcknowledgement(row: Row): ProtocolAcknowledgementEntity {
  return {
    versionId: row.version_id as string,
    agencyId: row.agency_id as string,
    protocolId: row.protocol_id as string,
    acknowledgedBy: row.acknowledged_by as string,
    acknowledgedAt: row.acknowledged_at as Date,
  };
}

const CONTENT_PARAMS = (content: VersionContent) => ({
  title: content.title,
  category: content.category,
  audience: content.audience,
  body: content.body,
  summaryOfChanges: content.summaryOfChanges,
  effectiveDate: content.effectiveDate,
  reviewBy: content.reviewBy,
  requiresAcknowledgement: content.requiresAcknowledgement,
});

/**
 * Every query on protocols, their versions and acknowledgements: named parameters (`namedQuery`),
 * the policy's rules as SQL (`accessWhere`) in every read for a caller, `Keyset` for the lists, and
 * the agencies domain's exported scope (`@hub/agencies`) for task-force membership and audiences.
 * The status, version and updated_at of a protocol change only through the workflow kernel.
 */
@Injectable()
export class ProtocolRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // --- reads for a caller ------------------------------------------------------------------

  /** Served by protocol_task_force_{title,category,status}_idx, or protocol_search_idx for words. */
  async listVisible(
    scope: AccessScope,
    filter: ProtocolFilter,
    args: PageArgs,
  ): Promise<Connection<ProtocolRow>> {
    const page = BY_TITLE.page(args);
    const where = allOf(
      filter.taskForceId && {
        sql: 'p.task_force_id = :taskForceId',
        params: { taskForceId: filter.taskForceId },
      },
      filter.category && { sql: 'p.category = :category', params: { category: filter.category } },
      filter.state && { sql: 'p.status = :status', params: { status: filter.state } },
      filter.text && {
        sql: `p.search @@ websearch_to_tsquery(${SEARCH_CONFIG}, :words)`,
        params: { words: filter.text }, // not :text, which would also match the casts `::text`
      },
      page.after,
      accessWhere(scope.ability, 'read', 'Protocol', protocolSqlMap('p')),
    );
    const rows = await namedQuery(
      this.dataSource.manager,
      `SELECT ${PROTOCOL_COLUMNS}, ${page.select} FROM ${PROTOCOL_FROM} WHERE ${where.sql}
        ORDER BY ${page.orderBy} LIMIT :limit`,
      { ...where.params, limit: page.limit },
    );
    return BY_TITLE.connection(rows, page, toProtocol);
  }

  /** The protocols among `ids` the caller may see (any order). */
  async findVisible(scope: AccessScope, ids: readonly string[], tx?: Tx): Promise<ProtocolRow[]> {
    if (ids.length === 0) return [];
    const where = allOf(
      { sql: 'p.id = ANY(CAST(:ids AS uuid[]))', params: { ids: [...ids] } },
      accessWhere(scope.ability, 'read', 'Protocol', protocolSqlMap('p')),
    );
    const rows = await namedQuery(
      tx ?? this.dataSource.manager,
      `SELECT ${PROTOCOL_COLUMNS} FROM ${PROTOCOL_FROM} WHERE ${where.sql}`,
      where.params,
    );
    return rows.map(toProtocol);
  }

  /** The version if the caller may see it. */
  async findVersionVisible(scope: AccessScope, id: string): Promise<ProtocolVersionRow | null> {
    const where = allOf(
      { sql: 'v.id = :id', params: { id } },
      accessWhere(scope.ability, 'read', 'ProtocolVersion', protocolVersionSqlMap('v', 'p')),
    );
    const rows = await namedQuery(
      this.dataSource.manager,
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE ${where.sql}`,
      where.params,
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  /** The versions of these protocols the caller may see, newest first (protocol_version's (protocol_id, number) key). */
  async versionsVisible(scope: AccessScope, protocolIds: readonly string[]): Promise<ProtocolVersionRow[]> {
    if (protocolIds.length === 0) return [];
    const where = allOf(
      { sql: 'v.protocol_id = ANY(CAST(:protocolIds AS uuid[]))', params: { protocolIds: [...protocolIds] } },
      accessWhere(scope.ability, 'read', 'ProtocolVersion', protocolVersionSqlMap('v', 'p')),
    );
    const rows = await namedQuery(
      this.dataSource.manager,
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE ${where.sql} ORDER BY v.protocol_id, v.number DESC`,
      where.params,
    );
    return rows.map(toVersion);
  }

  /**
   * Current versions asking for an acknowledgement that the agency has not given, among those
   * the caller may see and whose audience includes the agency's type, oldest first. Served by
   * protocol_version_pending_idx and the acknowledgement's primary key.
   */
  async pendingFor(
    scope: AccessScope,
    agency: { id: string; type: string; taskForceIds: readonly string[] },
    args: PageArgs,
  ): Promise<Connection<ProtocolVersionRow>> {
    const page = OLDEST_PUBLISHED.page(args);
    const where = allOf(
      `v.state = 'PUBLISHED'`,
      `v.requires_acknowledgement`,
      {
        sql: 'p.task_force_id = ANY(CAST(:taskForceIds AS uuid[]))',
        params: { taskForceIds: [...agency.taskForceIds] },
      },
      { sql: 'v.audience @> ARRAY[CAST(:agencyType AS text)]', params: { agencyType: agency.type } },
      {
        sql: `NOT EXISTS (SELECT 1 FROM protocol_acknowledgement a WHERE a.version_id = v.id AND a.agency_id = :agencyId)`,
        params: { agencyId: agency.id },
      },
      page.after,
      accessWhere(scope.ability, 'read', 'ProtocolVersion', protocolVersionSqlMap('v', 'p')),
    );
    const rows = await namedQuery(
      this.dataSource.manager,
      `SELECT ${VERSION_COLUMNS}, ${page.select} FROM ${VERSION_FROM} WHERE ${where.sql}
        ORDER BY ${page.orderBy} LIMIT :limit`,
      { ...where.params, limit: page.limit },
    );
    return OLDEST_PUBLISHED.connection(rows, page, toVersion);
  }

  /**
   * Per published version: every member agency of the task force whose type is in the version's
   * audience, and every agency that acknowledged it (even one that left since), with the
   * acknowledgement if there is one, by agency name. The caller filters by the policy.
   */
  async acknowledgementStatuses(versionIds: readonly string[]): Promise<AcknowledgementStatusRow[]> {
    if (versionIds.length === 0) return [];
    const rows = await namedQuery(
      this.dataSource.manager,
      `WITH versions AS (
         SELECT v.id, v.audience, p.task_force_id FROM ${VERSION_FROM}
          WHERE v.id = ANY(CAST(:versionIds AS uuid[])) AND v.published_at IS NOT NULL
       ), expected AS (
         SELECT vs.id AS version_id, members.agency_id
           FROM versions vs CROSS JOIN LATERAL (${audienceMembersSql('vs.task_force_id', 'vs.audience')}) members
         UNION
         SELECT a.version_id, a.agency_id FROM protocol_acknowledgement a WHERE a.version_id IN (SELECT id FROM versions)
       )
       SELECT e.version_id, e.agency_id, vs.task_force_id, vs.audience, ack.acknowledged_at, ack.acknowledged_by
         FROM expected e
         JOIN versions vs ON vs.id = e.version_id
         LEFT JOIN protocol_acknowledgement ack ON ack.version_id = e.version_id AND ack.agency_id = e.agency_id
        ORDER BY e.version_id, ${agencyNameSql('e.agency_id')}, e.agency_id`,
      { versionIds: [...versionIds] },
    );
    return rows.map((row) => ({
      versionId: row.version_id as string,
      agencyId: row.agency_id as string,
      taskForceId: row.task_force_id as string,
      audience: row.audience as string[],
      acknowledgedAt: (row.acknowledged_at as Date | null) ?? null,
      acknowledgedBy: (row.acknowledged_by as string | null) ?? null,
    }));
  }

  // --- reads for changes (the caller passed the kernel's guard first) -----------------------

  async taskForceExists(taskForceId: string): Promise<boolean> {
    const [row] = await namedQuery<{ found: boolean }>(
      this.dataSource.manager,
      `SELECT ${taskForceExistsSql(':taskForceId')} AS found`,
      { taskForceId },
    );
    return row.found;
  }

  async isMember(taskForceId: string, agencyId: string): Promise<boolean> {
    const [row] = await namedQuery<{ found: boolean }>(
      this.dataSource.manager,
      `SELECT ${taskForceMemberSql(':taskForceId', ':agencyId')} AS found`,
      { taskForceId, agencyId },
    );
    return row.found;
  }

  /** Member agencies of the task force whose agency type is in the audience. */
  async audienceAgencies(taskForceId: string, audience: readonly string[]): Promise<string[]> {
    const [row] = await namedQuery<{ ids: string[] }>(
      this.dataSource.manager,
      `SELECT ${audienceAgenciesSql(':taskForceId', 'CAST(:audience AS text[])')} AS ids`,
      { taskForceId, audience: [...audience] },
    );
    return row.ids;
  }

  async findVersion(id: string, tx: Tx = this.dataSource.manager): Promise<ProtocolVersionRow | null> {
    const rows = await namedQuery(tx, `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.id = :id`, {
      id,
    });
    return rows.length ? toVersion(rows[0]) : null;
  }

  /** The draft of a protocol, if it has one. */
  async draftOf(protocolId: string): Promise<ProtocolVersionRow | null> {
    const rows = await namedQuery(
      this.dataSource.manager,
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.protocol_id = :protocolId AND v.state = 'DRAFT'`,
      { protocolId },
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  /** The newest version of a protocol, whatever its state. */
  async latestOf(protocolId: string): Promise<ProtocolVersionRow | null> {
    const rows = await namedQuery(
      this.dataSource.manager,
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.protocol_id = :protocolId
        ORDER BY v.number DESC LIMIT 1`,
      { protocolId },
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  // --- writes, all inside the caller's transaction -----------------------------------------

  /** A new protocol (id given: createOnce chose it) with its headline from its first draft. */
  async insertProtocol(
    tx: Tx,
    id: string,
    protocol: { taskForceId: string; ownerAgencyId: string; createdBy: string },
    content: VersionContent,
  ): Promise<void> {
    await namedQuery(
      tx,
      `INSERT INTO protocol (id, task_force_id, owner_agency_id, title, category, audience, created_by, search)
       VALUES (:id, :taskForceId, :ownerAgencyId, :title, :category, :audience, :createdBy,
               setweight(to_tsvector(${SEARCH_CONFIG}, :title), 'A') || setweight(to_tsvector(${SEARCH_CONFIG}, :body), 'B'))`,
      {
        id,
        ...protocol,
        title: content.title,
        category: content.category,
        audience: content.audience,
        body: content.body,
      },
    );
  }

  async insertVersion(
    tx: Tx,
    protocolId: string,
    number: number,
    content: VersionContent,
    createdBy: string,
  ): Promise<string> {
    const [row] = await namedQuery<{ id: string }>(
      tx,
      `INSERT INTO protocol_version (protocol_id, number, title, category, audience, body, summary_of_changes,
         effective_date, review_by, requires_acknowledgement, created_by)
       VALUES (:protocolId, :number, :title, :category, :audience, :body, :summaryOfChanges,
         :effectiveDate, :reviewBy, :requiresAcknowledgement, :createdBy) RETURNING id`,
      { protocolId, number, createdBy, ...CONTENT_PARAMS(content) },
    );
    return row.id;
  }

  /** Rewrites a draft; false when it is no longer a draft. */
  async updateDraft(tx: Tx, versionId: string, content: VersionContent): Promise<boolean> {
    const rows = await namedQuery(
      tx,
      `UPDATE protocol_version SET title = :title, category = :category, audience = :audience, body = :body,
         summary_of_changes = :summaryOfChanges, effective_date = :effectiveDate, review_by = :reviewBy,
         requires_acknowledgement = :requiresAcknowledgement, updated_at = now()
        WHERE id = :versionId AND state = 'DRAFT' RETURNING id`,
      { versionId, ...CONTENT_PARAMS(content) },
    );
    return returned(rows).length === 1;
  }

  /** The protocol's headline (title, category, audience, search words) becomes that of one of its versions. */
  async copyHeadline(tx: Tx, protocolId: string, versionId: string): Promise<void> {
    await namedQuery(
      tx,
      `UPDATE protocol p SET title = v.title, category = v.category, audience = v.audience,
         search = setweight(to_tsvector(${SEARCH_CONFIG}, v.title), 'A') || setweight(to_tsvector(${SEARCH_CONFIG}, v.body), 'B')
         FROM protocol_version v
        WHERE p.id = :protocolId AND v.id = :versionId AND v.protocol_id = p.id`,
      { protocolId, versionId },
    );
  }

  /** The version in force becomes SUPERSEDED; returns its id, if there was one. */
  async supersedeCurrent(tx: Tx, protocolId: string): Promise<string | null> {
    const rows = returned<{ id: string }>(
      await namedQuery(
        tx,
        `UPDATE protocol_version SET state = 'SUPERSEDED', superseded_at = now()
          WHERE protocol_id = :protocolId AND state = 'PUBLISHED' RETURNING id`,
        { protocolId },
      ),
    );
    return rows.length ? rows[0].id : null;
  }

  /** The draft comes into force; false if it was no draft. */
  async publishVersion(
    tx: Tx,
    versionId: string,
    effectiveDate: string,
    publishedBy: string,
  ): Promise<boolean> {
    const rows = await namedQuery(
      tx,
      `UPDATE protocol_version SET state = 'PUBLISHED', published_at = now(), published_by = :publishedBy,
         effective_date = :effectiveDate, updated_at = now()
        WHERE id = :versionId AND state = 'DRAFT' RETURNING id`,
      { versionId, publishedBy, effectiveDate },
    );
    return returned(rows).length === 1;
  }

  /** The protocol's draft and version in force become ARCHIVED; returns them with the state each left. */
  async archiveVersions(tx: Tx, protocolId: string): Promise<{ id: string; from: string }[]> {
    const rows = await namedQuery<{ id: string; from_state: string }>(
      tx,
      `WITH before AS (
         SELECT id, state FROM protocol_version
          WHERE protocol_id = :protocolId AND state IN ('DRAFT', 'PUBLISHED') FOR NO KEY UPDATE
       )
       UPDATE protocol_version v SET state = 'ARCHIVED', archived_at = now()
         FROM before WHERE v.id = before.id
       RETURNING v.id, before.state AS from_state`,
      { protocolId },
    );
    return returned<{ id: string; from_state: string }>(rows)
      .map((row) => ({ id: row.id, from: row.from_state }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The version's state, with a share lock so that it cannot be superseded until the transaction ends. */
  async lockVersionState(tx: Tx, versionId: string): Promise<string | null> {
    const rows = await namedQuery<{ state: string }>(
      tx,
      `SELECT state FROM protocol_version WHERE id = :versionId FOR SHARE`,
      { versionId },
    );
    return rows.length ? rows[0].state : null;
  }

  /** Records the acknowledgement; null when the agency had already acknowledged the version. */
  async insertAcknowledgement(
    tx: Tx,
    acknowledgement: { versionId: string; protocolId: string; agencyId: string; acknowledgedBy: string },
  ): Promise<ProtocolAcknowledgementEntity | null> {
    const rows = await namedQuery(
      tx,
      `INSERT INTO protocol_acknowledgement (version_id, protocol_id, agency_id, acknowledged_by)
       VALUES (:versionId, :protocolId, :agencyId, :acknowledgedBy) ON CONFLICT (version_id, agency_id) DO NOTHING
       RETURNING version_id, protocol_id, agency_id, acknowledged_by, acknowledged_at`,
      { ...acknowledgement },
    );
    return rows.length ? toAcknowledgement(rows[0]) : null;
  }

  async findAcknowledgement(
    tx: Tx,
    versionId: string,
    agencyId: string,
  ): Promise<ProtocolAcknowledgementEntity | null> {
    const rows = await namedQuery(
      tx,
      `SELECT version_id, protocol_id, agency_id, acknowledged_by, acknowledged_at
         FROM protocol_acknowledgement WHERE version_id = :versionId AND agency_id = :agencyId`,
      { versionId, agencyId },
    );
    return rows.length ? toAcknowledgement(rows[0]) : null;
  }
}

/** The rows an UPDATE … RETURNING gave back: TypeORM answers an UPDATE with [rows, rowCount]. */
function returned<T = Row>(raw: unknown): T[] {
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') {
    return raw[0] as T[];
  }
  throw new Error('expected the result of an UPDATE statement');
}
