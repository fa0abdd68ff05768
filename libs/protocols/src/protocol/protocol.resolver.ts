import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Agency, AgencyService } from '@hub/agencies';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Connection, requestLoader } from '@hub/graphql';
import { AcknowledgementService } from '../acknowledgement/acknowledgement.service';
import { renderProtocolMarkdown } from '../markdown/protocol-markdown';
import { availableProtocolActions, ProtocolAction } from './protocol-actions';
import { ProtocolVersionState } from './protocol.enums';
import {
  ArchiveProtocolInput,
  CreateProtocolInput,
  ProtocolPayload,
  ProtocolPreview,
  ProtocolPreviewArgs,
  ProtocolsArgs,
  PublishProtocolVersionInput,
  UpdateProtocolDraftInput,
} from './protocol.inputs';
import {
  Protocol,
  ProtocolAcknowledgementStatus,
  ProtocolConnection,
  ProtocolEvent,
  ProtocolVersion,
} from './protocol.model';
import { ProtocolService } from './protocol.service';

/** Per request: each version's acknowledgement statuses the caller may see (shared by the fields that need them). */
function acknowledgementsLoader(req: object, service: AcknowledgementService) {
  const scope = accessOf(req);
  return requestLoader<string, ProtocolAcknowledgementStatus[]>(
    req,
    'protocolVersion.acknowledgements',
    (ids) => service.statusesOf(scope, ids),
  );
}

@Resolver(() => Protocol)
export class ProtocolResolver {
  constructor(
    private readonly service: ProtocolService,
    private readonly agencies: AgencyService,
    private readonly acknowledgementService: AcknowledgementService,
  ) {}

  @Can('read', 'Protocol')
  @Query(() => ProtocolConnection, {
    description: "Protocols of the caller's task forces that the caller may see, by title",
  })
  protocols(@Access() scope: AccessScope, @Args() args: ProtocolsArgs): Promise<Connection<Protocol>> {
    return this.service.list(scope, args);
  }

  @Can('read', 'Protocol')
  @Query(() => Protocol, { description: 'A protocol; NOT_FOUND when the caller may not see it' })
  protocol(@Access() scope: AccessScope, @Args('id', { type: () => ID }) id: string): Promise<Protocol> {
    return this.service.get(scope, id);
  }

  @Can('create', 'Protocol')
  @Query(() => ProtocolPreview, {
    description:
      'A Markdown body as readers will see it once published: the same sanitised HTML as ProtocolVersion.bodyHtml (coordinators, while writing; nothing is saved)',
  })
  async protocolPreview(
    @Access() scope: AccessScope,
    @Args() args: ProtocolPreviewArgs,
  ): Promise<ProtocolPreview> {
    return { bodyHtml: await this.service.preview(scope, args.body) };
  }

  @Can('create', 'Protocol')
  @Mutation(() => ProtocolPayload, { description: 'A new protocol with its first draft (coordinators)' })
  async createProtocol(
    @Access() scope: AccessScope,
    @Args('input') input: CreateProtocolInput,
  ): Promise<ProtocolPayload> {
    return { protocol: await this.service.create(scope, input) };
  }

  @Can('update', 'Protocol')
  @Mutation(() => ProtocolPayload, {
    description: 'Change the draft, or start a new draft version from the published one (coordinators)',
  })
  async updateProtocolDraft(
    @Access() scope: AccessScope,
    @Args('input') input: UpdateProtocolDraftInput,
  ): Promise<ProtocolPayload> {
    return { protocol: await this.service.updateDraft(scope, input) };
  }

  @Can('publish', 'Protocol')
  @Mutation(() => ProtocolPayload, {
    description:
      'Publish a draft: it comes into force, the previous version is superseded, audience agencies are notified (coordinators)',
  })
  async publishProtocolVersion(
    @Access() scope: AccessScope,
    @Args('input') input: PublishProtocolVersionInput,
  ): Promise<ProtocolPayload> {
    return { protocol: await this.service.publish(scope, input) };
  }

  @Can('archive', 'Protocol')
  @Mutation(() => ProtocolPayload, { description: 'Withdraw the whole protocol (coordinators)' })
  async archiveProtocol(
    @Access() scope: AccessScope,
    @Args('input') input: ArchiveProtocolInput,
  ): Promise<ProtocolPayload> {
    return { protocol: await this.service.archive(scope, input) };
  }

