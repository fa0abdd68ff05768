const nxPreset = require('@nx/jest/preset').default;

// SWC transpiles tests (type checking is the separate `typecheck` step), emitting the
// decorator metadata NestJS and TypeORM read at run time.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  ...nxPreset,
  // jest's Node environment with a code cache across test files (tools/jest/node-environment.js).
  testEnvironment: require.resolve('./tools/jest/node-environment.js'),
  transform: { '^.+\\.[tj]s$': swcTransform },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30_000,
  // Tests run in UTC whatever the machine's zone (STYLE.md: time is UTC).
  setupFiles: [require.resolve('./tools/jest/setup-env.js')],
  globalSetup: require.resolve('./tools/jest/global-setup.js'),
  globalTeardown: require.resolve('./tools/jest/global-teardown.js'),
};
