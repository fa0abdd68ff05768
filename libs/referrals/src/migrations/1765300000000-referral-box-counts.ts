import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many referrals each agency has in each box, by stored status, kept by triggers on `referral`
 * in the same transaction as every change to it, whichever path makes the change (the services,
 * the workflow kernel, the agency hand-back, a worker's sweep, a migration): the inbox's counts
 * then cost a lookup of a few rows instead of a scan of the agency's whole history (issue 12).
 *
 * Boxes as the stored row places a referral: RECEIVED at its recipient and SENT at its sender once
 * sent (`sent_at`), DRAFTS at its sender before. NEEDS_ACTION depends on the time (EXPIRED is
 * computed on read), so it is not kept here: ReferralRepository.counts derives it from the stored
 * counts and the few rows whose deadline is still ahead (referral_received_open_idx).
 *
 * Statement-level triggers with transition tables: a bulk change adds its deltas once per key, in
 * key order (the same order in every transaction, so two writers never wait on each other in a
 * cycle). The function runs as the owner (SECURITY DEFINER) because the API's role may only read
 * the counts: nothing but the triggers writes them.
 */
export class ReferralBoxCounts1765300000000 implements MigrationInterface {
  name = 'ReferralBoxCounts1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_box_count (
        agency_id uuid NOT NULL,
        box text NOT NULL CHECK (box IN ('RECEIVED', 'SENT', 'DRAFTS')),
        status text NOT NULL,
        -- No CHECK (referrals >= 0): an upsert checks the row it proposes, a negative delta, before it meets the conflict.
        referrals integer NOT NULL,
        PRIMARY KEY (agency_id, box, status)
      )`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON referral_box_count FROM hub_api`);
    // What one statement changed: each row it added counts +1 where it now stands, each row it
    // removed -1 where it stood (an UPDATE does both).
    await q.query(`CREATE TYPE referral_box_delta AS (from_agency_id uuid, to_agency_id uuid, sent boolean,
      status text, delta integer)`);
    await q.query(`
      CREATE FUNCTION referral_box_count_apply() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        changed referral_box_delta[] := '{}';
      BEGIN
        -- Each branch names only the transition table its trigger has (a statement is planned
        -- when first run, so the other branch is never resolved).
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          changed := changed || ARRAY(SELECT ROW(r.from_agency_id, r.to_agency_id, r.sent_at IS NOT NULL, r.status, 1)
            ::referral_box_delta FROM new_rows r);
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          changed := changed || ARRAY(SELECT ROW(r.from_agency_id, r.to_agency_id, r.sent_at IS NOT NULL, r.status, -1)
            ::referral_box_delta FROM old_rows r);
        END IF;
        INSERT INTO referral_box_count AS c (agency_id, box, status, referrals)
        SELECT agency_id, box, status, sum(delta)
          FROM (
            SELECT d.from_agency_id AS agency_id, CASE WHEN d.sent THEN 'SENT' ELSE 'DRAFTS' END AS box, d.status,
                   d.delta
              FROM unnest(changed) d
            UNION ALL
            SELECT d.to_agency_id, 'RECEIVED', d.status, d.delta FROM unnest(changed) d WHERE d.sent
          ) placed
         GROUP BY agency_id, box, status HAVING sum(delta) <> 0
         ORDER BY agency_id, box, status
        ON CONFLICT (agency_id, box, status) DO UPDATE SET referrals = c.referrals + EXCLUDED.referrals;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER referral_box_count_insert AFTER INSERT ON referral
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_box_count_apply()`);
    await q.query(`CREATE TRIGGER referral_box_count_update AFTER UPDATE ON referral
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION referral_box_count_apply()`);
    await q.query(`CREATE TRIGGER referral_box_count_delete AFTER DELETE ON referral
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_box_count_apply()`);
    // A TRUNCATE (tests, restores) fires no row trigger: it empties the counts with the table.
    await q.query(`
      CREATE FUNCTION referral_box_count_clear() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        DELETE FROM referral_box_count;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER referral_box_count_truncate AFTER TRUNCATE ON referral
      FOR EACH STATEMENT EXECUTE FUNCTION referral_box_count_clear()`);
    // The counts of the referrals already there.
    await q.query(`
      INSERT INTO referral_box_count (agency_id, box, status, referrals)
      SELECT agency_id, box, status, count(*) FROM (
        SELECT from_agency_id AS agency_id, CASE WHEN sent_at IS NULL THEN 'DRAFTS' ELSE 'SENT' END AS box, status
          FROM referral
        UNION ALL
        SELECT to_agency_id, 'RECEIVED', status FROM referral WHERE sent_at IS NOT NULL
      ) placed GROUP BY agency_id, box, status`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER referral_box_count_truncate ON referral`);
    await q.query(`DROP TRIGGER referral_box_count_delete ON referral`);
    await q.query(`DROP TRIGGER referral_box_count_update ON referral`);
    await q.query(`DROP TRIGGER referral_box_count_insert ON referral`);
    await q.query(`DROP FUNCTION referral_box_count_clear()`);
    await q.query(`DROP FUNCTION referral_box_count_apply()`);
    await q.query(`DROP TYPE referral_box_delta`);
    await q.query(`DROP TABLE referral_box_count`);
  }
}
