import { GraphQLError } from 'graphql';

/** The error codes of the interface contract (DESIGN.md §5). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'ILLEGAL_TRANSITION'
  | 'INTERNAL_SERVER_ERROR';

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** A record the caller may not see answers exactly like a missing one. */
export class NotFoundError extends HubError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} not found`);
  }
}

export class ForbiddenError extends HubError {
  constructor(message = 'Not permitted') {
    super('FORBIDDEN', message);
  }
}

export interface InputProblem {
  field: string;
  message: string;
  /** A stable code for a rule (not a format) the value broke, for clients and tests to read. */
  reason?: string;
}

export class BadUserInputError extends HubError {
  constructor(message: string, problems: InputProblem[] = []) {
    super('BAD_USER_INPUT', message, problems.length ? { problems } : {});
  }
}

/** Someone else changed the record since the caller read it (optimistic concurrency). */
export class ConflictError extends HubError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}
