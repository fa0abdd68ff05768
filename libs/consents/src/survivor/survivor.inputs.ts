import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageArgs } from '@hub/graphql';
import { SurvivorDataInput } from './survivor-data.input';
import { Survivor } from './survivor.model';

@InputType()
export class CreateSurvivorInput extends SurvivorDataInput {
  @Field({
    nullable: true,
    description: 'A minor: child-safety rules apply (also implied by a date of birth under 18)',
  })
  @IsOptional()
  @IsBoolean()
  minor?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Client-chosen key (8–100 chars): retrying a create with the same key returns the same record',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'idempotencyKey may hold letters, digits and . _ : - only' })
  idempotencyKey?: string;
}

@InputType()
export class UpdateSurvivorInput extends SurvivorDataInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version the client last read; a newer one means CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean()
  minor?: boolean;
}

@ObjectType()
export class SurvivorPayload {
  @Field(() => Survivor)
  survivor: Survivor;
}

@ArgsType()
export class SurvivorsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: "Only my agency's own records" })
  @IsOptional()
  @IsBoolean()
  ownedOnly?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  minor?: boolean;

  @Field(() => String, { nullable: true, description: 'Exact pseudonymous reference' })
  @IsOptional()
  @Matches(/^S-[0-9A-Z]{10}$/, { message: 'reference must look like S-XXXXXXXXXX' })
  reference?: string;
}
