import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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

/**
 * The newest-first lists page by (timestamp to the microsecond, id): a millisecond cursor would
 * skip rows written in the same millisecond. Repositories select the time as text with
 * `to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` and hand it here.
 */
export function encodeTimeCursor(at: string, id: string): string {
  return encodeCursor([at, id]);
}

/** Reads such a cursor; a forged one is BAD_USER_INPUT before anything reaches SQL. */
export function decodeTimeCursor(
  cursor: string,
  idKind: 'uuid' | 'bigint' = 'uuid',
): { at: string; id: string } {
  const [at, id] = decodeCursor(cursor, ['timestamp', idKind]);
  return { at, id };
}
