import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { EntityManager, QueryFailedError } from 'typeorm';

/** A piece of SQL with its own named parameters (`:name`, `:...list`); fragments compose by name. */
export interface NamedSql {
  sql: string;
  params: Record<string, unknown>;
}

export interface NamedQueryOptions {
  /**
   * Run it as a prepared statement, named after its text: each pooled connection parses it once
   * and PostgreSQL may keep one plan for it instead of planning every execution. Only for a
   * statement run on every request (the admission, a page) whose text does not depend on the
   * values — no `:...list` expansion, the clock as `:now` —, since every text stays prepared on
   * every connection for as long as the connection lives. A page whose text follows the request's
   * selection has as many texts as clients have selections: past the first MAX_PREPARED_TEXTS texts
   * of the process, a new one runs unprepared (same answer), so no client can grow what every
   * connection keeps.
   */
  prepare?: boolean;
}

/**
 * The one way a repository runs hand-written SQL: named parameters, turned into positional ones
 * by the driver (the same expansion TypeORM's query builder uses), so nobody counts `$n` and a
 * fragment from elsewhere (the access WHERE, a keyset condition) composes by name. Casts (`::uuid`)
 * are left alone: only names present in `params` are replaced.
 */
export async function namedQuery<R = Record<string, unknown>>(
  runner: EntityManager,
  sql: string,
  params: Record<string, unknown> = {},
  options: NamedQueryOptions = {},
): Promise<R[]> {
  const [text, values] = runner.connection.driver.escapeQueryWithParameters(sql, params);
  const name = options.prepare ? statementName(text) : undefined;
  if (!name) return (await runner.query(text, values)) as R[];
  // The runner's own connection inside a transaction, else one from the pool for this statement,
  // as EntityManager.query does; failures are TypeORM's QueryFailedError, as there.
  const queryRunner = runner.queryRunner ?? runner.connection.createQueryRunner();
  try {
    const client = (await queryRunner.connect()) as PoolClient;
    const result = await client
      .query({ name, text, values })
      .catch((error: Error) => Promise.reject(new QueryFailedError(text, values, error)));
    return result.rows as R[];
  } finally {
    if (!runner.queryRunner) await queryRunner.release();
  }
}

/** Statement names by text, hashed once per text: the texts this process prepares. */
const statementNames = new Map<string, string>();
/** Texts prepared per process (and so at most per connection): the few a request runs every time, with room. */
export const MAX_PREPARED_TEXTS = 200;

/** The name to prepare `text` under; undefined once MAX_PREPARED_TEXTS other texts have one (run it unprepared). */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED_TEXTS) {
    name = `hub_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * The moment a statement is about, in SQL: the named parameter `:now`, which whoever runs the
 * statement binds to the clock reading its in-memory checks use (`{ now }` among its parameters).
 * A parameter, not a literal: the statement's text stays the same from one request to the next, so
 * PostgreSQL can keep its plan (and the access WHERE around it can be compiled once).
 */
export const NOW_SQL = 'CAST(:now AS timestamptz)';

/** A name two fragments share must mean one value: the same, or the same moment (`:now`). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}

/** `AND` of fragments (each parenthesised), with their parameters merged; names must not clash. */
export function allOf(...fragments: (NamedSql | string | null | undefined | false)[]): NamedSql {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const fragment of fragments) {
    if (!fragment) continue;
    const piece = typeof fragment === 'string' ? { sql: fragment, params: {} } : fragment;
    for (const [name, value] of Object.entries(piece.params)) {
      if (name in params && !sameValue(params[name], value))
        throw new Error(`allOf: parameter :${name} given twice`);
      params[name] = value;
    }
    parts.push(`(${piece.sql})`);
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/**
 * SQL for a text expression as a uuid, or NULL when it is not one: for ids stored as text (a
 * notification's subject id) compared with uuid keys, without a cast error and with the key's index.
 */
export function uuidOrNullSql(text: string): string {
  return `(CASE WHEN ${text} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN CAST(${text} AS uuid) END)`;
}
