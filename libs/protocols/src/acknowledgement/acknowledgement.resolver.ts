import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Agency, AgencyService } from '@hub/agencies';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Connection, requestLoader } from '@hub/graphql';
import {
  ProtocolAcknowledgement,
  ProtocolAcknowledgementStatus,
  ProtocolVersion,
  ProtocolVersionConnection,
} from '../protocol/protocol.model';
import {
  AcknowledgeProtocolInput,
  AcknowledgeProtocolPayload,
  PendingAcknowledgementsArgs,
} from './acknowledgement.inputs';
import { AcknowledgementService } from './acknowledgement.service';

@Resolver(() => ProtocolAcknowledgement)
export class AcknowledgementResolver {
  constructor(private readonly service: AcknowledgementService) {}

  @Can('create', 'ProtocolAcknowledgement')
  @Mutation(() => AcknowledgeProtocolPayload, {
    description:
      'Confirm, on behalf of your agency, that it read the version in force (supervisors and agency admins of audience agencies)',
  })
  async acknowledgeProtocol(
    @Access() scope: AccessScope,
    @Args('input') input: AcknowledgeProtocolInput,
  ): Promise<AcknowledgeProtocolPayload> {
    return { acknowledgement: await this.service.acknowledge(scope, input) };
  }

  @Can('read', 'ProtocolVersion')
  @Query(() => ProtocolVersionConnection, {
    description: "Versions in force that the caller's agency has yet to acknowledge, oldest first",
  })
  pendingAcknowledgements(
    @Access() scope: AccessScope,
    @Args() args: PendingAcknowledgementsArgs,
  ): Promise<Connection<ProtocolVersion>> {
    return this.service.pending(scope, args);
  }
}

@Resolver(() => ProtocolAcknowledgementStatus)
export class AcknowledgementStatusResolver {
  constructor(private readonly agencies: AgencyService) {}

  @ResolveField(() => Agency)
  agency(@Parent() status: ProtocolAcknowledgementStatus, @Context('req') req: object): Promise<Agency> {
    const scope = accessOf(req);
    return requestLoader<string, Agency>(req, 'agency.byId', (ids) => this.agencies.getMany(scope, ids)).load(
      status.agencyId,
    );
  }
}
