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

/** Observes one finished request: its route pattern (never the path), status and duration. */
export type RequestObserver = (request: {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}) => void;

/** The route pattern a handler outside Express (the call webhooks) served the request by. */
const ROUTE_PATTERN = Symbol('routePattern');
type Routed = IncomingMessage & { [ROUTE_PATTERN]?: string; route?: { path?: unknown } };

export function setRoutePattern(request: IncomingMessage, pattern: string): void {
  (request as Routed)[ROUTE_PATTERN] = pattern;
}

/** Served by a mounted middleware (no Express route), at a fixed path. */
const FIXED_PATHS = new Set(['/graphql']);

/** The pattern the request was routed by (`/voicemail/:token`), else `(other)`: a raw path never becomes a label. */
export function routePatternOf(request: IncomingMessage, path: string): string {
  const routed = request as Routed;
  const pattern = routed[ROUTE_PATTERN] ?? routed.route?.path;
  if (typeof pattern === 'string') return pattern;
  return FIXED_PATHS.has(path) ? path : '(other)';
}

/** A path whose segment is a credential (a voicemail link's or a calendar feed's token) is logged without it, however it is spelt (the router ignores case). */
export const redactedPath = (path: string): string =>
  path.replace(/^\/+voicemail\/+[^/]+/i, '/voicemail/:token').replace(/^\/+calendar\/+[^/]+/i, '/calendar/:token');

/**
 * Gives every request an id (the caller's `x-request-id` or a new one), echoes it in the response,
 * runs the rest of the request inside its RequestContext and logs one line when the response ends:
 * method, path, GraphQL operation, status, duration; and tells `observe` (the latency metrics).
 */
export function requestLogging(
  logger: JsonLogger,
  observe: RequestObserver | null = null,
  now: () => number = () => performance.now(),
) {
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): void => {
    const started = now();
    const scope: RequestScope = { requestId: requestIdOf(req.headers[REQUEST_ID_HEADER]) };
    res.setHeader(REQUEST_ID_HEADER, scope.requestId);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const elapsedMs = now() - started;
      const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
      const status = res.writableFinished ? res.statusCode : 499;
      observe?.({ method: req.method ?? 'GET', route: routePatternOf(req, path), status, seconds: elapsedMs / 1000 });
      RequestContext.run(scope, () =>
        logger.entry(res.statusCode >= 500 ? 'error' : 'info', 'request', {
          method: req.method,
          path: redactedPath(path),
          ...(scope.operation ? { operation: scope.operation } : {}),
          status,
          durationMs: Math.round(elapsedMs * 10) / 10,
        }),
      );
    };
    res.once('finish', done);
    res.once('close', done);
    RequestContext.run(scope, next);
  };
}
