import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** The routes the API serves, by name; anything else is `other` (a path can carry anything). */
function routeOf(path: string): string {
  if (path === '/graphql') return '/graphql';
  if (path === '/metrics') return '/metrics';
  if (path.startsWith('/health/')) return '/health';
  if (path.startsWith('/graphiql')) return '/graphiql';
  return 'other';
}

/**
 * Every HTTP answer by route and status, including those given before GraphQL runs (a refused
 * token's 401, the request budget's 429, a body deadline's 408), which the GraphQL counts miss.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly responses;

  constructor(metrics: Metrics) {
    this.responses = metrics.counter({
      name: 'hub_http_responses_total',
      help: 'HTTP responses by route and status code',
      labelNames: ['route', 'method', 'status'] as const,
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    res.once('finish', () => {
      this.responses.inc({
        route: routeOf(req.originalUrl.split('?')[0]),
        method: ['GET', 'POST'].includes(req.method) ? req.method : 'other',
        status: String(res.statusCode),
      });
    });
    next();
  }
}
