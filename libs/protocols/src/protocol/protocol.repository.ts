import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rulesToSql } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { Tx } from '@hub/database';
import { ProtocolAcknowledgementEntity, ProtocolEntity, ProtocolVersionEntity } from './protocol.entity';
import { protocolSqlMap, protocolVersionSqlMap } from './protocol-access';

/** A protocol row with the review-by date of its version in force (for "due for review"). */
export type ProtocolRow = ProtocolEntity & { currentReviewBy: string | null };
/** A version row with its protocol's task force (for the policy). */
export type ProtocolVersionRow = ProtocolVersionEntity & { taskForceId: string };

export interface ProtocolFilter {
  taskForceId?: string;
  category?: string;
  state?: string;
  text?: string;
}

export interface ProtocolPage {
  first: number;
  /** Keyset: (title, id) of the last row already seen. */
  after?: { title: string; id: string };
}

export interface VersionPage {
  first: number;
  /** Keyset: (published_at as ISO text with microseconds, id) of the last row already seen. */
  after?: { publishedAt: string; id: string };
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

const PROTOCOL_COLUMNS = `p.id, p.task_force_id, p.owner_agency_id, p.idempotency_key, p.title, p.category, p.audience,
  p.state, p.current_version_id, p.first_published_at, p.version, p.created_by, p.created_at, p.updated_at,
  p.archived_at, p.archived_by, p.archive_reason, to_char(cv.review_by, 'YYYY-MM-DD') AS current_review_by`;
const PROTOCOL_FROM = `protocol p LEFT JOIN protocol_version cv ON cv.id = p.current_version_id`;

const VERSION_COLUMNS = `v.id, v.protocol_id, v.number, v.title, v.category, v.audience, v.body, v.summary_of_changes,
  to_char(v.effective_date, 'YYYY-MM-DD') AS effective_date, to_char(v.review_by, 'YYYY-MM-DD') AS review_by,
  v.requires_acknowledgement, v.state, v.created_by, v.created_at, v.updated_at, v.published_at, v.published_by,
  v.superseded_at, v.archived_at, p.task_force_id,
  to_char(v.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS published_cursor`;
const VERSION_FROM = `protocol_version v JOIN protocol p ON p.id = v.protocol_id`;

type Row = Record<string, unknown>;

function toProtocol(row: Row): ProtocolRow {
  return {
    id: row.id as string,
    taskForceId: row.task_force_id as string,
    ownerAgencyId: row.owner_agency_id as string,
    idempotencyKey: (row.idempotency_key as string | null) ?? null,
    title: row.title as string,
    category: row.category as string,
    audience: row.audience as string[],
    state: row.state as string,
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
  };
}

/** A version row; `publishedCursor` keeps published_at's microseconds for keyset paging. */
export type PagedVersionRow = ProtocolVersionRow & { publishedCursor: string | null };

function toVersion(row: Row): PagedVersionRow {
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
    publishedCursor: (row.published_cursor as string | null) ?? null,
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

/** Collects positional parameters for one statement. */
function parameters(): { values: unknown[]; param: (value: unknown) => string } {
  const values: unknown[] = [];
  return {
    values,
    param: (value) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** The rows an UPDATE … RETURNING gave back: TypeORM answers an UPDATE with [rows, rowCount]. */
async function updated<T = Row>(result: Promise<unknown>): Promise<T[]> {
  const raw = await result;
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') {
    return raw[0] as T[];
  }
  throw new Error('expected the result of an UPDATE statement');
}

/**
 * Every query on protocols, their versions and acknowledgements. Reads for a caller take the
 * access scope and apply the policy's rules as SQL (rules → WHERE through `rulesToSql`), so a
 * protocol the caller may not see is never fetched and pages count only visible rows. The
 * unscoped `find*` reads serve mutations, which check the same policy in memory first.
 */
@Injectable()
export class ProtocolRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // --- reads for a caller ------------------------------------------------------------------

  /** Served by protocol_task_force_{title,category,state}_idx, or protocol_search_idx for words. */
  async listVisible(scope: AccessScope, filter: ProtocolFilter, page: ProtocolPage): Promise<ProtocolRow[]> {
    const { values, param } = parameters();
    const where: string[] = [];
    if (filter.taskForceId) where.push(`p.task_force_id = ${param(filter.taskForceId)}`);
    if (filter.category) where.push(`p.category = ${param(filter.category)}`);
    if (filter.state) where.push(`p.state = ${param(filter.state)}`);
    if (filter.text) where.push(`p.search @@ websearch_to_tsquery(${SEARCH_CONFIG}, ${param(filter.text)})`);
    if (page.after) {
      where.push(`(p.title, p.id) > (${param(page.after.title)}, ${param(page.after.id)}::uuid)`);
    }
    const access = rulesToSql(scope.ability, 'read', 'Protocol', protocolSqlMap('p'), values.length + 1);
    where.push(access.sql);
    values.push(...access.params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${PROTOCOL_COLUMNS} FROM ${PROTOCOL_FROM} WHERE ${where.join(' AND ')}
        ORDER BY p.title, p.id LIMIT ${param(page.first + 1)}`,
      values,
    );
    return rows.map(toProtocol);
  }

  /** The protocols among `ids` the caller may see (any order). */
  async findVisible(scope: AccessScope, ids: readonly string[]): Promise<ProtocolRow[]> {
    if (ids.length === 0) return [];
    const access = rulesToSql(scope.ability, 'read', 'Protocol', protocolSqlMap('p'), 2);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${PROTOCOL_COLUMNS} FROM ${PROTOCOL_FROM} WHERE p.id = ANY($1::uuid[]) AND ${access.sql}`,
      [[...ids], ...access.params],
    );
    return rows.map(toProtocol);
  }

  /** The versions of these protocols the caller may see, newest first (protocol_version's (protocol_id, number) key). */
  async versionsVisible(scope: AccessScope, protocolIds: readonly string[]): Promise<ProtocolVersionRow[]> {
    if (protocolIds.length === 0) return [];
    const access = rulesToSql(scope.ability, 'read', 'ProtocolVersion', protocolVersionSqlMap('v', 'p'), 2);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM}
        WHERE v.protocol_id = ANY($1::uuid[]) AND ${access.sql}
        ORDER BY v.protocol_id, v.number DESC`,
      [[...protocolIds], ...access.params],
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
    page: VersionPage,
  ): Promise<PagedVersionRow[]> {
    const { values, param } = parameters();
    const where = [
      `v.state = 'PUBLISHED'`,
      `v.requires_acknowledgement`,
      `p.task_force_id = ANY(${param([...agency.taskForceIds])}::uuid[])`,
      `v.audience @> ARRAY[${param(agency.type)}::text]`,
      `NOT EXISTS (SELECT 1 FROM protocol_acknowledgement a WHERE a.version_id = v.id AND a.agency_id = ${param(agency.id)})`,
    ];
    if (page.after) {
      where.push(
        `(v.published_at, v.id) > (${param(page.after.publishedAt)}::timestamptz, ${param(page.after.id)}::uuid)`,
      );
    }
    const access = rulesToSql(
      scope.ability,
      'read',
      'ProtocolVersion',
      protocolVersionSqlMap('v', 'p'),
      values.length + 1,
    );
    where.push(access.sql);
    values.push(...access.params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE ${where.join(' AND ')}
        ORDER BY v.published_at, v.id LIMIT ${param(page.first + 1)}`,
      values,
    );
    return rows.map(toVersion);
  }

