import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessScope, Can } from '@hub/access';
import { Connection } from '@hub/graphql';
import { MarkNotificationsReadInput, MarkNotificationsReadPayload } from './mark-notifications-read.input';
import { NotificationsArgs } from './notification.args';
import { Notification, NotificationConnection } from './notification.model';
import { NotificationService } from './notification.service';

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Can('read', 'Notification')
  @Query(() => NotificationConnection, { description: "The caller's agency's notifications, newest first" })
  notifications(
    @Access() scope: AccessScope,
    @Args() args: NotificationsArgs,
  ): Promise<Connection<Notification>> {
    return this.service.list(scope, args);
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
}