  @ResolveField(() => Agency)
  ownerAgency(@Parent() protocol: Protocol, @Context('req') req: object): Promise<Agency> {
    const scope = accessOf(req);
    return requestLoader<string, Agency>(req, 'agency.byId', (ids) => this.agencies.getMany(scope, ids)).load(
      protocol.ownerAgencyId,
    );
  }

  @ResolveField(() => ProtocolVersion, { nullable: true })
  async currentVersion(
    @Parent() protocol: Protocol,
    @Context('req') req: object,
  ): Promise<ProtocolVersion | null> {
    const versions = await this.versions(protocol, req);
    return versions.find((version) => version.state === ProtocolVersionState.PUBLISHED) ?? null;
  }

  @ResolveField(() => ProtocolVersion, { nullable: true })
  async draft(@Parent() protocol: Protocol, @Context('req') req: object): Promise<ProtocolVersion | null> {
    const versions = await this.versions(protocol, req);
    return versions.find((version) => version.state === ProtocolVersionState.DRAFT) ?? null;
  }

  @ResolveField(() => [ProtocolAction], {
    description:
      'The mutations the caller may make on this protocol now (policy and lifecycle): show only these. A listed action can still be refused for its input, or as CONFLICT when the protocol changed meanwhile.',
  })
  async availableActions(
    @Parent() protocol: Protocol,
    @Context('req') req: object,
  ): Promise<ProtocolAction[]> {
    const { ability, actor } = accessOf(req);
    const versions = await this.versions(protocol, req);
    const current = versions.find((version) => version.state === ProtocolVersionState.PUBLISHED) ?? null;
    const statuses =
      current && actor.agencyId
        ? await acknowledgementsLoader(req, this.acknowledgementService).load(current.id)
        : [];
    return availableProtocolActions(ability, actor.agencyId, {
      protocol,
      hasDraft: versions.some((version) => version.state === ProtocolVersionState.DRAFT),
      current: current && {
        audience: current.audience,
        state: current.state,
        acknowledgedByMyAgency: statuses.some(
          (status) => status.agencyId === actor.agencyId && status.acknowledged,
        ),
      },
    });
  }

  @ResolveField(() => [ProtocolVersion])
  versions(@Parent() protocol: Protocol, @Context('req') req: object): Promise<ProtocolVersion[]> {
    const scope = accessOf(req);
    return requestLoader<string, ProtocolVersion[]>(req, 'protocol.versions', (ids) =>
      this.service.versionsOf(scope, ids),
    ).load(protocol.id);
  }

  // The parent was read under the policy, so its events are the caller's to see.
  @ResolveField(() => [ProtocolEvent])
  events(@Parent() protocol: Protocol, @Context('req') req: object): Promise<ProtocolEvent[]> {
    return requestLoader<string, ProtocolEvent[]>(req, 'protocol.events', (ids) =>
      this.service.eventsOf('Protocol', ids),
    ).load(protocol.id);
  }
}

@Resolver(() => ProtocolVersion)
export class ProtocolVersionResolver {
  constructor(
    private readonly service: ProtocolService,
    private readonly acknowledgementService: AcknowledgementService,
  ) {}

  @ResolveField(() => String)
  bodyHtml(@Parent() version: ProtocolVersion): string {
    return renderProtocolMarkdown(version.body);
  }

  @ResolveField(() => [ProtocolAcknowledgementStatus])
  acknowledgements(
    @Parent() version: ProtocolVersion,
    @Context('req') req: object,
  ): Promise<ProtocolAcknowledgementStatus[]> {
    return acknowledgementsLoader(req, this.acknowledgementService).load(version.id);
  }

  // The parent was read under the policy, so its events are the caller's to see.
  @ResolveField(() => [ProtocolEvent])
  events(@Parent() version: ProtocolVersion, @Context('req') req: object): Promise<ProtocolEvent[]> {
    return requestLoader<string, ProtocolEvent[]>(req, 'protocolVersion.events', (ids) =>
      this.service.eventsOf('ProtocolVersion', ids),
    ).load(version.id);
  }

  @ResolveField(() => Protocol, { description: 'The protocol this version belongs to' })
  protocol(@Parent() version: ProtocolVersion, @Context('req') req: object): Promise<Protocol> {
    const scope = accessOf(req);
    return requestLoader<string, Protocol>(req, 'protocol.byId', (ids) =>
      this.service.getMany(scope, ids),
    ).load(version.protocolId);
  }
}
