import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/**
 * The `idempotencyKey` field of a create's input (`CreateOnce` in @hub/workflow): optional, 8–100
 * characters of letters, digits and `. _ : -`. One declaration, so every create checks keys alike.
 */
export function IdempotencyKeyField(description: string): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsString(),
    MinLength(8),
    MaxLength(100),
    Matches(/^[A-Za-z0-9._:-]+$/, { message: 'idempotencyKey may hold letters, digits and . _ : - only' }),
  );
}
