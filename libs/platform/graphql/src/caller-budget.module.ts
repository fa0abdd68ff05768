import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ADMISSION_RIDER } from '@hub/auth';
import { ConfigModule } from '@hub/config';
import { CallerBudget, CallerBudgetMiddleware } from './caller-budget.middleware';
import { graphqlConfig } from './graphql.config';

/**
 * The budget itself, global so that authentication finds it as the admission's rider (one
 * statement for both). It has no middleware of its own: Nest registers a global module's
 * middleware before every other, and the budget's must run after authentication.
 */
@Global()
@Module({
  imports: [ConfigModule.forFeature(graphqlConfig)],
  providers: [CallerBudget, { provide: ADMISSION_RIDER, useExisting: CallerBudget }],
  exports: [CallerBudget, ADMISSION_RIDER],
})
class CallerBudgetStoreModule {}

/**
 * The per-caller request budget on /graphql (health endpoints are never limited). Import it after
 * AuthModule: Nest runs middleware of modules at the same depth in import order, and the budget
 * needs the authenticated caller.
 */
@Module({
  imports: [ConfigModule.forFeature(graphqlConfig), CallerBudgetStoreModule],
  providers: [CallerBudgetMiddleware],
})
export class CallerBudgetModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CallerBudgetMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
