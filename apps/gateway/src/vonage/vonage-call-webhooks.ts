import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { DomainError } from '@dutyline/domain';
import type { Ncco } from '@dutyline/vonage';
import { ApiError } from '../graphql/api-errors';
import { writeHttpError } from '../graphql/http-error.filter';
import type { JsonLogger } from '../logging/json-logger';
import { RequestContext } from '../logging/request-context';
import { type RequestObserver, requestLogging, setRoutePattern } from '../logging/request-logging.middleware';
import { writeWebhookSecurityHeaders } from '../security-headers';
import { type RawBodyRequest, rawBodyCapture } from './raw-body-capture';
import type { VonageCallAdapter } from './vonage-call-adapter';
import { legRoutePattern, servedLegRoute } from './vonage-leg-routes';
import { fieldsOf, leniently, reply } from './vonage-webhook-fields';
import { ReplayedWebhookError, type VonageWebhookSignatures } from './vonage-webhook-signatures';

type Route = (
  adapter: VonageCallAdapter,
  params: readonly string[],
  request: RawBodyRequest,
) => Promise<Ncco | null | 'no-content'>;

/**
 * The call's webhooks but the leg routes (vonage-leg-routes.ts: the connect's event URL, whose reply
 * replaces the caller's NCCO when the leg did not connect; the callee's onAnswer URL and key; the
 * notify after a connect), any method (GET with query parameters, or POST with a JSON or form body).
 * Every route but the recording always answers 200 with an NCCO or 204, never an error Vonage would
 * turn into a dropped call; the recording callback answers 204, or 400 naming the field.
 */
const ROUTES: readonly (readonly [RegExp, string, Route])[] = [
  /** Application setting "Answer URL". */
  [/^\/vonage\/answer\/?$/, '/vonage/answer', (adapter, _, request) => adapter.answer(leniently(request))],
  /** The caller's keys at a menu or keyed number (F25): `?stage=` as the NCCO's `input` gave it. */
  [
    /^\/vonage\/calls\/keys\/?$/,
    '/vonage/calls/keys',
    (adapter, _, request) => adapter.keys(stageOf(request.url ?? ''), leniently(request)),
  ],
  /** Application setting "Event URL": the caller's leg and NCCO errors. */
  [
    /^\/vonage\/event\/?$/,
    '/vonage/event',
    async (adapter, _, request) => {
      await adapter.callEvent(leniently(request));
      return null;
    },
  ],
  /** Application setting "Fallback URL". */
  [/^\/vonage\/fallback\/?$/, '/vonage/fallback', (adapter, _, request) => adapter.fallback(leniently(request))],
  /** The voicemail's record event: 204, or 400 naming the field. */
  [
    /^\/vonage\/calls\/([^/]+)\/recording\/?$/,
    '/vonage/calls/:callId/recording',
    async (adapter, [callId], request) => {
      await adapter.recording(callId, fieldsOf(request));
      return 'no-content';
    },
  ],
];

/** The `stage` query parameter of a keys URL; null when absent or unreadable. */
function stageOf(url: string): string | null {
  try {
    return new URL(url, 'http://gateway').searchParams.get('stage');
  } catch {
    return null;
  }
}

type FoundRoute = { readonly route: Route; readonly pattern: string; readonly params: string[] };

/** The route, its pattern and its decoded parameters for a request path, or null when it is none of the call's webhooks. */
function routeOf(url: string): FoundRoute | null {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.startsWith('/vonage/')) return null;
  const leg = servedLegRoute(path);
  if (leg) {
    const route: Route = (adapter, _, request) => adapter.legWebhook(leg, leniently(request));
    return { route, pattern: legRoutePattern(leg.route), params: [] };
  }
  for (const [expression, pattern, route] of ROUTES) {
    const match = expression.exec(path);
    if (!match) continue;
    try {
      return { route, pattern, params: match.slice(1).map((param) => decodeURIComponent(param)) };
    } catch {
      return null;
    }
  }
  return null;
}

