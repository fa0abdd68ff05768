module.exports = {
  displayName: 'graphql',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/graphql',
};
