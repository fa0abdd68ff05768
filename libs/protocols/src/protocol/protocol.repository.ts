import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { agencyNameSql, audienceMembersSql, taskForceExistsSql, taskForceMemberSql } from '@hub/agencies';
import { accessWhere } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { allOf, namedQuery, NamedSql, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { ProtocolAcknowledgementEntity, ProtocolEntity, ProtocolVersionEntity } from './protocol.entity';
import { ProtocolVersionState } from './protocol.enums';
import { protocolSqlMap, protocolVersionSqlMap } from './protocol-access';

/** A protocol as read: the entity is the row (its computed columns are virtual columns of it). */
export type ProtocolRow = ProtocolEntity;
/** A version as read, with its protocol's task force and owner (virtual columns). */
export type ProtocolVersionRow = ProtocolVersionEntity;

/** What a coordinator writes in a draft. */
export type VersionContent = Pick<
  ProtocolVersionEntity,
  | 'title'
  | 'category'
  | 'audience'
  | 'body'
  | 'summaryOfChanges'
  | 'effectiveDate'
  | 'reviewBy'
  | 'requiresAcknowledgement'
>;

export interface ProtocolFilter {
  taskForceId?: string;
  category?: string;
  state?: string;
  text?: string;
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

/** A headline's search words: its title (weight A) and body (B), written into `protocol.search`. */
function searchWords(content: Pick<VersionContent, 'title' | 'body'>): NamedSql {
  return {
    sql: `setweight(to_tsvector(${SEARCH_CONFIG}, :searchTitle), 'A') || setweight(to_tsvector(${SEARCH_CONFIG}, :searchBody), 'B')`,
    params: { searchTitle: content.title, searchBody: content.body },
  };
}

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

/**
 * Every query on protocols, their versions and acknowledgements: TypeORM's query builder on the
 * entities (their columns spelled once, there), the policy's rules as SQL (`accessWhere`) in every
 * read for a caller, `Keyset` for the lists, and the agencies domain's exported scope
 * (`@hub/agencies`) for task-force membership and audiences. The status, version and updated_at of
 * a protocol change only through the workflow kernel.
 */
@Injectable()
export class ProtocolRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // --- reads for a caller ------------------------------------------------------------------

  /** Served by protocol_task_force_{title,category,status}_idx, or protocol_search_idx for words. */
  listVisible(scope: AccessScope, filter: ProtocolFilter, args: PageArgs): Promise<Connection<ProtocolRow>> {
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
      visibleProtocols(scope),
    );
    return BY_TITLE.fetch(this.protocols(this.dataSource.manager).where(where.sql, where.params), args);
  }

  /** The protocols among `ids` the caller may see (any order). */
  findVisible(scope: AccessScope, ids: readonly string[], tx?: Tx): Promise<ProtocolRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const where = allOf(
      { sql: 'p.id = ANY(CAST(:ids AS uuid[]))', params: { ids: [...ids] } },
      visibleProtocols(scope),
    );
    return this.protocols(tx ?? this.dataSource.manager)
      .where(where.sql, where.params)
      .getMany();
  }

  /** The version if the caller may see it. */
  findVersionVisible(scope: AccessScope, id: string): Promise<ProtocolVersionRow | null> {
    return this.visibleVersions(scope).andWhere('v.id = :id', { id }).getOne();
  }

  /** The versions of these protocols the caller may see, newest first (protocol_version's (protocol_id, number) key). */
  versionsVisible(scope: AccessScope, protocolIds: readonly string[]): Promise<ProtocolVersionRow[]> {
    if (protocolIds.length === 0) return Promise.resolve([]);
    return this.visibleVersions(scope)
      .andWhere('v.protocol_id = ANY(CAST(:protocolIds AS uuid[]))', { protocolIds: [...protocolIds] })
      .orderBy('v.protocol_id')
      .addOrderBy('v.number', 'DESC')
      .getMany();
  }

  /**
   * Current versions asking for an acknowledgement that the agency has not given, among those
   * the caller may see and whose audience includes the agency's type, oldest first. Served by
   * protocol_version_pending_idx and the acknowledgement's primary key.
   */
  pendingFor(
    scope: AccessScope,
    agency: { id: string; type: string; taskForceIds: readonly string[] },
    args: PageArgs,
  ): Promise<Connection<ProtocolVersionRow>> {
    const where = allOf(
      { sql: 'v.state = :published', params: { published: ProtocolVersionState.PUBLISHED } },
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
    );
    return OLDEST_PUBLISHED.fetch(this.visibleVersions(scope).andWhere(where.sql, where.params), args);
  }

  /**
   * Per published version: every member agency of the task force whose type is in the version's
   * audience, and every agency that acknowledged it (even one that left since), with the
   * acknowledgement if there is one, by agency name. The caller filters by the policy.
   */
  acknowledgementStatuses(versionIds: readonly string[]): Promise<AcknowledgementStatusRow[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    // A report over several tables, not an entity: its columns are named as the row type has them.
    return namedQuery<AcknowledgementStatusRow>(
      this.dataSource.manager,
      `WITH versions AS (
         SELECT v.id, v.audience, p.task_force_id FROM protocol_version v JOIN protocol p ON p.id = v.protocol_id
          WHERE v.id = ANY(CAST(:versionIds AS uuid[])) AND v.published_at IS NOT NULL
       ), expected AS (
         SELECT vs.id AS version_id, members.agency_id
           FROM versions vs CROSS JOIN LATERAL (${audienceMembersSql('vs.task_force_id', 'vs.audience')}) members
         UNION
         SELECT a.version_id, a.agency_id FROM protocol_acknowledgement a WHERE a.version_id IN (SELECT id FROM versions)
       )
       SELECT e.version_id AS "versionId", e.agency_id AS "agencyId", vs.task_force_id AS "taskForceId",
              vs.audience, ack.acknowledged_at AS "acknowledgedAt", ack.acknowledged_by AS "acknowledgedBy"
         FROM expected e
         JOIN versions vs ON vs.id = e.version_id
         LEFT JOIN protocol_acknowledgement ack ON ack.version_id = e.version_id AND ack.agency_id = e.agency_id
        ORDER BY e.version_id, ${agencyNameSql('e.agency_id')}, e.agency_id`,
      { versionIds: [...versionIds] },
    );
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

  findVersion(id: string, tx: Tx = this.dataSource.manager): Promise<ProtocolVersionRow | null> {
    return tx.getRepository(ProtocolVersionEntity).findOneBy({ id });
  }

  /** The draft of a protocol, if it has one. */
  draftOf(protocolId: string): Promise<ProtocolVersionRow | null> {
    return this.dataSource
      .getRepository(ProtocolVersionEntity)
      .findOneBy({ protocolId, state: ProtocolVersionState.DRAFT });
  }

  /** The newest version of a protocol, whatever its state. */
  latestOf(protocolId: string): Promise<ProtocolVersionRow | null> {
    return this.dataSource
      .getRepository(ProtocolVersionEntity)
      .findOne({ where: { protocolId }, order: { number: 'DESC' } });
  }

  // --- writes, all inside the caller's transaction -----------------------------------------

  /** A new protocol (id given: createOnce chose it) with its headline from its first draft. */
  async insertProtocol(
    tx: Tx,
    id: string,
    protocol: Pick<ProtocolEntity, 'taskForceId' | 'ownerAgencyId' | 'createdBy'>,
    content: VersionContent,
  ): Promise<void> {
    const search = searchWords(content);
    await tx
      .createQueryBuilder()
      .insert()
      .into(ProtocolEntity)
      .values({
        id,
        ...protocol,
        title: content.title,
        category: content.category,
        audience: content.audience,
        search: () => search.sql,
      })
      .setParameters(search.params)
      .execute();
  }

  async insertVersion(
    tx: Tx,
    protocolId: string,
    number: number,
    content: VersionContent,
    createdBy: string,
  ): Promise<string> {
    const inserted = await tx
      .getRepository(ProtocolVersionEntity)
      .insert({ protocolId, number, createdBy, ...content });
    return (inserted.identifiers[0] as { id: string }).id;
  }

  /** Rewrites a draft; false when it is no longer a draft. */
  async updateDraft(tx: Tx, versionId: string, content: VersionContent): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(ProtocolVersionEntity)
      .set({ ...content, updatedAt: () => 'now()' })
      .where('id = :versionId AND state = :draft', { versionId, draft: ProtocolVersionState.DRAFT })
      .execute();
    return result.affected === 1;
  }

  /** The protocol's headline (title, category, audience, search words) becomes that of a version's content. */
  async setHeadline(
    tx: Tx,
    protocolId: string,
    content: Pick<VersionContent, 'title' | 'category' | 'audience' | 'body'>,
  ): Promise<void> {
    const search = searchWords(content);
    await tx
      .createQueryBuilder()
      .update(ProtocolEntity)
      .set({
        title: content.title,
        category: content.category,
        audience: content.audience,
        search: () => search.sql,
      })
      .where('id = :protocolId', { protocolId })
      .setParameters(search.params)
      .execute();
  }

  /** The version in force becomes SUPERSEDED; returns its id, if there was one. */
  async supersedeCurrent(tx: Tx, protocolId: string): Promise<string | null> {
    const result = await tx
      .createQueryBuilder()
      .update(ProtocolVersionEntity)
      .set({ state: ProtocolVersionState.SUPERSEDED, supersededAt: () => 'now()' })
      .where('protocol_id = :protocolId AND state = :published', {
        protocolId,
        published: ProtocolVersionState.PUBLISHED,
      })
      .returning(['id'])
      .execute();
    const [superseded] = result.raw as { id: string }[];
    return superseded?.id ?? null;
  }

  /** The draft comes into force; false if it was no draft. */
  async publishVersion(
    tx: Tx,
    versionId: string,
    effectiveDate: string,
    publishedBy: string,
  ): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(ProtocolVersionEntity)
      .set({
        state: ProtocolVersionState.PUBLISHED,
        publishedAt: () => 'now()',
        publishedBy,
        effectiveDate,
        updatedAt: () => 'now()',
      })
      .where('id = :versionId AND state = :draft', { versionId, draft: ProtocolVersionState.DRAFT })
      .execute();
    return result.affected === 1;
  }

  /** The protocol's draft and version in force become ARCHIVED; returns them with the state each left. */
  async archiveVersions(tx: Tx, protocolId: string): Promise<{ id: string; from: string }[]> {
    const { DRAFT, PUBLISHED, ARCHIVED } = ProtocolVersionState;
    const result = await tx
      .createQueryBuilder()
      .update(ProtocolVersionEntity)
      .set({ state: ARCHIVED, archivedAt: () => 'now()' })
      .where('protocol_id = :protocolId AND state IN (:...moving)', {
        protocolId,
        moving: [DRAFT, PUBLISHED],
      })
      .returning(['id', 'publishedAt'])
      .execute();
    // The state each left, from what the UPDATE returns: of the two, only a draft was never
    // published (the table's checks tie DRAFT to a null published_at).
    return (result.raw as { id: string; published_at: Date | null }[])
      .map((row) => ({ id: row.id, from: row.published_at === null ? DRAFT : PUBLISHED }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The version's state, with a share lock so that it cannot be superseded until the transaction ends. */
  async lockVersionState(tx: Tx, versionId: string): Promise<string | null> {
    const version = await tx.getRepository(ProtocolVersionEntity).findOne({
      select: { id: true, state: true },
      where: { id: versionId },
      lock: { mode: 'pessimistic_read' },
    });
    return version?.state ?? null;
  }

  /** Records the acknowledgement; null when the agency had already acknowledged the version. */
  async insertAcknowledgement(
    tx: Tx,
    acknowledgement: Omit<ProtocolAcknowledgementEntity, 'acknowledgedAt'>,
  ): Promise<ProtocolAcknowledgementEntity | null> {
    const row = tx.getRepository(ProtocolAcknowledgementEntity).create(acknowledgement);
    // The insert returns acknowledged_at (the column's default) into `row`; nothing when it conflicted.
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(ProtocolAcknowledgementEntity)
      .values(row)
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length === 1 ? row : null;
  }

  findAcknowledgement(
    tx: Tx,
    versionId: string,
    agencyId: string,
  ): Promise<ProtocolAcknowledgementEntity | null> {
    return tx.getRepository(ProtocolAcknowledgementEntity).findOneBy({ versionId, agencyId });
  }

  /** Protocols as `p`, their virtual columns included. */
  private protocols(tx: Tx) {
    return tx.getRepository(ProtocolEntity).createQueryBuilder('p');
  }

  /** Versions (`v`) the caller may see: the policy's rules read the protocol (`p`) too. */
  private visibleVersions(scope: AccessScope) {
    const access = accessWhere(scope.ability, 'read', 'ProtocolVersion', protocolVersionSqlMap('v', 'p'));
    return this.dataSource
      .getRepository(ProtocolVersionEntity)
      .createQueryBuilder('v')
      .innerJoin(ProtocolEntity, 'p', 'p.id = v.protocol_id')
      .where(access.sql, access.params);
  }
}

/** The policy's read rules for protocols, as the WHERE of a query on `p`. */
function visibleProtocols(scope: AccessScope): NamedSql {
  return accessWhere(scope.ability, 'read', 'Protocol', protocolSqlMap('p'));
}
