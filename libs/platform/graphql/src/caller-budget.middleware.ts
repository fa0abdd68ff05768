import { Inject, Injectable, Logger, NestMiddleware, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Response } from 'express';
import { DataSource } from 'typeorm';
import { AdmissionRider, AuthenticatedRequest, RiderStatement } from '@hub/auth';
import { NamedSql, namedQuery } from '@hub/database';
import { graphqlConfig, GraphqlConfig } from './graphql.config';

/** The table the budget lives in, created by a migration (the API role may not create tables). */
export const CALLER_BUDGET_TABLE = 'caller_budget';

/** Keys as rate-limiter-flexible wrote them (its key prefix), so budgets carry over a deploy. */
const KEY_PREFIX = 'graphql:';
/** Rows whose window ended over an hour ago are deleted every five minutes (DML only). */
const CLEAR_EVERY_MS = 300_000;
const CLEAR_OLDER_THAN_MS = 3_600_000;

/** What one spend left: points used in the window, and when the window ends (epoch ms). */
interface Spent {
  points: number;
  expire: number;
}
const SPENT = Symbol('hub.callerBudget.spent');
type BudgetedRequest = AuthenticatedRequest & { [SPENT]?: Spent };

/**
 * A budget of GraphQL requests per caller and window, kept in PostgreSQL so every API replica
 * spends the same one: a signed-in caller is counted by user (`sub`), an anonymous one by client
 * address. Each request costs one point and one upsert (a fixed window, the layout and arithmetic
 * of rate-limiter-flexible's PostgreSQL store, which it replaces): for a signed-in caller the upsert
 * rides in the admission's statement (AdmissionRider), so it costs no round trip of its own; an
 * anonymous caller's runs alone. The cost limit bounds what one request may ask for, so
 * points × GRAPHQL_MAX_COST bounds a caller's work per window. Over budget: HTTP 429 with
 * Retry-After and a GraphQL-shaped body, before any GraphQL work. Runs after authentication (so it
 * knows the user); a bad token was already answered 401 there, a refused caller 403.
 */
@Injectable()
export class CallerBudget implements AdmissionRider, OnModuleDestroy {
  private readonly logger = new Logger('CallerBudget');
  private readonly clearing: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(graphqlConfig.token) private readonly config: GraphqlConfig,
  ) {
    this.clearing = setInterval(() => void this.clearExpired(), CLEAR_EVERY_MS);
    this.clearing.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.clearing);
  }

  /** The upsert for a signed-in caller on /graphql, to ride in the admission's statement. */
  statementFor(req: BudgetedRequest): RiderStatement | null {
    if (!req.caller || !isGraphqlPath(req)) return null;
    return {
      ...this.spendSql(req),
      ridden: (row) => {
        req[SPENT] = spentOf(row);
      },
    };
  }

  /** The request's spend: what its admission's statement brought back, or one upsert now. */
  async spend(
    req: BudgetedRequest,
  ): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    let spent = req[SPENT];
    if (!spent) {
      const { sql, params } = this.spendSql(req);
      spent = spentOf((await namedQuery(this.dataSource.manager, sql, params))[0]);
    }
    if (spent.points <= this.config.GRAPHQL_RATE_LIMIT_POINTS) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(Math.max(spent.expire - Date.now(), 0) / 1000)),
    };
  }

  /** One point spent: a new window if the caller's ended (or they have none), else one more in it. */
  private spendSql(req: AuthenticatedRequest): NamedSql {
    const now = Date.now();
    const key = `${KEY_PREFIX}${req.caller ? `user:${req.caller.userId}` : `address:${req.ip ?? 'unknown'}`}`;
    return {
      sql: `INSERT INTO ${CALLER_BUDGET_TABLE} AS b (key, points, expire) VALUES (:budgetKey, 1, :budgetExpire)
            ON CONFLICT (key) DO UPDATE SET
              points = CASE WHEN b.expire <= :budgetNow THEN 1 ELSE b.points + 1 END,
              expire = CASE WHEN b.expire <= :budgetNow THEN :budgetExpire ELSE b.expire END
            RETURNING points, expire`,
      params: {
        budgetKey: key,
        budgetNow: now,
        budgetExpire: now + this.config.GRAPHQL_RATE_LIMIT_WINDOW_SECONDS * 1000,
      },
    };
  }

  private async clearExpired(): Promise<void> {
    try {
      await namedQuery(this.dataSource.manager, `DELETE FROM ${CALLER_BUDGET_TABLE} WHERE expire < :before`, {
        before: Date.now() - CLEAR_OLDER_THAN_MS,
      });
    } catch (error) {
      // Bookkeeping: the next round tries again.
      this.logger.warn(`could not clear expired budgets: ${(error as Error).message}`);
    }
  }
}

function spentOf(row: Record<string, unknown>): Spent {
  // bigint arrives as text from the driver, as a number through row_to_json.
  return { points: Number(row.points), expire: Number(row.expire) };
}

/** The budget covers /graphql only (CallerBudgetModule's route), never the health endpoints. */
function isGraphqlPath(req: AuthenticatedRequest): boolean {
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  return path === '/graphql' || path === '/graphql/';
}

/** Answers 429 when the caller's budget for the window is spent (CallerBudget). */
@Injectable()
export class CallerBudgetMiddleware implements NestMiddleware {
  private readonly logger = new Logger('CallerBudget');

  constructor(
    private readonly budget: CallerBudget,
    @Inject(graphqlConfig.token) private readonly config: GraphqlConfig,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    const spent = await this.budget.spend(req);
    if (spent.allowed) return next();
    const { retryAfterSeconds } = spent;
    this.logger.warn({ caller: req.caller ? 'user' : 'anonymous' }, 'request budget spent');
    res
      .status(429)
      .set('Retry-After', String(retryAfterSeconds))
      .json({
        errors: [
          {
            message: 'Too many requests; try again later',
            extensions: {
              code: 'RATE_LIMITED',
              retryAfterSeconds,
              limit: this.config.GRAPHQL_RATE_LIMIT_POINTS,
              windowSeconds: this.config.GRAPHQL_RATE_LIMIT_WINDOW_SECONDS,
            },
          },
        ],
      });
  }
}
