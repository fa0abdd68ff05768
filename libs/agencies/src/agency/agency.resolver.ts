import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '@hub/auth';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Connection } from '@hub/graphql';
import { AgencyAction, availableAgencyActions } from './agency-actions';
import { AgenciesArgs, DirectoryArgs } from './agency.args';
import { CreateAgencyInput, DeactivateAgencyInput, UpdateAgencyInput } from './agency-registration.inputs';
import { AgencyRegistrationService } from './agency-registration.service';
import { Agency, AgencyConnection, AgencyPayload } from './agency.model';
import { AgencyService } from './agency.service';
import { UpdateAgencyProfileInput, UpdateAgencyProfilePayload } from './update-agency-profile.input';

@Resolver(() => Agency)
export class AgencyResolver {
  constructor(
    private readonly service: AgencyService,
    private readonly registrations: AgencyRegistrationService,
  ) {}

  @Can('read', 'Agency')
  @Query(() => AgencyConnection, { description: 'Member agencies, by name' })
  agencies(@Access() scope: AccessScope, @Args() args: AgenciesArgs): Promise<Connection<Agency>> {
    return this.service.list(scope, args);
  }

  @Can('read', 'Agency')
  @Query(() => Agency)
  agency(@Access() scope: AccessScope, @Args('id', { type: () => ID }) id: string): Promise<Agency> {
    return this.service.get(scope, id);
  }

  @Public()
  @Query(() => AgencyConnection, {
    description:
      'Public service directory: agencies by need, language, area and whether they accept referrals',
  })
  directory(@Access() scope: AccessScope, @Args() args: DirectoryArgs): Promise<Connection<Agency>> {
    return this.service.directory(scope, args);
  }

  @ResolveField(() => [AgencyAction], {
    description:
      'The mutations the caller may make on this agency (the policy): show only these. A listed action can still be refused for its input, or as CONFLICT when the agency changed meanwhile.',
  })
  availableActions(@Parent() agency: Agency, @Context('req') req: object): AgencyAction[] {
    return availableAgencyActions(accessOf(req).ability, agency);
  }

  @Can('update', 'Agency')
  @Mutation(() => UpdateAgencyProfilePayload, {
    description: "Agency admins update their own agency's profile",
  })
  async updateAgencyProfile(
    @Access() scope: AccessScope,
    @Args('input') input: UpdateAgencyProfileInput,
  ): Promise<UpdateAgencyProfilePayload> {
    return { agency: await this.service.updateProfile(scope, input) };
  }

  @Can('create', 'Agency')
  @Mutation(() => AgencyPayload, { description: 'Platform administrators register an agency' })
  async createAgency(
    @Access() scope: AccessScope,
    @Args('input') input: CreateAgencyInput,
  ): Promise<AgencyPayload> {
    return { agency: await this.registrations.create(scope, input) };
  }

  @Can('administer', 'Agency')
  @Mutation(() => AgencyPayload, {
    description:
      "Platform administrators edit an agency's registration (name, type, jurisdiction, contact, confidential flag)",
  })
  async updateAgency(
    @Access() scope: AccessScope,
    @Args('input') input: UpdateAgencyInput,
  ): Promise<AgencyPayload> {
    return { agency: await this.registrations.update(scope, input) };
  }

  @Can('deactivate', 'Agency')
  @Mutation(() => AgencyPayload, {
    description:
      'Platform administrators take an agency off the hub: its users are refused at once, its records stay, its open referrals go back to their senders as declined',
  })
  async deactivateAgency(
    @Access() scope: AccessScope,
    @Args('input') input: DeactivateAgencyInput,
  ): Promise<AgencyPayload> {
    return { agency: await this.registrations.deactivate(scope, input) };
  }
}
