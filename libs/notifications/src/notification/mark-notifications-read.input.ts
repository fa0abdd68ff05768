import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsUUID,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

export const MAX_MARK_IDS = 100;

/** `all: true` together with ids would be ambiguous: which did the caller mean? */
function IsNotCombinedWithIds(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotCombinedWithIds',
    validator: {
      validate: (all: unknown, args) => {
        const { ids } = args?.object as MarkNotificationsReadInput;
        return !(all === true && ids !== undefined && ids !== null);
      },
      defaultMessage: () => 'all cannot be combined with ids',
    },
  });
}

/** Either some notifications by id, or all of them: exactly one of the two. */
@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], {
    nullable: true,
    description: `1–${MAX_MARK_IDS} notification ids; required unless \`all\` is true`,
  })
  // Required (and checked) unless the caller asks for all.
  @ValidateIf((input: MarkNotificationsReadInput) => input.all !== true)
  @IsArray({ message: 'ids must be given (1–100 ids) unless all is true' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MARK_IDS)
  @IsUUID('all', { each: true })
  ids?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Mark every one of the agency's notifications read (without ids)",
  })
  @IsOptional()
  @IsBoolean()
  @IsNotCombinedWithIds()
  all?: boolean | null;
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => Int, {
    description:
      "How many notifications this call newly marked read (already read, missing or another agency's: not counted)",
  })
  marked: number;

  @Field(() => Int, { description: 'How many of the agency’s notifications the caller has still not read' })
  unreadCount: number;
}
