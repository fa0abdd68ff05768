import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@hub/auth';
import { Connection, PageArgs } from '@hub/graphql';
import { Resource, ResourceConnection } from './resource.model';
import { ResourceService } from './resource.service';

@Resolver(() => Resource)
export class ResourceResolver {
  constructor(private readonly service: ResourceService) {}

  @Public()
  @Query(() => ResourceConnection, { description: 'Public hotlines and help lines' })
  resources(@Args() args: PageArgs): Promise<Connection<Resource>> {
    return this.service.list(args);
  }
}
