import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { namedQuery, Transactions, Tx } from '@hub/database';
import { HubError, NotFoundError } from '@hub/graphql';

/** One idempotent create. */
export interface CreateOnceRequest<R> {
  subjectType: string;
  /** Whose keys these are (e.g. the creating agency's id): the same key in two scopes is two keys. */
  scope: string;
  /** The client's key; none means an ordinary create. */
  key: string | null | undefined;
  /** The request as the client sent it; `keyField` is left out of its hash. */
  request: object;
  keyField?: string;
  /** Writes the record with this id (and its event, audit row, notices) in `tx`. */
  create(tx: Tx, id: string): Promise<R>;
  /** The record a key already made, for the answer to a retry. */
  load(id: string): Promise<R | null>;
}

/** The one CONFLICT of a key used again for another request. */
export class IdempotencyKeyReusedError extends HubError {
  constructor(subjectType: string) {
    super('CONFLICT', `That idempotency key was already used for a different ${subjectType}`, {
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  }
}

const RACE_LOST = Symbol('race lost');

/**
 * Idempotent creates (`idempotency_key`): same key + same request → the record it made, nothing
 * written again; same key + another request → CONFLICT (IDEMPOTENCY_KEY_REUSED); concurrent creates
 * with one key → one record (the key row is inserted first in the create's transaction with
 * ON CONFLICT DO NOTHING, which waits for a concurrent holder of the key; the loser writes nothing
 * and answers from the winner).
 */
@Injectable()
export class CreateOnce {
  constructor(private readonly transactions: Transactions) {}

  async run<R>(request: CreateOnceRequest<R>): Promise<R> {
    const { key } = request;
    if (!key) return this.transactions.run((tx) => request.create(tx, randomUUID()));
    const hash = requestHash(request.request, [request.keyField ?? 'idempotencyKey']);
    const earlier = await this.find(this.transactions.reader, request, key);
    if (earlier) return this.replay(request, earlier, hash);
    const made = await this.transactions.run(async (tx) => {
      const id = randomUUID();
      const claimed = await namedQuery(
        tx,
        `INSERT INTO idempotency_key (scope, subject_type, key, request_hash, subject_id)
         VALUES (:scope, :subjectType, :key, :hash, :id) ON CONFLICT DO NOTHING RETURNING subject_id`,
        { scope: request.scope, subjectType: request.subjectType, key, hash, id },
      );
      if (claimed.length === 0) return RACE_LOST;
      return { record: await request.create(tx, id) };
    });
    if (made !== RACE_LOST) return made.record;
    const winner = await this.find(this.transactions.reader, request, key);
    if (!winner) throw new Error('idempotency key vanished');
    return this.replay(request, winner, hash);
  }

  private async find(
    tx: Tx,
    request: CreateOnceRequest<unknown>,
    key: string,
  ): Promise<{ subjectId: string; requestHash: string | null } | null> {
    const rows = await namedQuery<{ subject_id: string; request_hash: string | null }>(
      tx,
      `SELECT subject_id, request_hash FROM idempotency_key
        WHERE scope = :scope AND subject_type = :subjectType AND key = :key`,
      { scope: request.scope, subjectType: request.subjectType, key },
    );
    return rows.length ? { subjectId: rows[0].subject_id, requestHash: rows[0].request_hash } : null;
  }

  private async replay<R>(
    request: CreateOnceRequest<R>,
    earlier: { subjectId: string; requestHash: string | null },
    hash: string,
  ): Promise<R> {
    // A key kept from before requests were hashed (null) matches any retry, as it did then.
    if (earlier.requestHash !== null && earlier.requestHash !== hash) {
      throw new IdempotencyKeyReusedError(request.subjectType);
    }
    const record = await request.load(earlier.subjectId);
    if (!record) throw new NotFoundError(request.subjectType, earlier.subjectId);
    return record;
  }
}

/** sha256 of the canonical JSON of `input` without `omit`: keys sorted at every depth, undefined dropped. */
export function requestHash(input: object, omit: readonly string[] = ['idempotencyKey']): string {
  const rest = Object.fromEntries(Object.entries(input).filter(([name]) => !omit.includes(name)));
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((name) => (value as Record<string, unknown>)[name] !== undefined)
        .sort()
        .map((name) => [name, canonical((value as Record<string, unknown>)[name])]),
    );
  }
  return value;
}
