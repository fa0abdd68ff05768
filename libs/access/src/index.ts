export * from './subjects';
export * from './policy';
export * from './access-scope';
export * from './survivor-data';
export * from './referral.rules';
export * from './protocol.rules';
export * from './technical-assistance.rules';
export * from './can';
