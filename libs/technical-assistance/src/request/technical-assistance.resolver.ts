import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Agency, AgencyService } from '@hub/agencies';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Connection, requestLoader } from '@hub/graphql';
import {
  AddTechnicalAssistanceMessageInput,
  AddTechnicalAssistanceMessagePayload,
  AssignTechnicalAssistanceInput,
  CloseTechnicalAssistanceInput,
  DeclineTechnicalAssistanceInput,
  DeliverTechnicalAssistanceInput,
  RecordTechnicalAssistanceSessionInput,
  RecordTechnicalAssistanceSessionPayload,
  RequestTechnicalAssistanceInput,
  StartTechnicalAssistanceInput,
  TechnicalAssistanceRequestPayload,
  TechnicalAssistanceRequestsArgs,
  TriageTechnicalAssistanceInput,
  WithdrawTechnicalAssistanceInput,
} from './technical-assistance.input';
import {
  TechnicalAssistanceEvent,
  TechnicalAssistanceMessage,
  TechnicalAssistanceRequest,
  TechnicalAssistanceRequestConnection,
  TechnicalAssistanceSession,
} from './technical-assistance.model';
import { availableActions, TechnicalAssistanceAction } from './technical-assistance-actions';
import { TechnicalAssistanceRequestService } from './technical-assistance-request.service';
import { TechnicalAssistanceSessionService } from './technical-assistance-session.service';
import { TechnicalAssistanceThreadService } from './technical-assistance-thread.service';
import { TechnicalAssistanceTransitionsService } from './technical-assistance-transitions.service';

const CHANGE =
  'Carries expectedVersion: a stale one is CONFLICT; a status that does not allow it is ILLEGAL_TRANSITION.';

@Resolver(() => TechnicalAssistanceRequest)
export class TechnicalAssistanceResolver {
  constructor(
    private readonly requests: TechnicalAssistanceRequestService,
    private readonly transitions: TechnicalAssistanceTransitionsService,
    private readonly sessionService: TechnicalAssistanceSessionService,
    private readonly thread: TechnicalAssistanceThreadService,
    private readonly agencies: AgencyService,
  ) {}

  @Can('read', 'TechnicalAssistanceRequest')
  @Query(() => TechnicalAssistanceRequestConnection, {
    description: 'Technical-assistance requests the caller may see, newest first',
  })
  technicalAssistanceRequests(
    @Access() scope: AccessScope,
    @Args() args: TechnicalAssistanceRequestsArgs,
  ): Promise<Connection<TechnicalAssistanceRequest>> {
    return this.requests.list(scope, args);
  }

