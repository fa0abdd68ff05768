import type { SqlSubjectMap } from '@hub/authz';
import type { PolicyRecords } from '@hub/access';

export type ProtocolRecord = PolicyRecords['Protocol'];
export type ProtocolVersionRecord = PolicyRecords['ProtocolVersion'];
export type ProtocolAcknowledgementRecord = PolicyRecords['ProtocolAcknowledgement'];

/**
 * How the policy's Protocol conditions read in SQL for a protocol row aliased `alias`; lists
 * apply `accessWhere(ability, 'read', 'Protocol', protocolSqlMap('p'))` as their WHERE.
 */
export function protocolSqlMap(alias: string): SqlSubjectMap {
  return {
    fields: {
      taskForceId: { sql: `${alias}.task_force_id`, kind: 'scalar' },
      audience: { sql: `${alias}.audience`, kind: 'array' },
      published: { sql: `(${alias}.first_published_at IS NOT NULL)`, kind: 'scalar' },
    },
  };
}

/** The same for a version row `v` of the protocol row `p`. */
export function protocolVersionSqlMap(version: string, protocol: string): SqlSubjectMap {
  return {
    fields: {
      taskForceId: { sql: `${protocol}.task_force_id`, kind: 'scalar' },
      audience: { sql: `${version}.audience`, kind: 'array' },
      published: { sql: `(${version}.published_at IS NOT NULL)`, kind: 'scalar' },
    },
  };
}

/** The record the policy checks in memory, built from the row. */
export function protocolRecord(row: {
  taskForceId: string;
  audience: string[];
  firstPublishedAt: Date | null;
}): ProtocolRecord {
  return {
    taskForceId: row.taskForceId,
    audience: [...row.audience],
    published: row.firstPublishedAt !== null,
  };
}

export function protocolVersionRecord(
  row: { audience: string[]; publishedAt: Date | null },
  taskForceId: string,
): ProtocolVersionRecord {
  return { taskForceId, audience: [...row.audience], published: row.publishedAt !== null };
}

/** The calendar day (UTC) of an instant, as YYYY-MM-DD. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A version in force is due for review once its review-by date has passed (decided when read). */
export function isDueForReview(version: { state: string; reviewBy: string | null }, now: Date): boolean {
  return version.state === 'PUBLISHED' && version.reviewBy !== null && version.reviewBy < utcDate(now);
}
