module.exports = {
  displayName: 'notifications',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/notifications',
};
