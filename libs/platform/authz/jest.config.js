module.exports = {
  displayName: 'authz',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/authz',
};
