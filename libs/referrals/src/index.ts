export * from './referrals.module';
export { referralsMigrations } from './migrations';

/** Tables this lib owns, gathered by the app. */
export const referralsEntities = [];
