import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Vonage webhook request with its body exactly as received (the signature's `payload_hash` covers those bytes). */
export interface RawBodyRequest extends IncomingMessage {
  rawBody?: Buffer;
  originalUrl?: string;
}

/** The largest webhook body read; Vonage's are a few hundred bytes. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads the body of every non-GET request under `prefix` into `req.rawBody` before any body parser
 * runs. The stream is then finished, so the JSON parser leaves it alone and the webhook handlers parse
 * it themselves: a malformed body never becomes an error response on a call-critical URL.
 */
export function rawBodyCapture(prefix: string) {
  return function captureWebhookRawBody(
    req: RawBodyRequest,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ): void {
    if (!(req.url ?? '').startsWith(prefix) || req.method === 'GET' || req.method === 'HEAD') return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        settled = true;
        res.statusCode = 413;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(
          JSON.stringify({
            error: { code: 'PAYLOAD_TOO_LARGE', message: `a webhook body is at most ${MAX_BODY_BYTES} bytes` },
          }),
        );
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      req.rawBody = Buffer.concat(chunks);
      next();
    });
    req.on('error', (error) => {
      if (settled) return;
      settled = true;
      next(error);
    });
  };
}

interface ExpressLayer {
  readonly handle?: { readonly name?: string };
  readonly route?: unknown;
}
interface ExpressApp {
  use(handler: unknown): unknown;
  readonly router?: { stack?: ExpressLayer[] };
}

/**
 * Puts `rawBodyCapture(prefix)` in Express's stack just before the body parsers Nest registered (or
 * before the first route). Called once the app is initialising, when the parsers are in place; false
 * when the stack is not what is expected (the handlers then fall back on the parsed body).
 */
export function installRawBodyCapture(app: ExpressApp, prefix: string): boolean {
  app.use(rawBodyCapture(prefix));
  const stack = app.router?.stack;
  if (!Array.isArray(stack)) return false;
  const capture = stack.pop()!;
  const before = stack.findIndex(
    (layer) => layer.route !== undefined || ['jsonParser', 'urlencodedParser'].includes(layer.handle?.name ?? ''),
  );
  stack.splice(before === -1 ? stack.length : before, 0, capture);
  return before !== -1;
}
