import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { graphqlErrorBody } from '@hub/auth';
import { isDatabaseUnavailable } from '@hub/database';
import { CLIENT_ERROR_CODES, ErrorLog, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from './error-handling';

export interface HttpFailure {
  status: number;
  code: string;
  message: string;
}

/**
 * Fixed messages: body-parser and JSON.parse messages quote the body they could not read
 * (`Unexpected token 'A', "Ana…" is not valid JSON`), so none of them is echoed.
 */
export const HTTP_FAILURES: Record<number, Omit<HttpFailure, 'status'>> = {
  400: { code: 'BAD_REQUEST', message: 'The request body could not be read as JSON' },
  401: { code: 'UNAUTHENTICATED', message: 'Authentication required' },
  403: { code: 'FORBIDDEN', message: 'Not permitted' },
  404: { code: 'NOT_FOUND', message: 'No such resource' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed' },
  408: { code: 'REQUEST_TIMEOUT', message: 'The request was not received in time' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type or encoding' },
};
const UNAVAILABLE: HttpFailure = {
  status: 503,
  code: SERVICE_UNAVAILABLE,
  message: 'The service is temporarily unavailable; retry later',
};
const INTERNAL: HttpFailure = {
  status: 500,
  code: 'INTERNAL_SERVER_ERROR',
  message: 'Internal server error',
};

function statusOf(exception: unknown): number | undefined {
  const candidate = exception as { getStatus?: () => unknown; status?: unknown; statusCode?: unknown };
  const status =
    typeof candidate?.getStatus === 'function'
      ? candidate.getStatus()
      : (candidate?.statusCode ?? candidate?.status);
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

/** What an exception outside GraphQL execution answers: status, contract code, a fixed message. */
export function httpFailureOf(exception: unknown): HttpFailure {
  if (isDatabaseUnavailable(exception)) return UNAVAILABLE;
  if (exception instanceof GraphQLError && typeof exception.extensions?.['code'] === 'string') {
    const http = exception.extensions['http'] as { status?: number } | undefined;
    return { status: http?.status ?? 400, code: exception.extensions['code'], message: exception.message };
  }
  const status = statusOf(exception);
  if (status !== undefined && status < 500) {
    return { status, ...(HTTP_FAILURES[status] ?? { code: 'BAD_REQUEST', message: 'Bad request' }) };
  }
  return INTERNAL;
}

/**
 * The one exception filter. In GraphQL it hands the error back to Apollo untouched — formatError
 * shapes it and `errorReportingPlugin` logs it once per request — instead of letting Nest log
 * every thrown error at `error` with its stack. Over plain HTTP (body parser, middleware, unknown
 * routes) it answers in the GraphQL error shape `{"errors":[{"message","extensions":{"code"}}]}`.
 */
@Catch()
export class HubExceptionFilter implements ExceptionFilter {
  constructor(private readonly log: ErrorLog) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const failure = httpFailureOf(exception);
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    if (CLIENT_ERROR_CODES.has(failure.code)) {
      this.log.info({ requestId, codes: [failure.code] }, 'http client error');
    } else {
      // The same words as errorReportingPlugin's, whichever layer met the outage first.
      const message = failure.code === SERVICE_UNAVAILABLE ? 'database unavailable' : 'http request failed';
      this.log.error({ requestId, code: failure.code, err: exception }, message);
    }
    if (response.headersSent) {
      response.end();
      return undefined;
    }
    sendHttpFailure(response, failure);
    return undefined;
  }
}

/** Answers a failure outside GraphQL execution in the GraphQL error shape. */
export function sendHttpFailure(response: Response, failure: HttpFailure): void {
  if (failure.code === SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  response.status(failure.status).json(graphqlErrorBody(failure.message, failure.code));
}
