module.exports = {
  displayName: 'consents',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/consents',
};
