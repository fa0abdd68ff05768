import { Inject, Injectable, Logger, NestMiddleware, Optional } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { CALLER_ADMISSION, CallerAdmission } from './caller-admission';
import { graphqlErrorBody } from './error-body';
import { AuthenticatedRequest } from './request-context';
import { bearerToken, InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * Verifies the bearer token before any GraphQL work starts, so a bad token gets HTTP 401 and
 * nothing else: no resolver runs, no partial answer. No token means an anonymous caller, who
 * reaches only @Public() fields.
 */
@Injectable()
export class AuthenticationMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Authentication');

  constructor(
    private readonly verifier: TokenVerifier,
    @Optional() @Inject(CALLER_ADMISSION) private readonly admission?: CallerAdmission,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    try {
      req.caller = await this.verifier.verify(bearerToken(header));
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      this.logger.warn({ reason: error.reason }, 'token refused');
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer error="invalid_token"')
        .json(graphqlErrorBody('Invalid or expired access token', 'UNAUTHENTICATED'));
      return;
    }
    const refusal = await this.admission?.refusal(req);
    if (!refusal) return next();
    this.logger.warn({ reason: refusal.reason }, 'caller refused');
    res.status(403).json(graphqlErrorBody(refusal.message, 'FORBIDDEN', { reason: refusal.reason }));
  }
}
