import { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT = 'Referral';
// The statuses as the table being restored by `down` checked them (1763850000000).
const STATUSES = `'DRAFT','SENT','ACKNOWLEDGED','ACCEPTED','IN_PROGRESS','ON_HOLD','COMPLETED','DECLINED','FAILED','WITHDRAWN','EXPIRED'`;

/**
 * Referral events and messages move onto the workflow kernel (docs/workflow.md): events go to
 * record_event, messages to record_message, and the tables they came from are dropped. Messages
 * keep their ids; events keep their times, actors and reasons, but their bigint ids become uuids
 * derived from them (md5 of subject type and old id: stable, and distinct from any other domain's),
 * as technical assistance did.
 */
export class ReferralsOnWorkflow1764700000000 implements MigrationInterface {
  name = 'ReferralsOnWorkflow1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO record_event (id, subject_type, subject_id, from_status, to_status, actor_user_id, actor_agency_id,
         reason, occurred_at)
       SELECT md5($1 || '/event/' || e.id)::uuid, $1, e.referral_id, e.from_status, e.to_status, e.actor_user_id,
              e.actor_agency_id, e.reason, e.occurred_at
         FROM referral_event e`,
      [SUBJECT],
    );
    await q.query(
      `INSERT INTO record_message (id, subject_type, subject_id, author_user_id, author_agency_id, body, created_at)
       SELECT m.id, $1, m.referral_id, m.author_user_id, m.author_agency_id, m.body, m.created_at
         FROM referral_message m`,
      [SUBJECT],
    );
    await q.query(`DROP TABLE referral_event`);
    await q.query(`DROP TABLE referral_message`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referral (id),
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        actor_user_id text NOT NULL,
        actor_agency_id uuid NOT NULL,
        reason text CHECK (char_length(reason) <= 1000),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON referral_event FROM hub_api`);
    await q.query(
      `INSERT INTO referral_event (referral_id, from_status, to_status, actor_user_id, actor_agency_id, reason,
         occurred_at)
       SELECT subject_id, from_status, to_status, actor_user_id, actor_agency_id, reason, occurred_at
         FROM record_event WHERE subject_type = $1 ORDER BY occurred_at, id`,
      [SUBJECT],
    );
    await q.query(`
      CREATE TABLE referral_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referral (id),
        author_user_id text NOT NULL,
        author_agency_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX referral_message_referral_idx ON referral_message (referral_id, created_at, id)`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON referral_message FROM hub_api`);
    await q.query(
      `INSERT INTO referral_message (id, referral_id, author_user_id, author_agency_id, body, created_at)
       SELECT id, subject_id, author_user_id, author_agency_id, body, created_at FROM record_message
        WHERE subject_type = $1`,
      [SUBJECT],
    );
    await q.query(`DELETE FROM record_message WHERE subject_type = $1`, [SUBJECT]);
    await q.query(`DELETE FROM record_event WHERE subject_type = $1`, [SUBJECT]);
  }
}
