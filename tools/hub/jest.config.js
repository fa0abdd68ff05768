module.exports = {
  displayName: 'hub-tools',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/hub',
};
