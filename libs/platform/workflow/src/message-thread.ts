import { Injectable } from '@nestjs/common';
import { Transactions, Tx } from '@hub/database';
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
    const rows: Row[] = await tx.query(
      `INSERT INTO record_message (subject_type, subject_id, author_user_id, author_agency_id, body)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [message.subjectType, message.subjectId, message.authorUserId, message.authorAgencyId, message.body],
    );
    return toMessage(rows[0]);
  }

  /** The messages of each record, oldest first, in key order. */
  async messagesOf(subjectType: string, ids: readonly string[]): Promise<RecordMessage[][]> {
    const keys = ids.filter((id) => UUID_PATTERN.test(id));
    if (keys.length === 0) return ids.map(() => []);
    const rows: Row[] = await this.transactions.reader.query(
      `SELECT ${COLUMNS} FROM record_message WHERE subject_type = $1 AND subject_id = ANY($2::uuid[])
        ORDER BY subject_id, created_at, id`,
      [subjectType, keys],
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
