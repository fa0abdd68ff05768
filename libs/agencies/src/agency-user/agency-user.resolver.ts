import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessScope, Can } from '@hub/access';
import { Connection, PageArgs } from '@hub/graphql';
import { AgencyUserPayload, ReinstateAgencyUserInput, SuspendAgencyUserInput } from './agency-user.inputs';
import { AgencyUser, AgencyUserConnection } from './agency-user.model';
import { AgencyUserService } from './agency-user.service';

@Resolver(() => AgencyUser)
export class AgencyUserResolver {
  constructor(private readonly service: AgencyUserService) {}

  @Can('read', 'AgencyUser')
  @Query(() => AgencyUserConnection, {
    description: 'Agency admins: the users the hub has seen for their agency, by username',
  })
  agencyUsers(@Access() scope: AccessScope, @Args() args: PageArgs): Promise<Connection<AgencyUser>> {
    return this.service.list(scope, args);
  }

  @Can('suspend', 'AgencyUser')
  @Mutation(() => AgencyUserPayload, {
    description: 'Agency admins: refuse every request of one of their users from now on (audited)',
  })
  async suspendAgencyUser(
    @Access() scope: AccessScope,
    @Args('input') input: SuspendAgencyUserInput,
  ): Promise<AgencyUserPayload> {
    return { user: await this.service.suspend(scope, input) };
  }

  @Can('reinstate', 'AgencyUser')
  @Mutation(() => AgencyUserPayload, { description: 'Agency admins: lift a suspension (audited)' })
  async reinstateAgencyUser(
    @Access() scope: AccessScope,
    @Args('input') input: ReinstateAgencyUserInput,
  ): Promise<AgencyUserPayload> {
    return { user: await this.service.reinstate(scope, input) };
  }
}
