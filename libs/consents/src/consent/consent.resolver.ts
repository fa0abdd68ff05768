import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Access, AccessScope, Can, ConsentNameField } from '@hub/access';
import { selectedFields } from '@hub/graphql';
import { ConsentPayload, ConsentsArgs, RecordConsentInput, RevokeConsentInput } from './consent.inputs';
import { ConsentRecordingService } from './consent-recording.service';
import { ConsentRevocationService } from './consent-revocation.service';
import { Consent, ConsentRules } from './consent.model';
import { ConsentService } from './consent.service';

@Resolver(() => Consent)
export class ConsentResolver {
  constructor(
    private readonly service: ConsentService,
    private readonly recording: ConsentRecordingService,
    private readonly revocation: ConsentRevocationService,
  ) {}

  @Can('read', 'Consent')
  @Query(() => [Consent], { description: "A survivor's consents the caller may see, newest first" })
  consents(
    @Access() scope: AccessScope,
    @Args() args: ConsentsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Consent[]> {
    return this.service.forSurvivor(scope, args, requestedNames(info));
  }

  @Can('create', 'Consent')
  @Query(() => ConsentRules, {
    description:
      'The limits recordConsent holds a consent to on this hub: its longest validity and backdating',
  })
  consentRules(@Access() scope: AccessScope): Promise<ConsentRules> {
    return this.recording.rules(scope);
  }

  @Can('create', 'Consent')
  @Mutation(() => ConsentPayload, {
    description: 'Record a signed consent; its grants take effect in the same transaction',
  })
  async recordConsent(
    @Access() scope: AccessScope,
    @Args('input') input: RecordConsentInput,
  ): Promise<ConsentPayload> {
    return { consent: await this.recording.record(scope, input) };
  }

  @Can('revoke', 'Consent')
  @Mutation(() => ConsentPayload, {
    description:
      'Revoke a consent, once (CONFLICT if already revoked): every grant from it ends at once, and break-glass never opens to the agencies it names. An ended consent may be revoked too: that records the survivor’s refusal of those agencies.',
  })
  async revokeConsent(
    @Access() scope: AccessScope,
    @Args('input') input: RevokeConsentInput,
  ): Promise<ConsentPayload> {
    return { consent: await this.revocation.revoke(scope, input) };
  }
}

/** The consent name fields (as the policy names them) the client selected. */
function requestedNames(info: GraphQLResolveInfo): Set<ConsentNameField> {
  const grantor = selectedFields(info, ['grantor']);
  const names: ConsentNameField[] = [];
  if (grantor.has('name')) names.push('grantorName');
  if (grantor.has('relationship')) names.push('grantorRelationship');
  if (selectedFields(info).has('interpreterName')) names.push('interpreterName');
  return new Set(names);
}
