import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Access, AccessScope, Can, LiveAccess, LiveAccessScope } from '@hub/access';
import { Connection } from '@hub/graphql';
import { MarkNotificationsReadInput, MarkNotificationsReadPayload } from './mark-notifications-read.input';
import { NotificationsArgs } from './notification.args';
import { Notification, NotificationConnection } from './notification.model';
import { NotificationService } from './notification.service';
import { LiveNotifications } from '../live/live-notifications';

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(
    private readonly service: NotificationService,
    private readonly live: LiveNotifications,
  ) {}

  @Can('read', 'Notification')
  @Query(() => NotificationConnection, { description: "The caller's agency's notifications, newest first" })
  notifications(
    @Access() scope: AccessScope,
    @Args() args: NotificationsArgs,
  ): Promise<Connection<Notification>> {
    return this.service.list(scope, args);
  }

  @Can('read', 'Notification')
  @Query(() => Notification, {
    description: "One of the caller's agency's notifications (e-mails link to it); NOT_FOUND otherwise",
  })
  notification(
    @Access() scope: AccessScope,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Notification> {
    return this.service.get(scope, id);
  }

  @Can('read', 'Notification')
  @Query(() => Int, { description: "How many of the agency's notifications the caller has not read" })
  unreadNotificationCount(@Access() scope: AccessScope): Promise<number> {
    return this.service.unreadCount(scope);
  }

  @Can('read', 'Notification')
  @Mutation(() => MarkNotificationsReadPayload, {
    description: "Marks some (by id) or all of the agency's notifications read for the caller",
  })
  markNotificationsRead(
    @Access() scope: AccessScope,
    @Args('input') input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    return this.service.markRead(scope, input);
  }

  @Can('read', 'Notification')
  @Subscription(() => Notification, {
    description:
      "Each new notification of the caller's agency, as `notifications` would show it to the caller (graphql-ws)",
    resolve: (notification: Notification) => notification,
  })
  notificationReceived(@LiveAccess() live: LiveAccessScope): Promise<AsyncIterableIterator<Notification>> {
    return this.live.received(live);
  }
}
