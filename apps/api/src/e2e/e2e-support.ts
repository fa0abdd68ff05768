import request from 'supertest';
import type { GraphqlResponse, TestHub } from '@hub/testing';

type GraphqlBody = GraphqlResponse['body'];

/** POST /graphql with exactly the headers given (no token handling), for malformed Authorization headers. */
export async function rawGql(
  hub: TestHub,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphqlBody; headers: Record<string, string> }> {
  const call = request(hub.url).post('/graphql').set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) call.set(name, value);
  const response = await call.send({ query, variables });
  return {
    status: response.status,
    body: response.body as GraphqlBody,
    headers: response.headers as Record<string, string>,
  };
}

/** The first error's contract code, or undefined. */
export function codeOf(response: { body: GraphqlBody }): string | undefined {
  return response.body.errors?.[0]?.extensions?.code;
}

/** A row (or rows) read as the database owner, for "nothing changed" comparisons. */
export function rows<T = Record<string, unknown>>(
  hub: TestHub,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return hub.asOwner((ds) => ds.query(sql, params) as Promise<T[]>);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The value, or a thrown error naming what was missing (fails the test instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}, got ${String(value)}`);
  return value;
}
