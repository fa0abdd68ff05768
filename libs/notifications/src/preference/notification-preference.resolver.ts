import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessScope, Can } from '@hub/access';
import { Caller, CurrentUser } from '@hub/auth';
import { NotificationPreference } from './notification-preference.model';
import { NotificationPreferenceService } from './notification-preference.service';
import {
  SetNotificationPreferenceInput,
  SetNotificationPreferencePayload,
} from './set-notification-preference.input';

@Resolver(() => NotificationPreference)
export class NotificationPreferenceResolver {
  constructor(private readonly service: NotificationPreferenceService) {}

  @Can('read', 'NotificationPreference')
  @Query(() => NotificationPreference, {
    description: "How the caller hears of their agency's notifications (IN_APP_ONLY until they choose)",
  })
  notificationPreference(@Access() scope: AccessScope): Promise<NotificationPreference> {
    return this.service.get(scope);
  }

  @Can('update', 'NotificationPreference')
  @Mutation(() => SetNotificationPreferencePayload, {
    description:
      "Chooses how the caller hears of their agency's notifications; e-mail goes to the address of the caller's token",
  })
  async setNotificationPreference(
    @Access() scope: AccessScope,
    @CurrentUser() caller: Caller,
    @Args('input') input: SetNotificationPreferenceInput,
  ): Promise<SetNotificationPreferencePayload> {
    return { preference: await this.service.set(scope, caller?.email, input) };
  }
}
