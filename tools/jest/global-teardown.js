// Drops the template databases of a direct jest run (see global-setup.js).
const { Client } = require('pg');

module.exports = async () => {
  if (!globalThis.__hubOwnsTestRun) return;
  const client = new Client({
    connectionString: process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `hub_tpl_${process.env.HUB_TEST_RUN_ID}_%`,
    ]);
    for (const { datname } of rows) {
      await client.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } catch {
    // No server (a unit-only project): nothing was created.
  } finally {
    await client.end().catch(() => undefined);
  }
};
