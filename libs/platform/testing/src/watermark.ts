import type { DataSource } from 'typeorm';
import { namedQuery } from '@hub/database';

/**
 * "Nothing changed" without re-reading whole tables: a watermark is the transaction id of a
 * moment, each table's row count and the newest audit event. Afterwards a table was written when
 * one of its rows carries a newer transaction id (`xmin`: an insert or an update) or its count
 * moved (a delete). `age()` compares transaction ids correctly across wrap-around.
 */
export interface Watermark {
  /** 32-bit id of the watermark's own transaction; every later write has a younger `xmin`. */
  xid: string;
  counts: Record<string, number>;
  auditMaxId: number;
}

/**
 * The audit trail is checked row by row (auditEventsSince); the request budget and the users the hub
 * has seen (`agency_user`, refreshed by any request every few minutes) are bookkeeping.
 */
const UNWATCHED = /^(audit_|hub_migrations$|caller_budget$|agency_user$)/;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function watchedTables(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  )) as { tablename: string }[];
  return rows.map((row) => row.tablename).filter((name) => !UNWATCHED.test(name));
}

async function countsAndWrites(
  dataSource: DataSource,
  tables: string[],
  xid: string,
): Promise<{ table: string; rows: number; written: number }[]> {
  const sql = tables
    .map(
      (table) =>
        `SELECT '${table}' AS table, count(*)::int AS rows,
                count(*) FILTER (WHERE age(xmin) < age(:mark::text::xid))::int AS written FROM ${ident(table)}`,
    )
    .join(' UNION ALL ');
  // Prepared: planning this union of every table took 3 ms each time, more than running it, and the
  // suites take thousands of watermarks (5.5 of npm test's 29 s of planning).
  return namedQuery<{ table: string; rows: number; written: number }>(
    dataSource.manager,
    sql,
    { mark: xid },
    { prepare: true },
  );
}

export async function takeWatermark(dataSource: DataSource): Promise<Watermark> {
  const [{ xid, audit }] = (await dataSource.query(
    `SELECT (pg_current_xact_id()::text::bigint % 4294967296)::text AS xid,
            (SELECT coalesce(max(id), 0)::text FROM audit_event) AS audit`,
  )) as { xid: string; audit: string }[];
  const counts: Record<string, number> = {};
  for (const row of await countsAndWrites(dataSource, await watchedTables(dataSource), xid)) {
    counts[row.table] = row.rows;
  }
  return { xid, counts, auditMaxId: Number(audit) };
}

/** The tables written since the watermark (inserted, updated or deleted rows), by name. */
export async function tablesWrittenSince(dataSource: DataSource, mark: Watermark): Promise<string[]> {
  const rows = await countsAndWrites(dataSource, await watchedTables(dataSource), mark.xid);
  return rows
    .filter((row) => row.written > 0 || row.rows !== (mark.counts[row.table] ?? 0))
    .map((row) => row.table);
}

export interface AuditRowSince {
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  fields: string[];
  purpose: string | null;
  decision: string;
  reason: string | null;
}

/**
 * The audit events written since the watermark. SIGN_IN events (the first request seen with a
 * new token) are about the session, not about what a request did, and are left out.
 */
export async function auditEventsSince(dataSource: DataSource, mark: Watermark): Promise<AuditRowSince[]> {
  return (await dataSource.query(
    `SELECT actor_user_id, actor_agency_id, action, subject_type, subject_id, fields, purpose, decision, reason
       FROM audit_event WHERE id > $1 AND action <> 'SIGN_IN' ORDER BY id`,
    [mark.auditMaxId],
  )) as AuditRowSince[];
}