  @Can('read', 'TechnicalAssistanceRequest')
  @Query(() => TechnicalAssistanceRequest, {
    description:
      'One request with its events, sessions and messages (NOT_FOUND unless the caller is a party)',
  })
  technicalAssistanceRequest(
    @Access() scope: AccessScope,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TechnicalAssistanceRequest> {
    return this.requests.get(scope, id);
  }

  @Can('create', 'TechnicalAssistanceRequest')
  @Mutation(() => TechnicalAssistanceRequestPayload, {
    description:
      'Ask the task force for technical assistance (supervisor or agency admin of a member agency). No survivor personal data.',
  })
  async requestTechnicalAssistance(
    @Access() scope: AccessScope,
    @Args('input') input: RequestTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequestPayload> {
    return { request: await this.requests.request(scope, input) };
  }

  @Can('triage', 'TechnicalAssistanceRequest')
  @Mutation(() => TechnicalAssistanceRequestPayload, {
    description: `SUBMITTED → TRIAGED with a priority (the task force's coordinator). ${CHANGE}`,
  })
  async triageTechnicalAssistance(
    @Access() scope: AccessScope,
    @Args('input') input: TriageTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequestPayload> {
    return { request: await this.transitions.triage(scope, input) };
  }

  @Can('assign', 'TechnicalAssistanceRequest')
  @Mutation(() => TechnicalAssistanceRequestPayload, {
    description: `TRIAGED → ASSIGNED to a TA_PROVIDER or FEDERAL_PARTNER agency (the coordinator). ${CHANGE}`,
  })
  async assignTechnicalAssistance(
    @Access() scope: AccessScope,
    @Args('input') input: AssignTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequestPayload> {
    return { request: await this.transitions.assign(scope, input) };
  }

  @Can('start', 'TechnicalAssistanceRequest')
  @Mutation(() => TechnicalAssistanceRequestPayload, {
    description: `ASSIGNED → IN_PROGRESS (ta_provider or federal_partner of the assigned agency). ${CHANGE}`,
  })
  async startTechnicalAssistance(
    @Access() scope: AccessScope,
    @Args('input') input: StartTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequestPayload> {
    return { request: await this.transitions.start(scope, input) };
  }

  @Can('recordSession', 'TechnicalAssistanceRequest')
  @Mutation(() => RecordTechnicalAssistanceSessionPayload, {
    description: `Record a session while IN_PROGRESS (the assigned provider); with attendance it is a training. ${CHANGE}`,
  })
  async recordTechnicalAssistanceSession(
    @Access() scope: AccessScope,
    @Args('input') input: RecordTechnicalAssistanceSessionInput,
  ): Promise<RecordTechnicalAssistanceSessionPayload> {
    return this.sessionService.recordSession(scope, input);
  }

  @Can('deliver', 'TechnicalAssistanceRequest')
  @Mutation(() => TechnicalAssistanceRequestPayload, {
    description: `IN_PROGRESS → DELIVERED once a session is recorded (the assigned provider). ${CHANGE}`,
  })
  async deliverTechnicalAssistance(
    @Access() scope: AccessScope,
    @Args('input') input: DeliverTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequestPayload> {
    return { request: await this.transitions.deliver(scope, input) };
  }

  @Can('close', 'TechnicalAssistanceRequest')
  @Mutation(() => TechnicalAssistanceRequestPayload, {
    description: `DELIVERED → CLOSED with a rating (the requesting agency's supervisor or admin). ${CHANGE}`,
  })
  async closeTechnicalAssistance(
    @Access() scope: AccessScope,
    @Args('input') input: CloseTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequestPayload> {
    return { request: await this.transitions.close(scope, input) };
  }

  @Can('decline', 'TechnicalAssistanceRequest')
  @Mutation(() => TechnicalAssistanceRequestPayload, {
    description: `SUBMITTED or TRIAGED → DECLINED with a reason (the coordinator). ${CHANGE}`,
  })
  async declineTechnicalAssistance(
    @Access() scope: AccessScope,
    @Args('input') input: DeclineTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequestPayload> {
    return { request: await this.transitions.decline(scope, input) };
  }

  @Can('withdraw', 'TechnicalAssistanceRequest')
  @Mutation(() => TechnicalAssistanceRequestPayload, {
    description: `Any status before DELIVERED → WITHDRAWN (the requesting agency's supervisor or admin). ${CHANGE}`,
  })
  async withdrawTechnicalAssistance(
    @Access() scope: AccessScope,
    @Args('input') input: WithdrawTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequestPayload> {
    return { request: await this.transitions.withdraw(scope, input) };
  }

  @Can('message', 'TechnicalAssistanceRequest')
  @Mutation(() => AddTechnicalAssistanceMessagePayload, {
    description: "Write in a request's thread (any party). No survivor personal data.",
  })
  async addTechnicalAssistanceMessage(
    @Access() scope: AccessScope,
    @Args('input') input: AddTechnicalAssistanceMessageInput,
  ): Promise<AddTechnicalAssistanceMessagePayload> {
    return { message: await this.thread.addMessage(scope, input) };
  }

  @ResolveField(() => Agency)
  requestingAgency(
    @Parent() request: TechnicalAssistanceRequest,
    @Context('req') req: object,
  ): Promise<Agency> {
    return this.agencyLoader(req).load(request.requestingAgencyId);
  }

  @ResolveField(() => Agency, { nullable: true })
  async assignedAgency(
    @Parent() request: TechnicalAssistanceRequest,
    @Context('req') req: object,
  ): Promise<Agency | null> {
    return request.assignedAgencyId ? this.agencyLoader(req).load(request.assignedAgencyId) : null;
  }

  // The parent was read under the policy, so its events, sessions and messages are the caller's to see.
  @ResolveField(() => [TechnicalAssistanceEvent])
  events(
    @Parent() request: TechnicalAssistanceRequest,
    @Context('req') req: object,
  ): Promise<TechnicalAssistanceEvent[]> {
    return requestLoader<string, TechnicalAssistanceEvent[]>(req, 'ta.events', (ids) =>
      this.requests.eventsOf(ids),
    ).load(request.id);
  }

  @ResolveField(() => [TechnicalAssistanceSession])
  sessions(
    @Parent() request: TechnicalAssistanceRequest,
    @Context('req') req: object,
  ): Promise<TechnicalAssistanceSession[]> {
    return this.sessionLoader(req).load(request.id);
  }

  // Through the sessions' loader: asked for with `sessions`, a page's sessions are read once for both.
  @ResolveField(() => [TechnicalAssistanceAction], {
    description:
      'The mutations the caller may make on this request now (policy and lifecycle; DELIVER once a session is recorded): show only these. A listed one can still be refused for its input, or as CONFLICT when the request changed meanwhile.',
  })
  async availableActions(
    @Parent() request: TechnicalAssistanceRequest,
    @Context('req') req: object,
  ): Promise<TechnicalAssistanceAction[]> {
    const sessions = await this.sessionLoader(req).load(request.id);
    return availableActions(accessOf(req).ability, request, sessions.length);
  }

  @ResolveField(() => [TechnicalAssistanceMessage])
  messages(
    @Parent() request: TechnicalAssistanceRequest,
    @Context('req') req: object,
  ): Promise<TechnicalAssistanceMessage[]> {
    return requestLoader<string, TechnicalAssistanceMessage[]>(req, 'ta.messages', (ids) =>
      this.thread.messagesOf(ids),
    ).load(request.id);
  }

  private sessionLoader(req: object) {
    return requestLoader<string, TechnicalAssistanceSession[]>(req, 'ta.sessions', (ids) =>
      this.sessionService.sessionsOf(ids),
    );
  }

  private agencyLoader(req: object) {
    const scope = accessOf(req);
    return requestLoader<string, Agency>(req, 'agency.byId', (ids) => this.agencies.getMany(scope, ids));
  }
}
