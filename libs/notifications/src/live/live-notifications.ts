import { Injectable } from '@nestjs/common';
import { LiveAccessScope } from '@hub/access';
import { liveStream } from '@hub/graphql';
import { Notification } from '../notification/notification.model';
import { NotificationService } from '../notification/notification.service';
import { NotificationSignals, RESYNC } from './notification-signals';

/** The `notificationReceived` subscription: new notifications as they commit, on any replica. */
@Injectable()
export class LiveNotifications {
  constructor(
    private readonly notifications: NotificationService,
    private readonly signals: NotificationSignals,
  ) {}

  /**
   * The caller's agency's notifications as they are created, each read by id under the caller's
   * access at that moment: exactly what `notifications` would show them, never the signal itself.
   */
  async received(live: LiveAccessScope): Promise<AsyncIterableIterator<Notification>> {
    const { agencyId } = this.notifications.feedOwner(live.scope);
    return liveStream(await this.signals.of(agencyId), async ([signal]) => {
      // What was announced while the listener was away is lost; the feed query still has it.
      if (signal === RESYNC) return [];
      const scope = await live.refresh();
      if (!scope) return null;
      return this.notifications.visible(scope, [signal.notificationId]);
    });
  }
}
