module.exports = {
  displayName: 'agencies',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/agencies',
};
