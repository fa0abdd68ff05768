import type { Request } from 'express';
import { Caller } from './caller';

/** What authentication leaves on the HTTP request for the rest of the request's life. */
export interface AuthenticatedRequest extends Request {
  caller?: Caller;
}

/** The GraphQL context the API builds for every operation. */
export interface GraphqlContext {
  req: AuthenticatedRequest;
}
