const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// Production bundle of the API (docker/api.Dockerfile): dist/apps/api/main.js (the API),
// migrate.js (the committed migrations, run by the compose `migrate` service), hub.js (operator
// commands: `node hub.js bootstrap …`, the first run) and a generated package.json listing the
// runtime dependencies to install beside them.
module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
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
      additionalEntryPoints: [
        { entryName: 'migrate', entryPath: './src/migrate.ts' },
        { entryName: 'hub', entryPath: './src/hub-command.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      // Loaded lazily by @nestjs/apollo or TypeORM, so the bundler cannot see them (STACK.md 1, 6).
      runtimeDependencies: ['pg'],
      sourceMap: true,
      // production-bundle.spec.ts skips the checker: `npm test` type-checks the tree in its own step.
      skipTypeChecking: process.env.HUB_BUILD_SKIP_TYPECHECK === 'true',
    }),
  ],
};
