import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per reminder sent (a deadline near, a consent ending, a protocol due for review …),
 * keyed by its kind, the record it is about, the agency told and the threshold crossed, written
 * in the transaction of its notification: a reminder goes out once however often, and however
 * many workers, the sweep runs. The sweep's queries skip keys already here (the primary key).
 */
export class CreateReminders1765100000000 implements MigrationInterface {
  name = 'CreateReminders1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_sent (
        kind text NOT NULL CHECK (char_length(kind) <= 64 AND kind ~ '^[A-Z][A-Z0-9_]*$'),
        subject_id uuid NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
        threshold text NOT NULL CHECK (char_length(threshold) BETWEEN 1 AND 100),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, subject_id, agency_id, threshold)
      )`);
    // A fact: the worker adds rows, never changes or removes one.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON reminder_sent FROM hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminder_sent`);
  }
}
