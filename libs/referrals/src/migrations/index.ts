import { CreateReferrals1763850000000 } from './1763850000000-create-referrals';
import { CreateBreakGlass1763870000000 } from './1763870000000-create-break-glass';
import { ReferralSentAt1763920000000 } from './1763920000000-referral-sent-at';
import { BreakGlassEndAndReview1764650100000 } from './1764650100000-break-glass-end-and-review';
import { ReferralsOnWorkflow1764700000000 } from './1764700000000-referrals-on-workflow';
import { ReferralKeysOnWorkflow1764700100000 } from './1764700100000-referral-keys-on-workflow';
import { ReferralTimeRuleIndexes1765100100000 } from './1765100100000-referral-time-rule-indexes';
import { ReferralBoxCounts1765300000000 } from './1765300000000-referral-box-counts';

export const referralsMigrations = [
  CreateReferrals1763850000000,
  CreateBreakGlass1763870000000,
  ReferralSentAt1763920000000,
  BreakGlassEndAndReview1764650100000,
  ReferralsOnWorkflow1764700000000,
  ReferralKeysOnWorkflow1764700100000,
  ReferralTimeRuleIndexes1765100100000,
  ReferralBoxCounts1765300000000,
];
