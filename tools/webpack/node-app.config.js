const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

/**
 * The production bundle of a Node app of the workspace (apps/api, apps/worker): dist/apps/<name>/
 * main.js (and any other entry points) with a generated package.json listing the runtime
 * dependencies to install beside it (docker/*.Dockerfile).
 */
module.exports = function nodeAppConfig({ dirname, name, additionalEntryPoints = [] }) {
  return {
    output: {
      path: join(dirname, `../../dist/apps/${name}`),
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
        additionalEntryPoints,
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        // Loaded lazily by @nestjs/apollo or TypeORM, so the bundler cannot see them (STACK.md 1, 6).
        runtimeDependencies: ['pg'],
        sourceMap: true,
        // The bundle tests skip the checker: `npm test` type-checks the tree in its own step.
        skipTypeChecking: process.env.HUB_BUILD_SKIP_TYPECHECK === 'true',
      }),
    ],
  };
};
