import type { NextFunction, Request, Response } from 'express';
import { HTTP_FAILURES, sendHttpFailure } from '@hub/graphql';

/**
 * A body sent slowly — a byte every few seconds defeats an idle timeout — would hold a
 * connection for minutes: the whole body must arrive within `timeoutMs` of the headers, or the
 * request is answered 408 REQUEST_TIMEOUT (GraphQL-shaped) and its connection closed.
 */
export function bodyDeadline(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.complete) return next();
    const timer = setTimeout(() => {
      if (req.complete || res.headersSent) return;
      res.setHeader('Connection', 'close');
      sendHttpFailure(res, { status: 408, ...HTTP_FAILURES[408] });
    }, timeoutMs);
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    res.once('close', clear);
    res.once('finish', clear);
    next();
  };
}
