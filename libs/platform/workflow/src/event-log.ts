import { Injectable } from '@nestjs/common';
import { JoinedPart, namedQuery, Transactions, Tx } from '@hub/database';
import { groupByKeys, UUID_PATTERN } from '@hub/graphql';

/** One status change of a record, as read. */
export interface RecordEvent {
  id: string;
  subjectType: string;
  subjectId: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  occurredAt: Date;
}

/** A status change as the domains' models show it: statuses typed by the record's lifecycle. */
export interface StatusChange<S extends string = string> {
  id: string;
  fromStatus: S | null;
  toStatus: S;
  /** Null when the hub made the change itself (`HUB_SYSTEM`: a time-based rule). */
  actorUserId: string | null;
  actorAgencyId: string | null;
  reason: string | null;
  occurredAt: Date;
}

/** An event as a status change; no actor when the hub made it (a referral expired by the sweep). */
export function statusChange<S extends string>(event: RecordEvent): StatusChange<S> {
  return {
    id: event.id,
    fromStatus: event.fromStatus as S | null,
    toStatus: event.toStatus as S,
    actorUserId: event.actorUserId,
    actorAgencyId: event.actorAgencyId,
    reason: event.reason,
    occurredAt: event.occurredAt,
  };
}

export type NewRecordEvent = Omit<RecordEvent, 'id' | 'occurredAt' | 'details' | 'reason'> & {
  reason?: string | null;
  details?: Record<string, unknown> | null;
};

const COLUMN_NAMES = [
  'id',
  'subject_type',
  'subject_id',
  'from_status',
  'to_status',
  'actor_user_id',
  'actor_agency_id',
  'reason',
  'details',
  'occurred_at',
] as const;
const COLUMNS = COLUMN_NAMES.join(', ');

/**
 * The one event log of every record type (`record_event`). Appends share the change's transaction;
 * reads are batched (one statement for any number of records) for per-request DataLoaders and are
 * served by record_event_subject_idx. Read only events of records the caller was shown.
 */
@Injectable()
export class EventLog {
  constructor(private readonly transactions: Transactions) {}

  async append(tx: Tx, event: NewRecordEvent): Promise<RecordEvent> {
    const rows = await namedQuery<Row>(
      tx,
      `INSERT INTO record_event (subject_type, subject_id, from_status, to_status, actor_user_id, actor_agency_id,
         reason, details)
       VALUES (:subjectType, :subjectId, :fromStatus, :toStatus, :actorUserId, :actorAgencyId, :reason, :details)
       RETURNING ${COLUMNS}`,
      { ...event, reason: event.reason ?? null, details: event.details ?? null },
    );
    return toEvent(rows[0]);
  }

  /** The events of each record, oldest first, in key order. */
  async eventsOf(subjectType: string, ids: readonly string[]): Promise<RecordEvent[][]> {
    const keys = ids.filter((id) => UUID_PATTERN.test(id));
    if (keys.length === 0) return ids.map(() => []);
    const rows = await namedQuery<Row>(
      this.transactions.reader,
      `SELECT ${COLUMNS} FROM record_event WHERE subject_type = :subjectType AND subject_id = ANY(CAST(:keys AS uuid[]))
        ORDER BY subject_id, occurred_at, id`,
      { subjectType, keys },
    );
    return groupByKeys(
      ids,
      rows.map((row) => toEvent(row)),
      (event) => event.subjectId,
    );
  }

  /** The latest event of each record (null for none), in key order. */
  async lastEventsOf(subjectType: string, ids: readonly string[]): Promise<(RecordEvent | null)[]> {
    const keys = ids.filter((id) => UUID_PATTERN.test(id));
    if (keys.length === 0) return ids.map(() => null);
    const rows = await namedQuery<Row>(
      this.transactions.reader,
      `SELECT DISTINCT ON (subject_id) ${COLUMNS} FROM record_event
        WHERE subject_type = :subjectType AND subject_id = ANY(CAST(:keys AS uuid[]))
        ORDER BY subject_id, occurred_at DESC, id DESC`,
      { subjectType, keys },
    );
    const last = new Map(rows.map((row) => [row.subject_id as string, toEvent(row)]));
    return ids.map((id) => last.get(id) ?? null);
  }

  /**
   * The latest event of each row of a page query, in the page's own statement (JoinedPart): the
   * same event `lastEventsOf` answers, one index probe (record_event_subject_idx) per row.
   * `subjectType` is the record type's constant name, never input.
   */
  lastEventJoin(subjectType: string, idSql: string, alias: string): JoinedPart<RecordEvent | null> {
    const prefix = `${alias}.`;
    const select = COLUMN_NAMES.map((column) => `${alias}.${column} AS "${prefix}${column}"`).join(', ');
    const keys = eventKeys(prefix);
    return {
      sql: select,
      join: `LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM record_event
               WHERE subject_type = :${alias}SubjectType AND subject_id = ${idSql}
               ORDER BY occurred_at DESC, id DESC LIMIT 1) ${alias} ON TRUE`,
      params: { [`${alias}SubjectType`]: subjectType },
      // Keys spelled once per join, not per row; the event read straight from the page's row.
      read: (row) => (row[keys.id] === null || row[keys.id] === undefined ? null : toEvent(row, keys)),
    };
  }
}

type Row = Record<string, unknown>;

/** Where each column of an event is in a row: its name, or under a join's prefix. */
type EventKeys = Record<(typeof COLUMN_NAMES)[number], string>;

function eventKeys(prefix: string): EventKeys {
  return Object.fromEntries(COLUMN_NAMES.map((column) => [column, `${prefix}${column}`])) as EventKeys;
}

const OWN_COLUMNS = eventKeys('');

function toEvent(row: Row, keys: EventKeys = OWN_COLUMNS): RecordEvent {
  return {
    id: row[keys.id] as string,
    subjectType: row[keys.subject_type] as string,
    subjectId: row[keys.subject_id] as string,
    fromStatus: (row[keys.from_status] as string | null) ?? null,
    toStatus: row[keys.to_status] as string,
    actorUserId: (row[keys.actor_user_id] as string | null) ?? null,
    actorAgencyId: (row[keys.actor_agency_id] as string | null) ?? null,
    reason: (row[keys.reason] as string | null) ?? null,
    details: (row[keys.details] as Record<string, unknown> | null) ?? null,
    occurredAt: row[keys.occurred_at] as Date,
  };
}
