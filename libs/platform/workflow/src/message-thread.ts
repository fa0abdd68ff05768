import { Injectable } from '@nestjs/common';
import { namedQuery, Transactions, Tx } from '@hub/database';
import { groupByKeys, UUID_PATTERN } from '@hub/graphql';

/** A message in a record's thread, as read. */
export interface RecordMessage {
  id: string;
  subjectType: string;
  subjectId: string;
  authorUserId: string;
  authorAgencyId: string;
  body: string;
  createdAt: Date;
}

export type NewRecordMessage = Omit<RecordMessage, 'id' | 'createdAt'>;

const COLUMNS = 'id, subject_type, subject_id, author_user_id, author_agency_id, body, created_at';

/**
 * The one message thread of every record type (`record_message`). Posting goes through
 * `RecordWorkflow.post` (visibility, the `message` permission, audit and notices); this class only
 * writes and reads rows. Reads are batched and served by record_message_subject_idx.
 */
@Injectable()
export class MessageThread {
  constructor(private readonly transactions: Transactions) {}

  async post(tx: Tx, message: NewRecordMessage): Promise<RecordMessage> {
    const rows = await namedQuery<Row>(
      tx,
      `INSERT INTO record_message (subject_type, subject_id, author_user_id, author_agency_id, body)
       VALUES (:subjectType, :subjectId, :authorUserId, :authorAgencyId, :body) RETURNING ${COLUMNS}`,
      { ...message },
    );
    return toMessage(rows[0]);
  }

  /** The messages of each record, oldest first, in key order. */
  async messagesOf(subjectType: string, ids: readonly string[]): Promise<RecordMessage[][]> {
    const keys = ids.filter((id) => UUID_PATTERN.test(id));
    if (keys.length === 0) return ids.map(() => []);
    const rows = await namedQuery<Row>(
      this.transactions.reader,
      `SELECT ${COLUMNS} FROM record_message WHERE subject_type = :subjectType AND subject_id = ANY(CAST(:keys AS uuid[]))
        ORDER BY subject_id, created_at, id`,
      { subjectType, keys },
    );
    return groupByKeys(ids, rows.map(toMessage), (message) => message.subjectId);
  }
}

type Row = Record<string, unknown>;

function toMessage(row: Row): RecordMessage {
  return {
    id: row.id as string,
    subjectType: row.subject_type as string,
    subjectId: row.subject_id as string,
    authorUserId: row.author_user_id as string,
    authorAgencyId: row.author_agency_id as string,
    body: row.body as string,
    createdAt: row.created_at as Date,
  };
}
