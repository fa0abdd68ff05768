import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A seal that costs the same at any size of the trail (issue 12, deliverable 5).
 *
 * The sealer used to look for unsealed events across the whole trail (`NOT EXISTS` over
 * `audit_seal_entry` for every event ever written). Now each event records the transaction that
 * wrote it (`tx_id`, the 64-bit id that never wraps), and each seal records its horizon: the oldest
 * transaction still running when it looked (`pg_snapshot_xmin`). Every transaction below a horizon
 * had finished, so every event it committed was seen and sealed, and none can appear below it
 * later; the next seal only reads events from that horizon on (`audit_event_tx_idx`). An id or a
 * time would not do: both are taken before commit, so a slow transaction's event can become
 * visible after a later one was sealed.
 *
 * - Rows written before this migration read `tx_id` 0 (a constant default: no table rewrite); seals
 *   made before it have no horizon, so the first seal afterwards reads them once.
 * - The API's role may not set `tx_id` itself (no INSERT privilege on that column): an event
 *   claiming an old transaction would hide below a horizon. `verify()` reports any that does.
 * - A column added to `audit_event` later needs `GRANT INSERT (column) ON audit_event TO hub_api`:
 *   the API's role holds INSERT column by column.
 */
export class AuditSealHorizon1765400000000 implements MigrationInterface {
  name = 'AuditSealHorizon1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN tx_id xid8 NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN tx_id SET DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX audit_event_tx_idx ON audit_event (tx_id, id)`);
    await q.query(`ALTER TABLE audit_seal ADD COLUMN horizon xid8`);
    await q.query(`REVOKE INSERT ON audit_event FROM hub_api`);
    await q.query(`GRANT INSERT (${await apiColumns(q)}) ON audit_event TO hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE INSERT (${await apiColumns(q)}) ON audit_event FROM hub_api`);
    await q.query(`GRANT INSERT ON audit_event TO hub_api`);
    await q.query(`ALTER TABLE audit_seal DROP COLUMN horizon`);
    await q.query(`DROP INDEX audit_event_tx_idx`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN tx_id`);
  }
}

/**
 * What the API writes: every column of audit_event but `tx_id`. `id` is among them because TypeORM
 * names it (as DEFAULT); it is GENERATED ALWAYS, so giving a value still takes OVERRIDING SYSTEM
 * VALUE, as before.
 */
async function apiColumns(q: QueryRunner): Promise<string> {
  const [{ columns }] = (await q.query(
    `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
      WHERE attrelid = 'audit_event'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'tx_id'`,
  )) as { columns: string }[];
  return columns;
}
