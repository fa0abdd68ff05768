module.exports = {
  displayName: 'auth',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/auth',
};
