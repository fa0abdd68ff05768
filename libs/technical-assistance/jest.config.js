module.exports = {
  displayName: 'technical-assistance',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/technical-assistance',
};
