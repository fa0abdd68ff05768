module.exports = {
  displayName: 'workflow',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/workflow',
};
