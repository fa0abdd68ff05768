import { BreakGlassEntity } from './break-glass/break-glass.entity';
import { ReferralEntity } from './referral/referral.entity';

export * from './referrals.module';
export { referralsMigrations } from './migrations';
export { ReferralService } from './referral/referral.service';
export { type ExpiryCause, ReferralExpiry } from './referral/referral-expiry';
export { ReferralReminders } from './referral/referral-reminders';
export { breakGlassNoticeFactsSql, referralNoticeFactsSql } from './referral/referral-notice-facts';
export * from './referral/referral.enums';
export { ReferralAction } from './referral/referral-actions';
/** What each field of Referral reads of its row (the inbox reads what its selection needs); for tests. */
export { REFERRAL_FIELD_COLUMNS } from './referral/referral-record';
export { SurvivorAction } from './survivor-actions/survivor-actions';
export { breakGlassConfig } from './break-glass/break-glass.config';

/** Tables this lib owns, gathered by the app. */
export const referralsEntities = [ReferralEntity, BreakGlassEntity];
