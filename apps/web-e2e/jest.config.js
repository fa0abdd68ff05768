module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/web-e2e',
  // One browser flow against real processes: starting them takes a while on a busy machine.
  testTimeout: 120_000,
};
