import { Resolver, Subscription } from '@nestjs/graphql';
import { Can, LiveAccess, LiveAccessScope } from '@hub/access';
import { LiveInboxCounts } from './live-inbox-counts';
import { ReferralBoxCounts } from './referral.model';

@Resolver()
export class ReferralLiveResolver {
  constructor(private readonly inbox: LiveInboxCounts) {}

  @Can('read', 'Referral')
  @Subscription(() => ReferralBoxCounts, {
    description:
      "The caller's referral box counts (as `referrals { counts }` answers them): now, then each time they change (graphql-ws)",
    resolve: (counts: ReferralBoxCounts) => counts,
  })
  inboxCounts(@LiveAccess() live: LiveAccessScope): Promise<AsyncIterableIterator<ReferralBoxCounts>> {
    return this.inbox.counts(live);
  }
}
