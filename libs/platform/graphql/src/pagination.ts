import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from './errors';
import { isSafeText } from './safe-text';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Relay connection type for a node type: `Paginated(Agency)` → `AgencyConnection`. */
export function Paginated<T>(nodeType: Type<T>, name = nodeType.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType as Type<Connection<T>>;
}

/**
 * Keyset cursors: the sort key of the last row, opaque to clients. Each list decides its key
 * (e.g. `[name, id]`) and its index serves `WHERE (name, id) > ($1, $2) ORDER BY name, id`.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** What one part of a cursor key is; each is checked before the value can reach SQL. */
export type CursorPart = 'uuid' | 'timestamp' | 'text' | 'bigint';

type Decoded<K extends readonly CursorPart[]> = { [I in keyof K]: string };

/**
 * Reads a cursor made by `encodeCursor`, checking every part's kind: a forged cursor is
 * BAD_USER_INPUT here, never a SQL error later. The one decoder every list uses.
 */
export function decodeCursor<const K extends readonly CursorPart[]>(cursor: string, kinds: K): Decoded<K> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(key) || key.length !== kinds.length) throw invalidCursor();
  key.forEach((part, index) => {
    if (typeof part !== 'string' || !CURSOR_PART_CHECKS[kinds[index]](part)) throw invalidCursor();
  });
  return key as Decoded<K>;
}

function invalidCursor(): BadUserInputError {
  return new BadUserInputError('Invalid cursor', [
    { field: 'after', message: 'is not a cursor from this list' },
  ]);
}

/** Builds a connection from up to `first + 1` rows fetched in order. */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  keyOf: (row: R) => readonly (string | number)[],
  toNode: (row: R) => T,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT = /^\d{1,19}$/;
const MAX_BIGINT = 9223372036854775807n;

/** A real instant as the lists write it (to the microsecond, UTC): 2026-02-30 is refused. */
function isCursorTime(value: string): boolean {
  if (!CURSOR_TIME.test(value)) return false;
  const toMillis = `${value.slice(0, 23)}Z`;
  const parsed = new Date(toMillis);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === toMillis;
}

const CURSOR_PART_CHECKS: Record<CursorPart, (value: string) => boolean> = {
  uuid: (value) => UUID_PATTERN.test(value),
  timestamp: isCursorTime,
  text: (value) => value.length <= 1000 && isSafeText(value),
  bigint: (value) => BIGINT.test(value) && BigInt(value) <= MAX_BIGINT,
};

/** One column of a list's sort key: its SQL on the row and what its cursor part is. */
export interface KeysetColumn {
  sql: string;
  kind: CursorPart;
}

/** What a repository needs to fetch one page: SQL pieces with named parameters. */
export interface KeysetPage {
  /** Page size asked for; fetch `limit` (= first + 1) rows to know whether there is a next page. */
  first: number;
  limit: number;
  /** Select list that exposes the cursor parts as text (`keyset_0`, `keyset_1`…). */
  select: string;
  /** `(a, b) < (:k0, :k1)` after the cursor, or TRUE on the first page. */
  after: { sql: string; params: Record<string, unknown> };
  orderBy: string;
}

let keysetSeq = 0;

/**
 * Keyset paging, the one way every list pages: a sort key of columns (the last one unique, e.g.
 * `[created_at, id]`), one direction, and a typed cursor of the last row's key. A timestamp part
 * is read as text to the microsecond (a millisecond cursor would skip rows written in the same
 * millisecond). The index that serves a list is on exactly these columns in this order.
 */
export class Keyset {
  private readonly kinds: readonly CursorPart[];

  constructor(
    private readonly columns: readonly KeysetColumn[],
    private readonly direction: 'ASC' | 'DESC',
  ) {
    if (columns.length === 0) throw new Error('Keyset: at least one column');
    this.kinds = columns.map((column) => column.kind);
  }

  /** The SQL of one page; a forged cursor is BAD_USER_INPUT here, before anything reaches SQL. */
  page(args: { first?: number | null; after?: string | null }): KeysetPage {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const select = this.columns
      .map(
        (column, i) =>
          `${column.kind === 'timestamp' ? timeText(column.sql) : `${column.sql}::text`} AS keyset_${i}`,
      )
      .join(', ');
    const orderBy = this.columns.map((column) => `${column.sql} ${this.direction}`).join(', ');
    let after: KeysetPage['after'] = { sql: 'TRUE', params: {} };
    if (args.after) {
      const values = decodeCursor(args.after, this.kinds);
      const prefix = `keyset_${(keysetSeq = (keysetSeq + 1) % 1_000_000)}_`;
      const params: Record<string, unknown> = {};
      const placeholders = values.map((value, i) => {
        params[`${prefix}${i}`] = value;
        return `CAST(:${prefix}${i} AS ${SQL_TYPE[this.kinds[i]]})`;
      });
      const left = this.columns.map((column) => column.sql).join(', ');
      after = {
        sql: `(${left}) ${this.direction === 'DESC' ? '<' : '>'} (${placeholders.join(', ')})`,
        params,
      };
    }
    return { first, limit: first + 1, select, after, orderBy };
  }

  /**
   * One page of a TypeORM query (its filters already applied; no joins that multiply rows): adds
   * the cursor columns, the after-condition, the order and the limit, and builds the connection.
   * `toNode` sees each entity with its raw row, for values the query computes (`addSelect`).
   */
  async fetch<E extends ObjectLiteral, T = E>(
    query: SelectQueryBuilder<E>,
    args: { first?: number | null; after?: string | null },
    toNode: (entity: E, raw: Record<string, unknown>) => T = (entity) => entity as unknown as T,
  ): Promise<Connection<T>> {
    const page = this.page(args);
    this.columns.forEach((column, i) =>
      query.addSelect(
        column.kind === 'timestamp' ? timeText(column.sql) : `${column.sql}::text`,
        `keyset_${i}`,
      ),
    );
    query.andWhere(page.after.sql, page.after.params);
    this.columns.forEach((column, i) =>
      i === 0 ? query.orderBy(column.sql, this.direction) : query.addOrderBy(column.sql, this.direction),
    );
    const { entities, raw } = await query.limit(page.limit).getRawAndEntities();
    const rows = entities.map((entity, i) => {
      const row = raw[i] as Record<string, unknown>;
      return { ...row, node: toNode(entity, row) };
    });
    return this.connection(rows, page, (row) => row.node);
  }

  /** The connection of up to `limit` rows fetched with `page()`'s select list, in its order. */
  connection<R extends Record<string, unknown>, T>(
    rows: R[],
    page: KeysetPage,
    toNode: (row: R) => T,
  ): Connection<T> {
    return toConnection(
      rows,
      page.first,
      (row) => this.columns.map((_column, i) => String(row[`keyset_${i}`])),
      toNode,
    );
  }
}

const SQL_TYPE: Record<CursorPart, string> = {
  uuid: 'uuid',
  timestamp: 'timestamptz',
  text: 'text',
  bigint: 'bigint',
};

function timeText(sql: string): string {
  return `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The same connection with each node mapped (a repository pages entities; a service maps them to models). */
export function mapConnection<A, B>(connection: Connection<A>, toNode: (node: A) => B): Connection<B> {
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })),
  };
}
