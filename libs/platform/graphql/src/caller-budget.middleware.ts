import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Response } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, graphqlErrorBody } from '@hub/auth';
import { graphqlConfig, GraphqlConfig } from './graphql.config';

/** The table the budget lives in, created by a migration (the API role may not create tables). */
export const CALLER_BUDGET_TABLE = 'caller_budget';

/**
 * A budget of GraphQL requests per caller and window, kept in PostgreSQL so every API replica
 * spends the same one: a signed-in caller is counted by user (`sub`), an anonymous one by client
 * address. Each request costs one point and one upsert; the cost limit bounds what one request
 * may ask for, so points × GRAPHQL_MAX_COST bounds a caller's work per window. Over budget: HTTP
 * 429 with Retry-After and a GraphQL-shaped body, before any GraphQL work. Runs after
 * authentication (so it knows the user); a bad token was already answered 401 there.
 */
@Injectable()
export class CallerBudgetMiddleware implements NestMiddleware {
  private readonly logger = new Logger('CallerBudget');
  private readonly limiter: RateLimiterPostgres;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(graphqlConfig.token) private readonly config: GraphqlConfig,
  ) {
    this.limiter = new RateLimiterPostgres({
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: CALLER_BUDGET_TABLE,
      tableCreated: true,
      keyPrefix: 'graphql',
      points: config.GRAPHQL_RATE_LIMIT_POINTS,
      duration: config.GRAPHQL_RATE_LIMIT_WINDOW_SECONDS,
      // Every 5 minutes, rows expired over an hour ago are deleted (DML only).
      clearExpiredByTimeout: true,
    });
  }

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    const key = req.caller ? `user:${req.caller.userId}` : `address:${req.ip ?? 'unknown'}`;
    try {
      await this.limiter.consume(key, 1);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      this.logger.warn({ caller: req.caller ? 'user' : 'anonymous' }, 'request budget spent');
      res
        .status(429)
        .set('Retry-After', String(retryAfterSeconds))
        .json(
          graphqlErrorBody('Too many requests; try again later', 'RATE_LIMITED', {
            retryAfterSeconds,
            limit: this.config.GRAPHQL_RATE_LIMIT_POINTS,
            windowSeconds: this.config.GRAPHQL_RATE_LIMIT_WINDOW_SECONDS,
          }),
        );
      return;
    }
    next();
  }
}