/** Where the webhooks' latencies go: every request's, and the webhook's own (signature check and reply) by route pattern. */
export interface WebhookObserver {
  readonly request: RequestObserver;
  webhook(carrier: string, route: string, seconds: number): void;
}

/** What serves the call's webhooks: `serve` takes a request that is one of them (true), else leaves it (false). */
export interface VonageCallWebhooks {
  serve(request: RawBodyRequest, response: ServerResponse): boolean;
}

/**
 * Serves Vonage's call webhooks (answer, event, fallback, the per-leg URLs, the recording callback)
 * ahead of Express and Nest (`serveAhead`): the answer path is the product's critical path, so it runs
 * on nothing it does not need — the request id and log line, the raw body, the signature, the
 * adapter — and no guard, interceptor or exception filter can turn a slip into an error response.
 * Through Express the same webhook cost twice the CPU (the answer benchmark: 265 → 143 µs a request).
 */
export function vonageCallWebhooks({
  adapter,
  signatures,
  logger,
  observer = null,
}: {
  adapter: VonageCallAdapter;
  signatures: VonageWebhookSignatures;
  logger: JsonLogger;
  observer?: WebhookObserver | null;
}): VonageCallWebhooks {
  const capture = rawBodyCapture('/vonage/');
  const logging = requestLogging(logger, observer?.request ?? null);

  /**
   * The route's reply, after the signature; a refusal or an error as the plain HTTP routes write them,
   * except a replayed token: 503, which Vonage answers by retrying and then by its fallback URL (a new
   * request, so a new token), should a retry of Vonage's ever carry the token it already sent.
   */
  async function respond(found: FoundRoute, request: RawBodyRequest, response: ServerResponse): Promise<void> {
    const started = performance.now();
    try {
      await handle(found, request, response);
    } finally {
      observer?.webhook('vonage', found.pattern, (performance.now() - started) / 1000);
    }
  }

  async function handle(
    { route, params, pattern }: FoundRoute,
    request: RawBodyRequest,
    response: ServerResponse,
  ): Promise<void> {
    const refusal = await signatures.refusal(request);
    if (refusal instanceof ReplayedWebhookError) {
      response.statusCode = 503;
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(JSON.stringify({ error: { code: 'SIGNATURE_REPLAYED', message: refusal.message } }));
      return;
    }
    if (refusal) return writeHttpError(response, refusal);
    try {
      const ncco = await route(adapter, params, request);
      if (ncco === 'no-content') {
        response.statusCode = 204;
        response.end();
      } else {
        reply(response, ncco);
      }
    } catch (error) {
      if (error instanceof DomainError || error instanceof ApiError) return writeHttpError(response, error);
      const requestId = RequestContext.requestId();
      // The route's pattern, not the path: the path's segments are the caller's text.
      logger.entry('error', 'a Vonage webhook failed', { route: pattern, error });
      response.statusCode = 500;
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(
        JSON.stringify({
          error: {
            code: 'INTERNAL_SERVER_ERROR',
            message: 'the webhook could not be handled',
            ...(requestId ? { requestId } : {}),
          },
        }),
      );
    }
  }

  return {
    serve(request, response) {
      const found = routeOf(request.url ?? '');
      if (!found) return false;
      writeWebhookSecurityHeaders(response);
      setRoutePattern(request, found.pattern);
      logging(request, response, () =>
        capture(request, response, (error) => {
          // The body could not be read (the client went away): nobody is left to answer.
          if (error) return void response.destroy();
          void respond(found, request, response);
        }),
      );
      return true;
    },
  };
}

/** Puts `serve` ahead of whatever serves `server`'s requests now (Express): a request it takes never reaches them. */
export function serveAhead(
  server: Server,
  serve: (request: IncomingMessage, response: ServerResponse) => boolean,
): void {
  const others = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (serve(request, response)) return;
    for (const listener of others) listener.call(server, request, response);
  });
}
