import { CreateReferrals1763850000000 } from './1763850000000-create-referrals';
import { CreateBreakGlass1763870000000 } from './1763870000000-create-break-glass';
import { BreakGlassEndAndReview1764650100000 } from './1764650100000-break-glass-end-and-review';

export const referralsMigrations = [
  CreateReferrals1763850000000,
  CreateBreakGlass1763870000000,
  BreakGlassEndAndReview1764650100000,
];
