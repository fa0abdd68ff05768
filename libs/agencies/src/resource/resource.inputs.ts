import { Field, ID, InputType, Int, PickType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IdempotencyKeyField } from '@hub/graphql';
import {
  DirectoryDescription,
  DirectoryHours,
  DirectoryLanguages,
  DirectoryName,
  DirectoryPhone,
  DirectoryUrl,
} from '../taxonomy/directory-fields';

/** Present (even as null) means "validate it": fields that cannot be cleared refuse null. */
const notUndefined = (_object: unknown, value: unknown) => value !== undefined;

/** A hotline as its managers write it: the same field rules as an agency's directory profile. */
@InputType()
export class CreateResourceInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The task force it belongs to (its coordinators manage it); omitted or null: a national line',
  })
  @IsOptional()
  @IsUUID()
  taskForceId?: string | null;

  @Field()
  @DirectoryName()
  name: string;

  @Field()
  @DirectoryPhone()
  phone: string;

  @Field(() => String, { nullable: true, description: 'Number or short code for text messages' })
  @IsOptional()
  @DirectoryPhone()
  text?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DirectoryUrl()
  chatUrl?: string | null;

  @Field()
  @DirectoryHours()
  hours: string;

  @Field(() => [String], { description: 'ISO 639-1 codes' })
  @DirectoryLanguages()
  languages: string[];

  @Field({ nullable: true })
  @IsOptional()
  @DirectoryDescription()
  description?: string;

  @IdempotencyKeyField(
    'Retrying with the same key and input returns the same hotline; with other input, CONFLICT',
  )
  idempotencyKey?: string;
}

@InputType()
export class RetireResourceInput {
  @Field(() => ID)
  @IsUUID()
  resourceId: string;

  @Field(() => Int, { description: 'The version the client last read; a newer one means CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ description: 'Why (audited; 1–500 characters)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

/** Changes to a hotline; omitted fields stay as they are. Its task force never changes. */
@InputType()
export class UpdateResourceInput extends PickType(RetireResourceInput, [
  'resourceId',
  'expectedVersion',
] as const) {
  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @DirectoryName()
  name?: string;

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @DirectoryPhone()
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DirectoryPhone()
  text?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DirectoryUrl()
  chatUrl?: string | null;

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @DirectoryHours()
  hours?: string;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' })
  @ValidateIf(notUndefined)
  @DirectoryLanguages()
  languages?: string[];

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @DirectoryDescription()
  description?: string;
}
