import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the worker needs to deliver notifications by e-mail:
 * - each user's choice (per agency, keyed by the token's `sub`): in the hub only, e-mail at once,
 *   or a daily digest; with the address the user's token carried when they chose e-mail;
 * - one row per message handed to the SMTP server, keyed by the outbox row and the recipient,
 *   so a redelivered job sends nothing twice;
 * - one row per daily digest sent, keyed by the user, the agency and the day;
 * - `outbox.enqueued_at`: the row was handed to the job queue (in the transaction that enqueued
 *   it); a row enqueued long ago and still unprocessed is handed over again;
 * - a NOTIFY after each insert into the outbox (no payload), so a waiting worker starts at once.
 */
export class DeliverNotifications1765000200000 implements MigrationInterface {
  name = 'DeliverNotifications1765000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_preference (
        user_id text NOT NULL CHECK (char_length(user_id) BETWEEN 1 AND 255),
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
        delivery text NOT NULL CHECK (delivery IN ('IN_APP_ONLY', 'EMAIL_IMMEDIATE', 'DAILY_DIGEST')),
        email text CHECK (char_length(email) BETWEEN 3 AND 254),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, agency_id),
        CONSTRAINT notification_preference_email_required CHECK (delivery = 'IN_APP_ONLY' OR email IS NOT NULL)
      )`);
    // The worker's question: who of this agency wants e-mail?
    await q.query(
      `CREATE INDEX notification_preference_agency_idx ON notification_preference (agency_id, delivery)`,
    );

    await q.query(`
      CREATE TABLE notification_delivery (
        outbox_id bigint NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
        recipient text NOT NULL CHECK (char_length(recipient) BETWEEN 1 AND 300),
        outcome text NOT NULL CHECK (outcome IN ('SENT', 'REJECTED')),
        message_id text NOT NULL CHECK (char_length(message_id) BETWEEN 3 AND 300),
        delivered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (outbox_id, recipient)
      )`);

    await q.query(`
      CREATE TABLE notification_digest (
        user_id text NOT NULL CHECK (char_length(user_id) BETWEEN 1 AND 255),
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
        day date NOT NULL,
        message_id text NOT NULL CHECK (char_length(message_id) BETWEEN 3 AND 300),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, agency_id, day)
      )`);

    await q.query(`ALTER TABLE outbox ADD COLUMN enqueued_at timestamptz`);
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hub_outbox', '');
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
    await q.query(`ALTER TABLE outbox DROP COLUMN enqueued_at`);
    await q.query(`DROP TABLE notification_digest`);
    await q.query(`DROP TABLE notification_delivery`);
    await q.query(`DROP TABLE notification_preference`);
  }
}
