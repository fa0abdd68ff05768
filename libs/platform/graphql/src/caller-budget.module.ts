import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConfigModule } from '@hub/config';
import { CallerBudgetMiddleware } from './caller-budget.middleware';
import { graphqlConfig } from './graphql.config';

/**
 * The per-caller request budget on /graphql (health endpoints are never limited). Import it after
 * AuthModule: Nest runs middleware of modules at the same depth in import order, and the budget
 * needs the authenticated caller.
 */
@Module({
  imports: [ConfigModule.forFeature(graphqlConfig)],
  providers: [CallerBudgetMiddleware],
})
export class CallerBudgetModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CallerBudgetMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
