import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language of the e-mail an agency receives from the hub (its intake address and its users'
 * notifications). English until the agency admin chooses another; the worker has templates in
 * these languages only, so the column admits no other.
 */
export class AddAgencyNotificationLanguage1765000100000 implements MigrationInterface {
  name = 'AddAgencyNotificationLanguage1765000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE agency ADD COLUMN notification_language text NOT NULL DEFAULT 'en'
         CONSTRAINT agency_notification_language_check CHECK (notification_language IN ('en', 'es'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP COLUMN notification_language`);
  }
}
