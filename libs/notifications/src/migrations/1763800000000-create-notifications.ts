import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications to an agency's members, who of them has read which, and the transactional outbox
 * a worker will deliver from (DESIGN.md §2: until it exists the rows accumulate). A notification
 * never carries survivor personal data, so its message is short and plain.
 */
export class CreateNotifications1763800000000 implements MigrationInterface {
  name = 'CreateNotifications1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
        event_type text NOT NULL CHECK (char_length(event_type) <= 64 AND event_type ~ '^[A-Z][A-Z0-9_]*$'),
        subject_type text NOT NULL CHECK (char_length(subject_type) BETWEEN 1 AND 64),
        subject_id text NOT NULL CHECK (char_length(subject_id) BETWEEN 1 AND 128),
        message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The feed, the unread count and "mark all read": one agency's notifications, newest first.
    await q.query(
      `CREATE INDEX notification_agency_feed_idx ON notification (agency_id, created_at DESC, id DESC)`,
    );

    // One row per reader: "read" is per user, not per agency. The primary key serves the feed's lookup.
    await q.query(`
      CREATE TABLE notification_read (
        notification_id uuid NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
        user_id text NOT NULL CHECK (char_length(user_id) BETWEEN 1 AND 255),
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic text NOT NULL CHECK (char_length(topic) BETWEEN 1 AND 128),
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0)
      )`);
    // The worker takes pending rows in order; processed rows drop out of the index.
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE notification_read`);
    await q.query(`DROP TABLE notification`);
  }
}
