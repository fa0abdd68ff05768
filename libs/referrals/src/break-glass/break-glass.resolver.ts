import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessScope, Can } from '@hub/access';
import { Connection, PageArgs } from '@hub/graphql';
import {
  BreakGlassSession,
  BreakGlassSessionConnection,
  OpenBreakGlassInput,
  OpenBreakGlassPayload,
} from './break-glass.model';
import { BreakGlassService } from './break-glass.service';

@Resolver(() => BreakGlassSession)
export class BreakGlassResolver {
  constructor(private readonly service: BreakGlassService) {}

  @Can('openBreakGlass', 'Survivor')
  @Mutation(() => OpenBreakGlassPayload, {
    description:
      'Imminent danger: open identity and contact of a survivor your agency has a referral about, for a short time',
  })
  async openBreakGlass(
    @Access() scope: AccessScope,
    @Args('input') input: OpenBreakGlassInput,
  ): Promise<OpenBreakGlassPayload> {
    return { session: await this.service.open(scope, input) };
  }

  @Can('read', 'BreakGlass')
  @Query(() => BreakGlassSessionConnection, { description: 'Break-glass uses for review, newest first' })
  breakGlassSessions(
    @Access() scope: AccessScope,
    @Args() args: PageArgs,
  ): Promise<Connection<BreakGlassSession>> {
    return this.service.list(scope, args);
  }
}
