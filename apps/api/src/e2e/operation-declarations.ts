import type { Type } from '@nestjs/common';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { IS_PUBLIC } from '@hub/auth';
import { REQUIREMENT } from '@hub/authz';

/** A Query, Mutation or Subscription handler of a resolver class, and what it declares. */
export interface Operation {
  /** `Query.referral`, `Mutation.acceptReferral`, `Subscription.inboxCounts`. */
  field: string;
  /** `ReferralResolver.accept…`: where to add the declaration. */
  handler: string;
  declared: boolean;
}

/** Every Query, Mutation and Subscription handler of these classes, found by reflecting their methods. */
export function operationsOf(classes: readonly Type[]): Operation[] {
  const operations: Operation[] = [];
  for (const type of classes) {
    const prototype = type.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, key)?.value as unknown;
      if (typeof handler !== 'function' || key === 'constructor') continue;
      const kind = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as unknown;
      if (kind !== 'Query' && kind !== 'Mutation' && kind !== 'Subscription') continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? key;
      const declared =
        Reflect.getMetadata(IS_PUBLIC, handler) === true ||
        Reflect.getMetadata(REQUIREMENT, handler) !== undefined ||
        Reflect.getMetadata(IS_PUBLIC, type) === true ||
        Reflect.getMetadata(REQUIREMENT, type) !== undefined;
      operations.push({ field: `${kind}.${name}`, handler: `${type.name}.${key}`, declared });
    }
  }
  return operations;
}

/** The operations that declare neither @Public() nor @Can(…), by field and handler. */
export function undeclaredOperations(classes: readonly Type[]): string[] {
  return operationsOf(classes)
    .filter((operation) => !operation.declared)
    .map((operation) => `${operation.field} (${operation.handler})`);
}
