const nodeAppConfig = require('../../tools/webpack/node-app.config');

// Production bundle of the worker (docker/worker.Dockerfile): dist/apps/worker/main.js and a
// generated package.json. The worker runs no migrations: the API image's migrate.js does.
module.exports = nodeAppConfig({ dirname: __dirname, name: 'worker' });
