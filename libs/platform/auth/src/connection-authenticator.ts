import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Caller } from './caller';
import { CALLER_ADMISSION, CallerAdmission } from './caller-admission';
import { AuthenticatedRequest } from './request-context';
import { bearerToken, InvalidTokenError, TokenVerifier } from './token-verifier';

/** graphql-ws close codes for a refused or ended connection (its protocol's own 4401 and 4403). */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;

export type ConnectionAdmission =
  | { admitted: true; caller: Caller; expiresAt: Date }
  | { admitted: false; code: typeof CLOSE_UNAUTHORIZED | typeof CLOSE_FORBIDDEN; reason: string };

/**
 * Authentication of a long-lived connection (GraphQL subscriptions over WebSocket), with exactly
 * the checks an HTTP request gets: the bearer token through the one TokenVerifier, then the
 * caller through the one CallerAdmission. There is no anonymous connection: every subscription
 * needs a caller.
 */
@Injectable()
export class ConnectionAuthenticator {
  private readonly logger = new Logger('Authentication');

  constructor(
    private readonly verifier: TokenVerifier,
    @Optional() @Inject(CALLER_ADMISSION) private readonly admission?: CallerAdmission,
  ) {}

  /** The `connection_init` payload: `{ authorization: 'Bearer …' }`, as the HTTP header would be. */
  async admit(params: Readonly<Record<string, unknown>> | undefined): Promise<ConnectionAdmission> {
    const authorization = params?.authorization ?? params?.Authorization;
    try {
      if (typeof authorization !== 'string') throw new InvalidTokenError('no bearer token');
      const { caller, expiresAt } = await this.verifier.verifySession(bearerToken(authorization));
      const refusal = await this.refusal({ caller } as AuthenticatedRequest);
      if (refusal) return refusal;
      return { admitted: true, caller, expiresAt };
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      this.logger.warn({ reason: error.reason }, 'token refused');
      return { admitted: false, code: CLOSE_UNAUTHORIZED, reason: 'Unauthorized' };
    }
  }

  /**
   * Asks CallerAdmission about a verified caller, again for each event of a connection, so what
   * refuses a request (an agency the hub no longer admits) also ends a connection.
   */
  async refusal(req: AuthenticatedRequest): Promise<ConnectionAdmission | null> {
    const refused = await this.admission?.refusal(req);
    if (!refused) return null;
    this.logger.warn({ reason: refused.reason }, 'caller refused');
    return { admitted: false, code: CLOSE_FORBIDDEN, reason: 'Forbidden' };
  }
}
