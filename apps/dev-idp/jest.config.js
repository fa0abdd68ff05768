module.exports = {
  displayName: 'dev-idp',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/dev-idp',
};
