import { CreateReferrals1763850000000 } from './1763850000000-create-referrals';

export const referralsMigrations = [CreateReferrals1763850000000];
