import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { redactionMiddleware } from '@hub/graphql';
import {
  ConsentObtainedHow,
  ConsentPurpose,
  ConsentStatus,
  DataClass,
  GrantorType,
  RevocationChannel,
} from '../shared/enums';
import { ConsentAction } from './consent-actions';

@ObjectType()
export class ConsentGrantor {
  @Field(() => GrantorType)
  type: GrantorType;

  @Field(() => String, {
    nullable: true,
    description: 'Shown to the owning agency only (for SELF it is the survivor’s name)',
    middleware: [redactionMiddleware],
  })
  name: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Relationship to the survivor (for a minor's parent, guardian…); owning agency only",
    middleware: [redactionMiddleware],
  })
  relationship: string | null;

  @Field({
    description:
      'The recording worker attested the grantor is not suspected of involvement in the exploitation',
  })
  notSuspectedAttested: boolean;
}

@ObjectType()
export class ConsentAcknowledgements {
  @Field({ description: 'Told of the right to revoke and how' })
  rightToRevoke: boolean;

  @Field({ description: 'Told that release is not a condition of service' })
  notConditionOfService: boolean;

  @Field({ description: 'Told of the risk of re-disclosure' })
  redisclosureRisk: boolean;
}

@ObjectType()
export class ConsentRevocation {
  @Field()
  revokedAt: Date;

  @Field(() => ID)
  revokedBy: string;

  @Field(() => ID)
  revokedByAgencyId: string;

  @Field(() => RevocationChannel)
  channel: RevocationChannel;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType({ description: "A survivor's informed, written, time-limited consent; immutable once recorded" })
export class Consent {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  survivorId: string;

  @Field(() => ID)
  ownerAgencyId: string;

  @Field(() => ConsentGrantor)
  grantor: ConsentGrantor;

  @Field(() => [ID])
  recipientAgencyIds: string[];

  @Field(() => [ConsentPurpose])
  purposes: ConsentPurpose[];

  @Field(() => [DataClass])
  dataClasses: DataClass[];

  @Field()
  validFrom: Date;

  @Field()
  validUntil: Date;

  @Field(() => ConsentStatus)
  status: ConsentStatus;

  @Field(() => ConsentObtainedHow)
  obtainedHow: ConsentObtainedHow;

  @Field({ description: 'ISO 639-1 language the consent was explained and signed in' })
  language: string;

  @Field()
  interpreterUsed: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Owning agency only',
    middleware: [redactionMiddleware],
  })
  interpreterName: string | null;

  @Field(() => ConsentAcknowledgements)
  acknowledgements: ConsentAcknowledgements;

  @Field({ description: 'Reference to the signed document' })
  documentReference: string;

  @Field(() => ID)
  recordedBy: string;

  @Field()
  recordedAt: Date;

  @Field(() => ConsentRevocation, { nullable: true })
  revocation: ConsentRevocation | null;

  @Field(() => [ConsentAction], {
    description:
      'The mutations the caller may make about this consent now (the policy): show only these. A listed action can still be refused when the consent changed meanwhile.',
  })
  availableActions: ConsentAction[];
}

@ObjectType({
  description:
    'What makes a consent reasonably time-limited on this hub: the limits recordConsent holds validFrom and validUntil to',
})
export class ConsentRules {
  @Field(() => Int, {
    description:
      'Longest a consent may run, in days: validUntil at most this long after validFrom and after now',
  })
  maxValidityDays: number;

  @Field(() => Int, {
    description: 'How far back a signed paper consent may be dated when it is entered, in days (validFrom)',
  })
  maxBackdateDays: number;
}
