module.exports = {
  displayName: 'referrals',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/referrals',
};
