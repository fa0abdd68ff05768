import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { accessOf } from '@hub/access';
import { Survivor } from '@hub/consents';
import { requestLoader } from '@hub/graphql';
import { Referral } from '../referral/referral.model';
import { SurvivorAction } from './survivor-actions';
import { SurvivorActionsService } from './survivor-actions.service';

/** One loader per request for every record's actions, whichever type asks. */
function actionsOf(
  service: SurvivorActionsService,
  req: object,
  survivorId: string,
): Promise<SurvivorAction[]> {
  const scope = accessOf(req);
  return requestLoader<string, SurvivorAction[]>(req, 'survivor.actions', (ids) =>
    service.forSurvivors(scope, ids),
  ).load(survivorId);
}

const DESCRIPTION =
  'The mutations the caller may make about this survivor record now (the policy): show only these. A listed action can still be refused for its input, or when the record changed meanwhile.';

/** `Survivor.availableActions`: what the record's screen offers beyond reading it. */
@Resolver(() => Survivor)
export class SurvivorActionsResolver {
  constructor(private readonly service: SurvivorActionsService) {}

  @ResolveField(() => [SurvivorAction], { description: DESCRIPTION })
  availableActions(@Parent() survivor: Survivor, @Context('req') req: object): Promise<SurvivorAction[]> {
    return actionsOf(this.service, req, survivor.id);
  }
}

/**
 * `Referral.survivorActions`: the same about the referral's survivor, answered even when the record
 * is not (or no longer) shared with the caller, the case break-glass exists for.
 */
@Resolver(() => Referral)
export class ReferralSurvivorActionsResolver {
  constructor(private readonly service: SurvivorActionsService) {}

  @ResolveField(() => [SurvivorAction], {
    description: `${DESCRIPTION} Empty for a de-identified referral.`,
  })
  survivorActions(@Parent() referral: Referral, @Context('req') req: object): Promise<SurvivorAction[]> {
    return referral.survivorId ? actionsOf(this.service, req, referral.survivorId) : Promise.resolve([]);
  }
}
