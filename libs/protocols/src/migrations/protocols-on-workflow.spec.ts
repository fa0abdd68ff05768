import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { agenciesMigrations } from '@hub/agencies';
import { auditMigrations } from '@hub/audit';
import {
  databaseMigrations,
  dataSourceOptions,
  dropDatabase,
  provisionDatabase,
  runMigrations,
  Transactions,
} from '@hub/database';
import { notificationsMigrations } from '@hub/notifications';
import { CreateOnce, workflowMigrations } from '@hub/workflow';
import { CreateProtocols1763830000000 } from './1763830000000-create-protocols';
import { ProtocolsOnWorkflow1763915000000 } from './1763915000000-protocols-on-workflow';

const ADMIN = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TASK_FORCE = '7f3c2a10-8e4b-4d2c-a1f0-00000000b001';
const AGENCY = '0a6e1d3c-5b1f-4c11-9d1a-00000000b001';

/**
 * The move onto the kernel keeps what protocols had: a key recorded before it still answers a
 * retry with the protocol it made (null hash: any retry matches, as before), the column is gone,
 * and the lifecycle column is the runner's `status`.
 */
describe('ProtocolsOnWorkflow migration (real PostgreSQL)', () => {
  const database = `hub_test_protocols_migration_${randomBytes(4).toString('hex')}`;
  const before = [
    ...databaseMigrations,
    ...agenciesMigrations,
    ...auditMigrations,
    ...notificationsMigrations,
    ...workflowMigrations,
    CreateProtocols1763830000000,
  ];
  let owner: DataSource;
  let protocolId: string;

  beforeAll(async () => {
    const { ownerUrl } = await provisionDatabase({
      adminUrl: ADMIN,
      database,
      ownerPassword: 'hub_owner_test',
      apiPassword: 'hub_api_test',
      throwAway: true,
    });
    await runMigrations(ownerUrl, before);
    owner = new DataSource(dataSourceOptions({ url: ownerUrl }));
    await owner.initialize();
    await owner.query(`INSERT INTO task_force (id, name, jurisdiction) VALUES ($1, 'TF', 'Test')`, [
      TASK_FORCE,
    ]);
    await owner.query(
      `INSERT INTO agency (id, name, type, jurisdiction) VALUES ($1, 'Coordination', 'COORDINATOR', 'Test')`,
      [AGENCY],
    );
    [{ id: protocolId }] = await owner.query(
      `INSERT INTO protocol (task_force_id, owner_agency_id, idempotency_key, title, category, audience, created_by)
       VALUES ($1, $2, 'old-key-123', 'Old protocol', 'REFERRAL', ARRAY['NGO'], 'someone') RETURNING id`,
      [TASK_FORCE, AGENCY],
    );
    await owner.query(
      `INSERT INTO protocol (task_force_id, owner_agency_id, title, category, audience, created_by)
       VALUES ($1, $2, 'Keyless protocol', 'REFERRAL', ARRAY['NGO'], 'someone')`,
      [TASK_FORCE, AGENCY],
    );
    expect(await runMigrations(ownerUrl, [...before, ProtocolsOnWorkflow1763915000000])).toEqual([
      'ProtocolsOnWorkflow1763915000000',
    ]);
  });

  afterAll(async () => {
    await owner?.destroy();
    await dropDatabase(ADMIN, database);
  });

  it('moves the keys to idempotency_key, scoped by task force, with no request hash', async () => {
    expect(
      await owner.query(
        `SELECT scope, subject_type, key, request_hash, subject_id::text FROM idempotency_key`,
      ),
    ).toEqual([
      {
        scope: TASK_FORCE,
        subject_type: 'Protocol',
        key: 'old-key-123',
        request_hash: null,
        subject_id: protocolId,
      },
    ]);
  });

  it('drops the old column and renames the lifecycle column to status', async () => {
    const columns: { column_name: string }[] = await owner.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'protocol' ORDER BY column_name`,
    );
    const names = columns.map((c) => c.column_name);
    expect({ status: names.includes('status'), state: names.includes('state') }).toEqual({
      status: true,
      state: false,
    });
    expect(names).not.toContain('idempotency_key');
  });

  it('a retry with a migrated key answers the protocol it made, whatever the request', async () => {
    const once = new CreateOnce(new Transactions(owner));
    const made = await once.run({
      subjectType: 'Protocol',
      scope: TASK_FORCE,
      key: 'old-key-123',
      request: { title: 'Whatever the retry says' },
      create: () => Promise.reject(new Error('must not create again')),
      load: async (id) => ({ id }),
    });
    expect(made).toEqual({ id: protocolId });
  });
});
