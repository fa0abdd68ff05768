module.exports = {
  displayName: 'demo-data',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/demo-data',
};
