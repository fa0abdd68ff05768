import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@hub/auth';
import { Access, AccessScope, Can } from '@hub/access';
import { Connection, PageArgs } from '@hub/graphql';
import { CreateResourceInput, RetireResourceInput, UpdateResourceInput } from './resource.inputs';
import { Resource, ResourceConnection, ResourcePayload } from './resource.model';
import { ResourceService } from './resource.service';

@Resolver(() => Resource)
export class ResourceResolver {
  constructor(private readonly service: ResourceService) {}

  @Public()
  @Query(() => ResourceConnection, { description: 'Public hotlines and help lines (retired ones left out)' })
  resources(@Args() args: PageArgs): Promise<Connection<Resource>> {
    return this.service.list(args);
  }

  @Can('create', 'Resource')
  @Mutation(() => ResourcePayload, {
    description: "A task force's coordinators add its hotlines; platform administrators national ones",
  })
  async createResource(
    @Access() scope: AccessScope,
    @Args('input') input: CreateResourceInput,
  ): Promise<ResourcePayload> {
    return { resource: await this.service.create(scope, input) };
  }

  @Can('update', 'Resource')
  @Mutation(() => ResourcePayload, { description: 'Edit a hotline (from the version last read)' })
  async updateResource(
    @Access() scope: AccessScope,
    @Args('input') input: UpdateResourceInput,
  ): Promise<ResourcePayload> {
    return { resource: await this.service.update(scope, input) };
  }

  @Can('retire', 'Resource')
  @Mutation(() => ResourcePayload, { description: 'Retire a hotline: it leaves the public list' })
  async retireResource(
    @Access() scope: AccessScope,
    @Args('input') input: RetireResourceInput,
  ): Promise<ResourcePayload> {
    return { resource: await this.service.retire(scope, input) };
  }
}
