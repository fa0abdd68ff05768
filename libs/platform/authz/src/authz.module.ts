import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CALLER_ADMISSION } from '@hub/auth';
import { ACTOR_FACTS_LOADER, ActorFactsLoader } from './actor';
import { AuthzGuard } from './authz.guard';
import { AuthzService, Policy, POLICY } from './authz.service';

/**
 * Global: the one AuthzService and its guard; the actor facts come from the agencies domain and
 * the policy from `@hub/access`, so this mechanism knows neither.
 */
@Module({})
export class AuthzModule {
  static forRoot(options: {
    imports: NonNullable<DynamicModule['imports']>;
    factsLoader: Type<ActorFactsLoader>;
    /** The one policy (`defineAbilityFor` from `@hub/access`). */
    policy: Policy;
  }): DynamicModule {
    return {
      module: AuthzModule,
      global: true,
      imports: options.imports,
      providers: [
        AuthzService,
        { provide: ACTOR_FACTS_LOADER, useExisting: options.factsLoader },
        { provide: POLICY, useValue: options.policy },
        { provide: APP_GUARD, useClass: AuthzGuard },
        // Authentication asks it, before any resolver, whether the caller's agency is registered.
        { provide: CALLER_ADMISSION, useExisting: AuthzService },
      ],
      exports: [AuthzService, CALLER_ADMISSION],
    };
  }
}
