import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API connects as `hub_api`, which may read and write rows but owns nothing and changes no
 * schema. Tables created later by the owner inherit these privileges; a table that needs
 * narrower rights (the audit log) revokes them in its own migration.
 */
export class GrantApiRole1763770000000 implements MigrationInterface {
  name = 'GrantApiRole1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO hub_api`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hub_api`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hub_api`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM hub_api`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM hub_api`,
    );
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM hub_api`);
  }
}
