import { Injectable } from '@nestjs/common';
import { EventEmitter, on } from 'node:events';
import { LiveAccessScope } from '@hub/access';
import { liveStream } from '@hub/graphql';
import { NotificationSignals } from '@hub/notifications';
import { ReferralBoxCounts } from './referral.model';
import { ReferralService } from './referral.service';

const same = (a: ReferralBoxCounts, b: ReferralBoxCounts) =>
  a.received === b.received && a.sent === b.sent && a.needsAction === b.needsAction && a.drafts === b.drafts;

/** The `inboxCounts` subscription: the caller's box counts now, then whenever they change. */
@Injectable()
export class LiveInboxCounts {
  constructor(
    private readonly referrals: ReferralService,
    private readonly signals: NotificationSignals,
  ) {}

  /**
   * Every change another agency makes to a referral of the caller's agency notifies it; each such
   * wake-up (and a re-sync after the listener was away) recounts under the caller's access at
   * that moment, and a count that did not move is not sent again.
   */
  async counts(live: LiveAccessScope): Promise<AsyncIterableIterator<ReferralBoxCounts>> {
    const agencyId = live.scope.actor.agencyId;
    // No agency, no boxes and nothing to wake on: the first (empty) counts, then silence.
    const wakeups = agencyId ? await this.signals.of(agencyId) : on(new EventEmitter(), 'never');
    let last: ReferralBoxCounts | null = null;
    const changed = (counts: ReferralBoxCounts) => {
      if (last && same(last, counts)) return [];
      last = counts;
      return [counts];
    };
    return liveStream(
      wakeups,
      async () => {
        const scope = await live.refresh();
        return scope ? changed(await this.referrals.counts(scope)) : null;
      },
      async () => changed(await this.referrals.counts(live.scope)),
    );
  }
}
