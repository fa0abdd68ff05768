const nodeAppConfig = require('../../tools/webpack/node-app.config');

// Production bundle of the API (docker/api.Dockerfile): dist/apps/api/main.js (the API),
// migrate.js (the committed migrations, run by the compose `migrate` service), hub.js (operator
// commands: `node hub.js bootstrap …`, the first run) and a generated package.json listing the
// runtime dependencies to install beside them.
module.exports = nodeAppConfig({
  dirname: __dirname,
  name: 'api',
  additionalEntryPoints: [
    { entryName: 'migrate', entryPath: './src/migrate.ts' },
    { entryName: 'hub', entryPath: './src/hub-command.ts' },
  ],
});
