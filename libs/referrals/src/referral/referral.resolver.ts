import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Agency, AgencyService } from '@hub/agencies';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Survivor, SurvivorService } from '@hub/consents';
import { requestLoader, selectedFields } from '@hub/graphql';
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
  referrals(
    @Access() scope: AccessScope,
    @Args() args: ReferralsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReferralConnection> {
    // The counts cost a statement of their own: only for a request that shows them.
    return this.service.list(scope, args, { counts: selectedFields(info).has('counts') });
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

  @ResolveField(() => Agency)
  fromAgency(@Parent() referral: Referral, @Context('req') req: object): Promise<Agency> {
    return this.agency(req, referral.fromAgencyId);
  }

  @ResolveField(() => Agency)
  toAgency(@Parent() referral: Referral, @Context('req') req: object): Promise<Agency> {
    return this.agency(req, referral.toAgencyId);
  }

  /** The survivor as this referral shares them (intersection with the live grant), batched per page. */
  @ResolveField(() => Survivor, { nullable: true })
  survivor(
    @Parent() referral: Referral,
    @Context('req') req: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Survivor | null> {
    if (!referral.survivorId) return Promise.resolve(null);
    const scope = accessOf(req);
    const requested = selectedFields(info);
    // The selection is part of the key: each alias (`a: survivor {…} b: survivor {…}`) is
    // disclosed — and audited — for exactly the fields it asks for.
    const key = [
      referral.survivorId,
      [...referral.sharedClasses].sort().join(','),
      [...requested].sort().join(','),
    ].join('|');
    return requestLoader<string, Survivor | null>(req, 'referral.survivor', async (keys) => {
      // One round per distinct selection (a page shares one), whatever the mix of shared classes.
      const bySelection = new Map<string, { index: number; survivorId: string; sharedClasses: string[] }[]>();
      keys.forEach((k, index) => {
        const [survivorId, classes, fields] = k.split('|');
        const group = bySelection.get(fields) ?? [];
        group.push({ index, survivorId, sharedClasses: classes ? classes.split(',') : [] });
        bySelection.set(fields, group);
      });
      const results: (Survivor | null)[] = new Array(keys.length).fill(null);
      for (const [fields, group] of bySelection) {
        const models = await this.survivors.getShared(scope, group, new Set(fields ? fields.split(',') : []));
        group.forEach((item, i) => (results[item.index] = models[i]));
      }
      return results;
    }).load(key);
  }

  @ResolveField(() => [ReferralEvent])
  events(@Parent() referral: Referral, @Context('req') req: object): Promise<ReferralEvent[]> {
    return requestLoader<string, ReferralEvent[]>(req, 'referral.events', (ids) =>
      this.service.eventsOf(ids),
    ).load(referral.id);
  }

  @ResolveField(() => ReferralEvent, { nullable: true })
  lastEvent(@Parent() referral: Referral, @Context('req') req: object): Promise<ReferralEvent | null> {
    return requestLoader<string, ReferralEvent | null>(req, 'referral.lastEvent', (ids) =>
      this.service.lastEventsOf(ids),
    ).load(referral.id);
  }

  @ResolveField(() => [ReferralMessage])
  messages(@Parent() referral: Referral, @Context('req') req: object): Promise<ReferralMessage[]> {
    return requestLoader<string, ReferralMessage[]>(req, 'referral.messages', (ids) =>
      this.service.messagesOf(ids),
    ).load(referral.id);
  }

  private agency(req: object, id: string): Promise<Agency> {
    const scope = accessOf(req);
    return requestLoader<string, Agency>(req, 'agency.byId', (ids) => this.agencies.getMany(scope, ids)).load(
      id,
    );
  }
}
