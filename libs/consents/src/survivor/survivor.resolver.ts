import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Agency, AgencyService } from '@hub/agencies';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Connection, requestLoader, selectedFields } from '@hub/graphql';
import { CreateSurvivorInput, SurvivorPayload, SurvivorsArgs, UpdateSurvivorInput } from './survivor.inputs';
import { Survivor, SurvivorConnection } from './survivor.model';
import { SurvivorService } from './survivor.service';

@Resolver(() => Survivor)
export class SurvivorResolver {
  constructor(
    private readonly service: SurvivorService,
    private readonly agencies: AgencyService,
  ) {}

  @Can('read', 'Survivor')
  @Query(() => SurvivorConnection, { description: 'Survivor records the caller may see, newest first' })
  survivors(
    @Access() scope: AccessScope,
    @Args() args: SurvivorsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Survivor>> {
    return this.service.list(scope, args, selectedFields(info, ['edges', 'node']));
  }

  @Can('read', 'Survivor')
  @Query(() => Survivor)
  survivor(
    @Access() scope: AccessScope,
    @Args('id', { type: () => ID }) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Survivor> {
    return this.service.get(scope, id, selectedFields(info));
  }

  @Can('create', 'Survivor')
  @Mutation(() => SurvivorPayload)
  async createSurvivor(
    @Access() scope: AccessScope,
    @Args('input') input: CreateSurvivorInput,
  ): Promise<SurvivorPayload> {
    return { survivor: await this.service.create(scope, input) };
  }

  @Can('update', 'Survivor')
  @Mutation(() => SurvivorPayload)
  async updateSurvivor(
    @Access() scope: AccessScope,
    @Args('input') input: UpdateSurvivorInput,
  ): Promise<SurvivorPayload> {
    return { survivor: await this.service.update(scope, input) };
  }

  @ResolveField(() => Agency)
  ownerAgency(@Parent() survivor: Survivor, @Context('req') req: object): Promise<Agency> {
    const scope = accessOf(req);
    return requestLoader<string, Agency>(req, 'agency.byId', (ids) => this.agencies.getMany(scope, ids)).load(
      survivor.ownerAgencyId,
    );
  }
}
