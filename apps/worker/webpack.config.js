const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// Production bundle of the worker (docker/worker.Dockerfile): dist/apps/worker/main.js and a
// generated package.json listing the runtime dependencies to install beside it. The worker runs
// no migrations: the API image's migrate.js does (compose `migrate` service).
module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/worker'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      // Loaded lazily by TypeORM, so the bundler cannot see it (STACK.md 6).
      runtimeDependencies: ['pg'],
      sourceMap: true,
      skipTypeChecking: process.env.HUB_BUILD_SKIP_TYPECHECK === 'true',
    }),
  ],
};
