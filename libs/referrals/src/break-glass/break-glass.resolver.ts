import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Clock } from '@hub/config';
import { Connection, PageArgs } from '@hub/graphql';
import {
  BreakGlassSession,
  BreakGlassSessionConnection,
  BreakGlassSessionPayload,
  EndBreakGlassInput,
  OpenBreakGlassInput,
  OpenBreakGlassPayload,
  ReviewBreakGlassInput,
} from './break-glass.model';
import { BreakGlassService } from './break-glass.service';
import { BreakGlassSessionAction, breakGlassSessionActions } from './break-glass-actions';

@Resolver(() => BreakGlassSession)
export class BreakGlassResolver {
  constructor(
    private readonly service: BreakGlassService,
    private readonly clock: Clock,
  ) {}

  @Can('openBreakGlass', 'Survivor')
  @Mutation(() => OpenBreakGlassPayload, {
    description:
      'Imminent danger: open identity and contact of a survivor your agency has a referral about, to yourself, for a short time',
  })
  async openBreakGlass(
    @Access() scope: AccessScope,
    @Args('input') input: OpenBreakGlassInput,
  ): Promise<OpenBreakGlassPayload> {
    return { session: await this.service.open(scope, input) };
  }

  @Can('end', 'BreakGlass')
  @Mutation(() => BreakGlassSessionPayload, {
    description:
      "End a break-glass session before it expires: the owning agency's supervisor or admin, or the opener",
  })
  async endBreakGlass(
    @Access() scope: AccessScope,
    @Args('input') input: EndBreakGlassInput,
  ): Promise<BreakGlassSessionPayload> {
    return { session: await this.service.end(scope, input) };
  }

  @Can('review', 'BreakGlass')
  @Mutation(() => BreakGlassSessionPayload, {
    description: "Record the owning agency's finding on a break-glass use (its supervisor or admin, once)",
  })
  async reviewBreakGlass(
    @Access() scope: AccessScope,
    @Args('input') input: ReviewBreakGlassInput,
  ): Promise<BreakGlassSessionPayload> {
    return { session: await this.service.review(scope, input) };
  }

  @Can('read', 'BreakGlass')
  @Query(() => BreakGlassSessionConnection, { description: 'Break-glass uses for review, newest first' })
  breakGlassSessions(
    @Access() scope: AccessScope,
    @Args() args: PageArgs,
  ): Promise<Connection<BreakGlassSession>> {
    return this.service.list(scope, args);
  }

  @ResolveField(() => [BreakGlassSessionAction], {
    description:
      'The mutations the caller may make on this session now (policy and state): show only these. A listed one can still be refused as CONFLICT when the session ended or was reviewed meanwhile.',
  })
  availableActions(
    @Parent() session: BreakGlassSession,
    @Context('req') req: object,
  ): BreakGlassSessionAction[] {
    return breakGlassSessionActions(accessOf(req).ability, session, this.clock.now());
  }
}
