import type { Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Public } from '@hub/auth';
import { Can } from '@hub/access';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';
import { operationsOf, undeclaredOperations } from './operation-declarations';

/** STYLE.md "Deny by default, by declaration": every operation says who may call it. */
describe('every operation is declared @Public() or @Can(…)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  /** The classes of every provider of the running app (resolvers among them). */
  const providerClasses = (): Type[] => {
    const classes = new Set<Type>();
    for (const module of hub.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        if (typeof wrapper.metatype === 'function' && wrapper.metatype.prototype)
          classes.add(wrapper.metatype as Type);
      }
    }
    return [...classes];
  };

  it('finds every Query, Mutation and Subscription of the built schema on a resolver handler, and each declares', () => {
    const schema = hub.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
    ].sort();
    const subscriptions = Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map(
      (name) => `Subscription.${name}`,
    );
    const operations = operationsOf(providerClasses());
    // The walk saw exactly the schema's operations, so nothing escapes the check below.
    expect(operations.map((operation) => operation.field).sort()).toEqual(
      [...fields, ...subscriptions].sort(),
    );
    expect(fields.length).toBe(79);
    expect(subscriptions.sort()).toEqual(['Subscription.inboxCounts', 'Subscription.notificationReceived']);
    expect(undeclaredOperations(providerClasses())).toEqual([]);
  });

  it('names an operation that declares neither (the check can fail)', () => {
    @Resolver()
    class CarelessResolver {
      @Query(() => String)
      forgotten(): string {
        return '';
      }
      @Public()
      @Query(() => String)
      open(): string {
        return '';
      }
      @Can('read', 'Referral')
      @Mutation(() => String)
      declared(): string {
        return '';
      }
      @Mutation(() => String, { name: 'renamed' })
      alsoForgotten(): string {
        return '';
      }
      @Subscription(() => String)
      listening(): string {
        return '';
      }
      @Can('read', 'Notification')
      @Subscription(() => String)
      declaredListening(): string {
        return '';
      }
    }
    expect(undeclaredOperations([CarelessResolver])).toEqual([
      'Query.forgotten (CarelessResolver.forgotten)',
      'Mutation.renamed (CarelessResolver.alsoForgotten)',
      'Subscription.listening (CarelessResolver.listening)',
    ]);
  });
});
