import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PgListener } from './listener';

// The server the suites use (this lib cannot import @hub/testing, which depends on it).
const URL = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Resolves when `check` holds, polling; rejects after `ms`. */
async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PgListener (real PostgreSQL)', () => {
  const channel = `hub_test_${randomBytes(4).toString('hex')}`;
  const received: string[] = [];
  let reconnected = 0;
  const errors: Error[] = [];
  let admin: Client;
  let listener: PgListener;

  beforeAll(async () => {
    admin = new Client({ connectionString: URL });
    await admin.connect();
    listener = new PgListener({
      url: URL,
      applicationName: `listen-${channel}`,
      channels: [channel],
      onNotify: (from, payload) => {
        if (from === channel) received.push(payload);
      },
      onReconnect: () => (reconnected += 1),
      onError: (error) => errors.push(error),
      retryMs: 20,
      pingMs: 100,
    });
    await listener.start();
  });

  afterAll(async () => {
    await listener?.stop();
    await admin?.end();
  });

  it('hears a NOTIFY once its transaction commits, and never one rolled back', async () => {
    await admin.query('BEGIN');
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'rolled-back']);
    await admin.query('ROLLBACK');
    await admin.query('BEGIN');
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'committed']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
    await admin.query('COMMIT');
    await until(() => received.length === 1);
    expect(received).toEqual(['committed']);
  });

  it('reconnects after its connection is killed, says so, and listens again', async () => {
    received.length = 0;
    const killed = await admin.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1`,
      [`listen-${channel}`],
    );
    expect(killed.rows.map((row) => row.killed)).toEqual([true]);
    await until(() => reconnected === 1);
    expect(listener.reconnectCount).toBe(1);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'after reconnect']);
    await until(() => received.length === 1);
    expect(received).toEqual(['after reconnect']);
  });

  it('stops for good: no reconnect and nothing heard after stop()', async () => {
    await listener.stop();
    const connections = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1`, [
      `listen-${channel}`,
    ]);
    expect(connections.rowCount).toBe(0);
    received.length = 0;
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'after stop']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
    expect(reconnected).toBe(1);
  });
});
