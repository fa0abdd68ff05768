import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessScope, Can } from '@hub/access';
import { ConsentPayload, ConsentsArgs, RecordConsentInput, RevokeConsentInput } from './consent.inputs';
import { Consent } from './consent.model';
import { ConsentService } from './consent.service';

@Resolver(() => Consent)
export class ConsentResolver {
  constructor(private readonly service: ConsentService) {}

  @Can('read', 'Consent')
  @Query(() => [Consent], { description: "A survivor's consents the caller may see, newest first" })
  consents(@Access() scope: AccessScope, @Args() args: ConsentsArgs): Promise<Consent[]> {
    return this.service.forSurvivor(scope, args);
  }

  @Can('create', 'Consent')
  @Mutation(() => ConsentPayload, {
    description: 'Record a signed consent; its grants take effect in the same transaction',
  })
  async recordConsent(
    @Access() scope: AccessScope,
    @Args('input') input: RecordConsentInput,
  ): Promise<ConsentPayload> {
    return { consent: await this.service.record(scope, input) };
  }

  @Can('revoke', 'Consent')
  @Mutation(() => ConsentPayload, { description: 'Revoke a consent: every grant from it ends at once' })
  async revokeConsent(
    @Access() scope: AccessScope,
    @Args('input') input: RevokeConsentInput,
  ): Promise<ConsentPayload> {
    return { consent: await this.service.revoke(scope, input) };
  }
}
