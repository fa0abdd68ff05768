import type { Request } from 'express';
import { Caller } from './caller';

/** What authentication leaves on the HTTP request for the rest of the request's life. */
export interface AuthenticatedRequest extends Request {
  caller?: Caller;
  /** Present when the operation runs over a live connection (a subscription over WebSocket). */
  live?: LiveConnection;
}

/** The connection a subscription runs over, which outlives any one event it delivers. */
export interface LiveConnection {
  /** When its token stops being valid (the connection is closed then). */
  readonly expiresAt: Date;
  /**
   * Before each event: the caller checked again — token not expired, CallerAdmission still
   * admits them — as a new request of the same caller (fresh facts for the policy), or null
   * once the connection was closed for it.
   */
  recheck(): Promise<AuthenticatedRequest | null>;
}

/** The GraphQL context the API builds for every operation. */
export interface GraphqlContext {
  req: AuthenticatedRequest;
}
