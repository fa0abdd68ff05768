import { Args, Context, ID, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { Agency, AgencyService } from '@hub/agencies';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Survivor, SurvivorService, VisibleSurvivor } from '@hub/consents';
import { primeRequestLoader, RequestContext, requestLoader, selectedFields } from '@hub/graphql';
import {
  AddReferralMessageInput,
  CompleteReferralInput,
  CreateChildSafetyReferralInput,
  CreateReferralInput,
  DeclineReferralInput,
  FailReferralInput,
  ReferralMessagePayload,
  ReferralPayload,
  ReferralsArgs,
  ReferralTransitionInput,
} from './referral.inputs';
import { Referral, ReferralConnection, ReferralEvent, ReferralMessage } from './referral.model';
import { ChildSafetyService } from './child-safety.service';
import { ReferralIntakeService } from './referral-intake.service';
import { ReferralService } from './referral.service';

/** The request's agency loader, shared with every resolver that shows agencies. */
const AGENCY_BY_ID = 'agency.byId';
/** The request's loader of survivors as the caller may see them, which a page primes. */
const VISIBLE_SURVIVOR = 'survivor.visible';
const VISIBLE_REFERRAL = 'referral.visible';

/**
 * The fields selected under a field, sorted, as a key: once per selection, not per row (graphql-js
 * hands every row of a list the same field nodes, and a document's nodes its fragments).
 */
const selectionKeys = new WeakMap<readonly FieldNode[], string>();
function selectionKey(info: GraphQLResolveInfo): string {
  let key = selectionKeys.get(info.fieldNodes);
  if (key === undefined) {
    key = [...selectedFields(info)].sort().join(',');
    selectionKeys.set(info.fieldNodes, key);
  }
  return key;
}

@Resolver(() => Referral)
export class ReferralResolver {
  constructor(
    private readonly service: ReferralService,
    private readonly intake: ReferralIntakeService,
    private readonly childSafety: ChildSafetyService,
    private readonly agencies: AgencyService,
    private readonly survivors: SurvivorService,
  ) {}

  @Can('read', 'Referral')
  @Query(() => ReferralConnection, {
    description: 'My agency’s referrals: RECEIVED, SENT, NEEDS_ACTION or DRAFTS (never sent), newest first',
  })
  async referrals(
    @Access() scope: AccessScope,
    @Args() args: ReferralsArgs,
    @Info() info: GraphQLResolveInfo,
    @Context('req') req: object,
  ): Promise<ReferralConnection> {
    // The counts cost a statement of their own: only for a request that shows them. What the
    // request shows of each row comes in the page's statement: its agencies and last event on
    // the models, the survivor records for the survivor loader below; of the referral's own
    // columns, those its selected fields need (REFERRAL_FIELD_COLUMNS).
    const node = selectedFields(info, ['edges', 'node']);
    const { connection, prefetched } = await this.service.page(scope, args, {
      counts: selectedFields(info).has('counts'),
      fields: node,
      fromAgency: node.has('fromAgency') ? selectedFields(info, ['edges', 'node', 'fromAgency']) : undefined,
      toAgency: node.has('toAgency') ? selectedFields(info, ['edges', 'node', 'toAgency']) : undefined,
      lastEvent: node.has('lastEvent'),
      survivor: node.has('survivor'),
    });
    primeRequestLoader(req, VISIBLE_SURVIVOR, prefetched.survivors);
    return connection;
  }

  @Can('read', 'Referral')
  @Query(() => Referral)
  referral(@Access() scope: AccessScope, @Args('id', { type: () => ID }) id: string): Promise<Referral> {
    return this.service.get(scope, id);
  }

