import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Agency, ServiceNeed } from '@hub/agencies';
import { DateScalar, Paginated, redactionMiddleware } from '@hub/graphql';
import { AgeBand, NeedPriority } from '../shared/enums';

const personal = { nullable: true as const, middleware: [redactionMiddleware] };

@ObjectType()
export class SafeContact {
  @Field(() => String, { nullable: true, description: 'When it is safe to call or visit' })
  safeTimes: string | null;

  @Field(() => String, { nullable: true, description: 'How it is safe to make contact' })
  safeMethod: string | null;

  @Field({ description: 'Do not contact the survivor directly' })
  doNotContact: boolean;
}

@ObjectType()
export class AssessedNeed {
  @Field(() => ServiceNeed)
  need: ServiceNeed;

  @Field(() => NeedPriority)
  priority: NeedPriority;
}

@ObjectType({
  description:
    'A survivor record. Personal fields the caller may not see are null and listed in extensions.redactions (NOT_PERMITTED).',
})
export class Survivor {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Pseudonymous reference' })
  reference: string;

  @Field(() => ID)
  ownerAgencyId: string;

  @Field(() => Agency, { description: 'The agency that owns the record' })
  ownerAgency?: Agency;

  @Field({ description: 'A minor (flagged, or under 18 by date of birth): child-safety rules apply' })
  minor: boolean;

  @Field(() => AgeBand)
  ageBand: AgeBand;

  // IDENTITY
  @Field(() => String, personal)
  givenName: string | null;

  @Field(() => String, personal)
  familyName: string | null;

  @Field(() => [String], personal)
  aliases: string[] | null;

  @Field(() => DateScalar, { ...personal })
  dateOfBirth: string | null;

  @Field(() => String, personal)
  gender: string | null;

  // CONTACT
  @Field(() => String, personal)
  phone: string | null;

  @Field(() => String, personal)
  email: string | null;

  @Field(() => String, personal)
  address: string | null;

  @Field(() => SafeContact, personal)
  safeContact: SafeContact | null;

  // NEEDS
  @Field(() => [AssessedNeed], { ...personal, description: 'Intake needs assessment: the service plan' })
  needs: AssessedNeed[] | null;

  @Field(() => String, { ...personal, description: 'ISO 639-1' })
  preferredLanguage: string | null;

  @Field(() => Boolean, personal)
  interpreterNeeded: boolean | null;

  // NARRATIVE
  @Field(() => String, personal)
  situationSummary: string | null;

  @Field(() => String, personal)
  caseNotes: string | null;

  // IMMIGRATION
  @Field(() => String, personal)
  immigrationStatus: string | null;

  @Field(() => String, personal)
  immigrationDocuments: string | null;

  // HEALTH
  @Field(() => String, personal)
  medicalNotes: string | null;

  @Field(() => String, personal)
  mentalHealthNotes: string | null;

  @Field(() => String, personal)
  substanceUseNotes: string | null;

  @Field(() => Int, { description: 'Pass back as expectedVersion when updating' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export const SurvivorConnection = Paginated(Survivor);
export type SurvivorConnection = InstanceType<typeof SurvivorConnection>;
