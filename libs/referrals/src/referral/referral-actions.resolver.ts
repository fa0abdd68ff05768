import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { accessOf } from '@hub/access';
import { availableActions, ReferralAction } from './referral-actions';
import { Referral } from './referral.model';

/** `Referral.availableActions`: computed from the record already loaded and the caller's ability. */
@Resolver(() => Referral)
export class ReferralActionsResolver {
  @ResolveField(() => [ReferralAction], {
    description:
      'The mutations the caller may make on this referral now (policy and lifecycle): show only these. A listed transition can still be refused for its input, or as CONFLICT when the referral changed meanwhile.',
  })
  availableActions(@Parent() referral: Referral, @Context('req') req: object): ReferralAction[] {
    return availableActions(accessOf(req).ability, referral);
  }
}
