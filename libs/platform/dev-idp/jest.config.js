module.exports = {
  displayName: 'dev-idp-core',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/dev-idp',
};
