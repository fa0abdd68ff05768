// One id per test run, inherited by every jest worker: suites with the same migrations and seed
// share one template database (createTestDatabase in libs/platform/testing). `npm test` sets the
// id for all projects and drops the templates at the end; a direct jest run gets its own id, and
// its global teardown drops that run's templates.
const { randomBytes } = require('node:crypto');

module.exports = async () => {
  if (process.env.HUB_TEST_RUN_ID) return;
  process.env.HUB_TEST_RUN_ID = `j${randomBytes(4).toString('hex')}`;
  globalThis.__hubOwnsTestRun = true;
};
