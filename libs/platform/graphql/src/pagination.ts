import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadUserInputError } from './errors';

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

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(key) || key.length !== shape.length) throw new Error('shape');
    key.forEach((part, index) => {
      if (typeof part !== shape[index]) throw new Error('type');
    });
    return key as (string | number)[];
  } catch {
    throw new BadUserInputError('Invalid cursor', [
      { field: 'after', message: 'is not a cursor from this list' },
    ]);
  }
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
  idPattern: RegExp = UUID_PATTERN,
): { at: string; id: string } {
  const [at, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  if (!CURSOR_TIME.test(at) || Number.isNaN(Date.parse(at)) || !idPattern.test(id)) {
    throw new BadUserInputError('Invalid cursor', [
      { field: 'after', message: 'is not a cursor from this list' },
    ]);
  }
  return { at, id };
}