  @Can('create', 'Referral')
  @Mutation(() => ReferralPayload, { description: 'Create a draft referral (send it with sendReferral)' })
  async createReferral(
    @Access() scope: AccessScope,
    @Args('input') input: CreateReferralInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.intake.create(scope, input) };
  }

  @Can('send', 'Referral')
  @Mutation(() => ReferralPayload)
  async sendReferral(
    @Access() scope: AccessScope,
    @Args('input') input: ReferralTransitionInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.send(scope, input) };
  }

  @Can('acknowledge', 'Referral')
  @Mutation(() => ReferralPayload)
  async acknowledgeReferral(
    @Access() scope: AccessScope,
    @Args('input') input: ReferralTransitionInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.acknowledge(scope, input) };
  }

  @Can('accept', 'Referral')
  @Mutation(() => ReferralPayload)
  async acceptReferral(
    @Access() scope: AccessScope,
    @Args('input') input: ReferralTransitionInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.accept(scope, input) };
  }

  @Can('decline', 'Referral')
  @Mutation(() => ReferralPayload)
  async declineReferral(
    @Access() scope: AccessScope,
    @Args('input') input: DeclineReferralInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.decline(scope, input) };
  }

  @Can('start', 'Referral')
  @Mutation(() => ReferralPayload, { description: 'Start work (from ACCEPTED), or resume it (from ON_HOLD)' })
  async startReferral(
    @Access() scope: AccessScope,
    @Args('input') input: ReferralTransitionInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.start(scope, input) };
  }

  @Can('hold', 'Referral')
  @Mutation(() => ReferralPayload, { description: 'Wait-list an in-progress referral' })
  async holdReferral(
    @Access() scope: AccessScope,
    @Args('input') input: ReferralTransitionInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.hold(scope, input) };
  }

  @Can('complete', 'Referral')
  @Mutation(() => ReferralPayload)
  async completeReferral(
    @Access() scope: AccessScope,
    @Args('input') input: CompleteReferralInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.complete(scope, input) };
  }

  @Can('fail', 'Referral')
  @Mutation(() => ReferralPayload, { description: 'The survivor could not get help' })
  async failReferral(
    @Access() scope: AccessScope,
    @Args('input') input: FailReferralInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.fail(scope, input) };
  }

  @Can('withdraw', 'Referral')
  @Mutation(() => ReferralPayload)
  async withdrawReferral(
    @Access() scope: AccessScope,
    @Args('input') input: ReferralTransitionInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.service.withdraw(scope, input) };
  }

  @Can('message', 'Referral')
  @Mutation(() => ReferralMessagePayload)
  async addReferralMessage(
    @Access() scope: AccessScope,
    @Args('input') input: AddReferralMessageInput,
  ): Promise<ReferralMessagePayload> {
    return { message: await this.service.addMessage(scope, input) };
  }

  @Can('reportChildSafety', 'Survivor')
  @Mutation(() => ReferralPayload, {
    description:
      'A mandatory report about a minor to law enforcement or child welfare, by the owning agency’s supervisor',
  })
  async createChildSafetyReferral(
    @Access() scope: AccessScope,
    @Args('input') input: CreateChildSafetyReferralInput,
  ): Promise<ReferralPayload> {
    return { referral: await this.childSafety.create(scope, input) };
  }

  // The fields below take graphql-js's own parameters (RequestContext): a page resolves them for
  // every row, and Nest then calls none of them through its execution context.

  /** The sending agency: the page's statement brought it (the model carries it), else one batch per request. */
  @ResolveField(() => Agency)
  fromAgency(referral: Referral, _args: object, { req }: RequestContext): Agency | Promise<Agency> {
    return referral.fromAgency ?? this.agency(req, referral.fromAgencyId);
  }

  @ResolveField(() => Agency)
  toAgency(referral: Referral, _args: object, { req }: RequestContext): Agency | Promise<Agency> {
    return referral.toAgency ?? this.agency(req, referral.toAgencyId);
  }

  /**
   * The referral this one continues (a sub-referral), as the caller may see it: the sending agency
   * received it, the onward recipient did not, and for them there is no parent at all.
   */
  @ResolveField(() => Referral, { nullable: true })
  parent(referral: Referral, _args: object, { req }: RequestContext): Promise<Referral | null> {
    if (!referral.parentReferralId) return Promise.resolve(null);
    const scope = accessOf(req);
    return requestLoader<string, Referral | null>(req, VISIBLE_REFERRAL, (ids) =>
      this.service.visibleMany(scope, ids),
    ).load(referral.parentReferralId);
  }

  /** The parent's id under the same rule as `parent`: an id the caller could not open is not given. */
  @ResolveField(() => ID, { nullable: true })
  async parentReferralId(referral: Referral, args: object, context: RequestContext): Promise<string | null> {
    return (await this.parent(referral, args, context))?.id ?? null;
  }

  /** `survivor` (below), as graphql-js calls it; under another name Nest does not take the model field's description. */
  @ResolveField('survivor', () => Survivor, {
    nullable: true,
    description: 'Null when de-identified or no longer visible to the caller',
  })
  sharedSurvivor(
    referral: Referral,
    _args: object,
    { req }: RequestContext,
    info: GraphQLResolveInfo,
  ): Promise<Survivor | null> {
    return this.survivor(referral, req, info);
  }

  /** The survivor as this referral shares them (intersection with the live grant), batched per page. */
  survivor(referral: Referral, req: object, info: GraphQLResolveInfo): Promise<Survivor | null> {
    if (!referral.survivorId) return Promise.resolve(null);
    const scope = accessOf(req);
    // The selection is part of the key: each alias (`a: survivor {…} b: survivor {…}`) is
    // disclosed — and audited — for exactly the fields it asks for.
    const key = [referral.survivorId, [...referral.sharedClasses].sort().join(','), selectionKey(info)].join(
      '|',
    );
    return requestLoader<string, Survivor | null>(req, 'referral.survivor', async (keys) => {
      const parsed = keys.map((k) => {
        const [survivorId, classes, fields] = k.split('|');
        return { survivorId, sharedClasses: classes ? classes.split(',') : [], fields };
      });
      // The records once (primed by the page's statement, or one statement here), then one round
      // of models and audit per distinct selection (a page shares one), whatever the mix of classes.
      const visible = await requestLoader<string, VisibleSurvivor | null>(req, VISIBLE_SURVIVOR, (ids) =>
        this.survivors.visibleWithGrants(scope, ids),
      ).loadMany(parsed.map((item) => item.survivorId));
      const bySelection = new Map<string, number[]>();
      parsed.forEach((item, index) =>
        bySelection.set(item.fields, [...(bySelection.get(item.fields) ?? []), index]),
      );
      const results: (Survivor | null | Error)[] = new Array(keys.length).fill(null);
      for (const [fields, indexes] of bySelection) {
        const models = await this.survivors.getShared(
          scope,
          indexes.map((index) => {
            const found = visible[index];
            if (found instanceof Error) throw found;
            return { visible: found, sharedClasses: parsed[index].sharedClasses };
          }),
          new Set(fields ? fields.split(',') : []),
        );
        indexes.forEach((index, i) => (results[index] = models[i]));
      }
      return results;
    }).load(key);
  }

  @ResolveField(() => [ReferralEvent])
  events(referral: Referral, _args: object, { req }: RequestContext): Promise<ReferralEvent[]> {
    return requestLoader<string, ReferralEvent[]>(req, 'referral.events', (ids) =>
      this.service.eventsOf(ids),
    ).load(referral.id);
  }

  /** The newest event: the page's statement brought it (the model carries it, null for none), else one batch. */
  @ResolveField(() => ReferralEvent, { nullable: true })
  lastEvent(
    referral: Referral,
    _args: object,
    { req }: RequestContext,
  ): ReferralEvent | null | Promise<ReferralEvent | null> {
    if (referral.lastEvent !== undefined) return referral.lastEvent;
    return requestLoader<string, ReferralEvent | null>(req, 'referral.lastEvent', (ids) =>
      this.service.lastEventsOf(ids),
    ).load(referral.id);
  }

  @ResolveField(() => [ReferralMessage])
  messages(referral: Referral, _args: object, { req }: RequestContext): Promise<ReferralMessage[]> {
    return requestLoader<string, ReferralMessage[]>(req, 'referral.messages', (ids) =>
      this.service.messagesOf(ids),
    ).load(referral.id);
  }

  private agency(req: object, id: string): Promise<Agency> {
    const scope = accessOf(req);
    return requestLoader<string, Agency>(req, AGENCY_BY_ID, (ids) => this.agencies.getMany(scope, ids)).load(
      id,
    );
  }
}
