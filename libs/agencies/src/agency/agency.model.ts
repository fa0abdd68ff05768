import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@hub/graphql';
import { AgencyType } from '../taxonomy/agency-type';
import { ServiceNeed } from '../taxonomy/service-need';
import { AgencyStatus } from './agency-lifecycle';

@ObjectType()
export class AgencyAddress {
  @Field()
  street: string;

  @Field()
  city: string;

  @Field()
  region: string;

  @Field()
  postalCode: string;
}

@ObjectType({ description: 'A member organisation and its directory entry' })
export class Agency {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => AgencyType)
  type: AgencyType;

  @Field()
  jurisdiction: string;

  @Field()
  description: string;

  @Field(() => [ServiceNeed])
  services: ServiceNeed[];

  @Field(() => [String], { description: 'ISO 639-1 codes' })
  languages: string[];

  @Field(() => [String], { description: 'Place names (counties, cities) served' })
  serviceAreas: string[];

  @Field(() => String, { nullable: true })
  hours: string | null;

  @Field(() => String, { nullable: true })
  intakePhone: string | null;

  @Field(() => String, { nullable: true })
  intakeEmail: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field({
    description:
      "ISO 639-1 code of the language of the e-mail the hub sends the agency's intake address and users (en or es)",
  })
  notificationLanguage: string;

  @Field(() => AgencyAddress, {
    nullable: true,
    description: 'Null when the agency has none on file or its location is confidential to the caller',
  })
  address: AgencyAddress | null;

  @Field()
  acceptingReferrals: boolean;

  @Field()
  confidentialLocation: boolean;

  @Field(() => AgencyStatus)
  status: AgencyStatus;

  @Field(() => Date, { nullable: true, description: 'When a platform administrator took it off the hub' })
  deactivatedAt: Date | null;

  @Field(() => Int, { description: 'Pass back as expectedVersion when updating' })
  version: number;

  @Field()
  updatedAt: Date;
}

export const AgencyConnection = Paginated(Agency);
export type AgencyConnection = InstanceType<typeof AgencyConnection>;

@ObjectType()
export class AgencyPayload {
  @Field(() => Agency)
  agency: Agency;
}
