module.exports = {
  displayName: 'protocols',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/protocols',
};