  /**
   * Per published version: every member agency of the task force whose type is in the version's
   * audience, and every agency that acknowledged it (even one that left since), with the
   * acknowledgement if there is one. The caller filters by the policy.
   */
  async acknowledgementStatuses(versionIds: readonly string[]): Promise<AcknowledgementStatusRow[]> {
    if (versionIds.length === 0) return [];
    const rows: Row[] = await this.dataSource.query(
      `WITH versions AS (
         SELECT v.id, v.audience, p.task_force_id FROM ${VERSION_FROM}
          WHERE v.id = ANY($1::uuid[]) AND v.published_at IS NOT NULL
       ), expected AS (
         SELECT vs.id AS version_id, m.agency_id FROM versions vs
           JOIN task_force_membership m ON m.task_force_id = vs.task_force_id
           JOIN agency a ON a.id = m.agency_id AND a.type = ANY(vs.audience)
         UNION
         SELECT a.version_id, a.agency_id FROM protocol_acknowledgement a WHERE a.version_id IN (SELECT id FROM versions)
       )
       SELECT e.version_id, e.agency_id, vs.task_force_id, vs.audience, ack.acknowledged_at, ack.acknowledged_by
         FROM expected e
         JOIN versions vs ON vs.id = e.version_id
         JOIN agency ag ON ag.id = e.agency_id
         LEFT JOIN protocol_acknowledgement ack ON ack.version_id = e.version_id AND ack.agency_id = e.agency_id
        ORDER BY e.version_id, ag.name, e.agency_id`,
      [[...versionIds]],
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

  // --- reads for mutations (the service checks the policy in memory) -----------------------

  async findProtocol(id: string, tx: Tx = this.dataSource.manager): Promise<ProtocolRow | null> {
    const rows: Row[] = await tx.query(`SELECT ${PROTOCOL_COLUMNS} FROM ${PROTOCOL_FROM} WHERE p.id = $1`, [
      id,
    ]);
    return rows.length ? toProtocol(rows[0]) : null;
  }

  async findVersion(id: string, tx: Tx = this.dataSource.manager): Promise<ProtocolVersionRow | null> {
    const rows: Row[] = await tx.query(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.id = $1`, [
      id,
    ]);
    return rows.length ? toVersion(rows[0]) : null;
  }

  async taskForceExists(id: string): Promise<boolean> {
    const rows: Row[] = await this.dataSource.query(`SELECT 1 FROM task_force WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async isMember(taskForceId: string, agencyId: string): Promise<boolean> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT 1 FROM task_force_membership WHERE task_force_id = $1 AND agency_id = $2`,
      [taskForceId, agencyId],
    );
    return rows.length > 0;
  }

  /** Member agencies of the task force whose type is in the audience (task_force_membership's key). */
  async audienceAgencies(tx: Tx, taskForceId: string, audience: readonly string[]): Promise<string[]> {
    const rows: { agency_id: string }[] = await tx.query(
      `SELECT m.agency_id FROM task_force_membership m JOIN agency a ON a.id = m.agency_id
        WHERE m.task_force_id = $1 AND a.type = ANY($2::text[]) ORDER BY m.agency_id`,
      [taskForceId, [...audience]],
    );
    return rows.map((row) => row.agency_id);
  }

  // --- writes, all inside the caller's transaction -----------------------------------------

  async findByIdempotencyKey(tx: Tx, taskForceId: string, key: string): Promise<ProtocolRow | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${PROTOCOL_COLUMNS} FROM ${PROTOCOL_FROM} WHERE p.task_force_id = $1 AND p.idempotency_key = $2`,
      [taskForceId, key],
    );
    return rows.length ? toProtocol(rows[0]) : null;
  }

  /**
   * A new protocol with its first draft. Returns null when the idempotency key was already used
   * in this task force (a retried create), having written nothing.
   */
  async insertWithDraft(
    tx: Tx,
    protocol: {
      taskForceId: string;
      ownerAgencyId: string;
      idempotencyKey: string | null;
      createdBy: string;
    },
    content: VersionContent,
  ): Promise<{ protocolId: string; versionId: string } | null> {
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO protocol (task_force_id, owner_agency_id, idempotency_key, title, category, audience, created_by, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7,
               setweight(to_tsvector(${SEARCH_CONFIG}, $4), 'A') || setweight(to_tsvector(${SEARCH_CONFIG}, $8), 'B'))
       ON CONFLICT (task_force_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        protocol.taskForceId,
        protocol.ownerAgencyId,
        protocol.idempotencyKey,
        content.title,
        content.category,
        content.audience,
        protocol.createdBy,
        content.body,
      ],
    );
    if (inserted.length === 0) return null;
    const versionId = await this.insertVersion(tx, inserted[0].id, 1, content, protocol.createdBy);
    return { protocolId: inserted[0].id, versionId };
  }

  /**
   * Locks the protocol row for the rest of the transaction, so its changes are serialised. NO KEY:
   * an acknowledgement's foreign-key check (KEY SHARE) on the row must not wait for it.
   */
  async lockProtocol(tx: Tx, id: string): Promise<ProtocolRow | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${PROTOCOL_COLUMNS} FROM ${PROTOCOL_FROM} WHERE p.id = $1 FOR NO KEY UPDATE OF p`,
      [id],
    );
    return rows.length ? toProtocol(rows[0]) : null;
  }

  /** The draft of a protocol, locked, if it has one. */
  async draftOf(tx: Tx, protocolId: string): Promise<ProtocolVersionRow | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.protocol_id = $1 AND v.state = 'DRAFT' FOR NO KEY UPDATE OF v`,
      [protocolId],
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  /** The newest version of a protocol, whatever its state. */
  async latestOf(tx: Tx, protocolId: string): Promise<ProtocolVersionRow | null> {
    const rows: Row[] = await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.protocol_id = $1 ORDER BY v.number DESC LIMIT 1`,
      [protocolId],
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  async insertVersion(
    tx: Tx,
    protocolId: string,
    number: number,
    content: VersionContent,
    createdBy: string,
  ): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO protocol_version (protocol_id, number, title, category, audience, body, summary_of_changes,
         effective_date, review_by, requires_acknowledgement, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        protocolId,
        number,
        content.title,
        content.category,
        content.audience,
        content.body,
        content.summaryOfChanges,
        content.effectiveDate,
        content.reviewBy,
        content.requiresAcknowledgement,
        createdBy,
      ],
    );
    return rows[0].id;
  }

  /** Rewrites a draft; false when it is no longer a draft. */
  async updateDraft(tx: Tx, versionId: string, content: VersionContent): Promise<boolean> {
    const rows: Row[] = await updated(
      tx.query(
        `UPDATE protocol_version SET title = $2, category = $3, audience = $4, body = $5, summary_of_changes = $6,
         effective_date = $7, review_by = $8, requires_acknowledgement = $9, updated_at = now()
        WHERE id = $1 AND state = 'DRAFT' RETURNING id`,
        [
          versionId,
          content.title,
          content.category,
          content.audience,
          content.body,
          content.summaryOfChanges,
          content.effectiveDate,
          content.reviewBy,
          content.requiresAcknowledgement,
        ],
      ),
    );
    return rows.length === 1;
  }

  /**
   * Optimistic concurrency on the protocol: moves it to the next version only if it is still at
   * `expectedVersion`, optionally copying the headline (title, category, audience, search words)
   * from one of its versions. Returns false when someone else changed it first.
   */
  async touch(tx: Tx, id: string, expectedVersion: number, headlineFrom?: string): Promise<boolean> {
    const headline = headlineFrom
      ? `, title = v.title, category = v.category, audience = v.audience,
           search = setweight(to_tsvector(${SEARCH_CONFIG}, v.title), 'A') || setweight(to_tsvector(${SEARCH_CONFIG}, v.body), 'B')`
      : '';
    const rows: Row[] = await updated(
      tx.query(
        `UPDATE protocol p SET version = p.version + 1, updated_at = now()${headline}
         ${headlineFrom ? 'FROM protocol_version v' : ''}
        WHERE p.id = $1 AND p.version = $2 ${headlineFrom ? 'AND v.id = $3 AND v.protocol_id = p.id' : ''}
        RETURNING p.id`,
        headlineFrom ? [id, expectedVersion, headlineFrom] : [id, expectedVersion],
      ),
    );
    return rows.length === 1;
  }

  /** The version in force becomes SUPERSEDED; returns its id, if there was one. */
  async supersedeCurrent(tx: Tx, protocolId: string): Promise<string | null> {
    const rows: { id: string }[] = await updated(
      tx.query(
        `UPDATE protocol_version SET state = 'SUPERSEDED', superseded_at = now()
        WHERE protocol_id = $1 AND state = 'PUBLISHED' RETURNING id`,
        [protocolId],
      ),
    );
    return rows.length ? rows[0].id : null;
  }

  /** The draft becomes the version in force and the protocol points at it; false if it was no draft. */
  async publish(
    tx: Tx,
    protocolId: string,
    versionId: string,
    effectiveDate: string,
    publishedBy: string,
  ): Promise<boolean> {
    const rows: Row[] = await updated(
      tx.query(
        `UPDATE protocol_version SET state = 'PUBLISHED', published_at = now(), published_by = $3,
         effective_date = $4, updated_at = now()
        WHERE id = $1 AND protocol_id = $2 AND state = 'DRAFT' RETURNING id`,
        [versionId, protocolId, publishedBy, effectiveDate],
      ),
    );
    if (rows.length !== 1) return false;
    await updated(
      tx.query(
        `UPDATE protocol SET state = 'PUBLISHED', current_version_id = $2,
         first_published_at = coalesce(first_published_at, now())
        WHERE id = $1`,
        [protocolId, versionId],
      ),
    );
    return true;
  }

  /** The whole protocol is withdrawn: its draft and its version in force become ARCHIVED. */
  async archive(tx: Tx, protocolId: string, archivedBy: string, reason: string | null): Promise<string[]> {
    const archived: { id: string }[] = await updated(
      tx.query(
        `UPDATE protocol_version SET state = 'ARCHIVED', archived_at = now()
        WHERE protocol_id = $1 AND state IN ('DRAFT', 'PUBLISHED') RETURNING id`,
        [protocolId],
      ),
    );
    await updated(
      tx.query(
        `UPDATE protocol SET state = 'ARCHIVED', current_version_id = NULL, archived_at = now(), archived_by = $2,
         archive_reason = $3
        WHERE id = $1`,
        [protocolId, archivedBy, reason],
      ),
    );
    return archived.map((row) => row.id);
  }

  /** The version's state, with a share lock so that it cannot be superseded until the transaction ends. */
  async lockVersionState(tx: Tx, versionId: string): Promise<string | null> {
    const rows: { state: string }[] = await tx.query(
      `SELECT state FROM protocol_version WHERE id = $1 FOR SHARE`,
      [versionId],
    );
    return rows.length ? rows[0].state : null;
  }

  /** Records the acknowledgement; null when the agency had already acknowledged the version. */
  async insertAcknowledgement(
    tx: Tx,
    acknowledgement: { versionId: string; protocolId: string; agencyId: string; acknowledgedBy: string },
  ): Promise<ProtocolAcknowledgementEntity | null> {
    const rows: Row[] = await tx.query(
      `INSERT INTO protocol_acknowledgement (version_id, protocol_id, agency_id, acknowledged_by)
       VALUES ($1, $2, $3, $4) ON CONFLICT (version_id, agency_id) DO NOTHING
       RETURNING version_id, protocol_id, agency_id, acknowledged_by, acknowledged_at`,
      [
        acknowledgement.versionId,
        acknowledgement.protocolId,
        acknowledgement.agencyId,
        acknowledgement.acknowledgedBy,
      ],
    );
    return rows.length ? toAcknowledgement(rows[0]) : null;
  }

  async findAcknowledgement(
    tx: Tx,
    versionId: string,
    agencyId: string,
  ): Promise<ProtocolAcknowledgementEntity | null> {
    const rows: Row[] = await tx.query(
      `SELECT version_id, protocol_id, agency_id, acknowledged_by, acknowledged_at
         FROM protocol_acknowledgement WHERE version_id = $1 AND agency_id = $2`,
      [versionId, agencyId],
    );
    return rows.length ? toAcknowledgement(rows[0]) : null;
  }
}
