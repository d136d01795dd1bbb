import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JsonLogger } from './json-logger';
import { RequestContext, RequestScope } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is kept when it is short and plain; anything else is replaced, never echoed. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** A path whose segment is a credential (a voicemail link's token) is logged without it, however it is spelt (the router ignores case). */
export const redactedPath = (path: string): string => path.replace(/^\/+voicemail\/+[^/]+/i, '/voicemail/:token');

/**
 * Gives every request an id (the caller's `x-request-id` or a new one), echoes it in the response,
 * runs the rest of the request inside its RequestContext and logs one line when the response ends:
 * method, path, GraphQL operation, status, duration.
 */
export function requestLogging(logger: JsonLogger, now: () => number = () => performance.now()) {
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): void => {
    const started = now();
    const scope: RequestScope = { requestId: requestIdOf(req.headers[REQUEST_ID_HEADER]) };
    res.setHeader(REQUEST_ID_HEADER, scope.requestId);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      RequestContext.run(scope, () =>
        logger.entry(res.statusCode >= 500 ? 'error' : 'info', 'request', {
          method: req.method,
          path: redactedPath((req.originalUrl ?? req.url ?? '').split('?')[0]),
          ...(scope.operation ? { operation: scope.operation } : {}),
          status: res.writableFinished ? res.statusCode : 499,
          durationMs: Math.round((now() - started) * 10) / 10,
        }),
      );
    };
    res.once('finish', done);
    res.once('close', done);
    RequestContext.run(scope, next);
  };
}
