import { KeyObject, verify as verifySignature } from 'node:crypto';
import { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local stand-in for Vonage's REST endpoints, for tests: point the client's `apiHost` and `restHost` at
 * `url`. It answers like Vonage, records every request, and can be told to fail.
 *
 * - `POST /v1/calls` → 201 `{uuid, status: "started", direction: "outbound", conversation_uuid}`
 * - `PUT /v1/calls/:uuid` → 204 (`hangup`, `transfer` with an NCCO destination, …)
 * - `POST /sms/json` → 200 `{"message-count": "1", "messages": [{"status": "0", "message-id", …}]}`
 * - `GET /v1/files/:id` → the bytes given to `addRecording`
 *
 * Voice routes want `Authorization: Bearer <RS256 JWT>` with `application_id`, `iat` and `jti` (and a valid
 * signature when `publicKey` is given); the SMS route wants Basic credentials or `api_key`/`api_secret`.
 */

export type FakeVonageRoute = 'create-call' | 'update-call' | 'send-sms' | 'recording';

export interface RecordedRequest {
  readonly route: FakeVonageRoute | null;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body decoded from JSON or a form; null when empty or unreadable. */
  readonly json: Record<string, unknown> | null;
}

export interface FakeFailure {
  /** HTTP status to answer, e.g. 429 or 500. */
  readonly status?: number;
  /** Body for that status. @defaultValue a Vonage-style problem `{type, title, detail}` */
  readonly body?: unknown;
  /** For `send-sms`: answer 200 with this per-message status, e.g. `"3"`. */
  readonly smsStatus?: string;
  readonly errorText?: string;
  /** Wait this long before answering (to provoke client time-outs). */
  readonly delayMs?: number;
  /** How many requests this applies to. @defaultValue 1 */
  readonly times?: number;
}

export interface FakeVonageApiOptions {
  /** When given, bearer JWTs must be signed by the matching private key. */
  readonly publicKey?: KeyObject | string;
  /** When given, SMS requests must carry exactly these credentials (else status "4"). */
  readonly apiKey?: string;
  readonly apiSecret?: string;
}

interface QueuedFailure {
  failure: FakeFailure;
  remaining: number;
}

export class FakeVonageApi {
  readonly requests: RecordedRequest[] = [];
  private readonly failures = new Map<FakeVonageRoute, QueuedFailure[]>();
  private readonly recordings = new Map<string, { audio: Buffer; contentType: string }>();
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: FakeVonageApiOptions,
  ) {}

  /** Listens on 127.0.0.1 on a free port. */
  static async start(options: FakeVonageApiOptions = {}): Promise<FakeVonageApi> {
    const holder: { api?: FakeVonageApi } = {};
    const server = createServer((req, res) => void holder.api!.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    holder.api = new FakeVonageApi(server, `http://127.0.0.1:${port}`, options);
    return holder.api;
  }

  requestsTo(route: FakeVonageRoute): RecordedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  /** The next request(s) to `route` fail as described. Failures queue up in order. */
  failNext(route: FakeVonageRoute, failure: FakeFailure): void {
    const queue = this.failures.get(route) ?? [];
    queue.push({ failure, remaining: failure.times ?? 1 });
    this.failures.set(route, queue);
  }

  /** Serves `audio` at the returned URL (what a record event's `recording_url` would hold). */
  addRecording(id: string, audio: Buffer, contentType = 'audio/mpeg'): string {
    this.recordings.set(id, { audio, contentType });
    return `${this.url}/v1/files/${encodeURIComponent(id)}`;
  }

  /** Forgets recorded requests and pending failures; ids start again from 1. Recordings stay. */
  reset(): void {
    this.requests.length = 0;
    this.failures.clear();
    this.sequence = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    this.requests.push({
      route,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      json: decodeBody(body, req.headers['content-type']),
    });
    const request = this.requests[this.requests.length - 1];
    if (route === null)
      return send(res, 404, problem('Not Found', `${method} ${url.pathname} is not an endpoint of this fake`));

    const failure = this.takeFailure(route);
    if (failure?.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    if (failure?.status !== undefined) {
      return send(
        res,
        failure.status,
        failure.body ??
          problem(failure.status === 429 ? 'Too Many Requests' : 'Server Error', 'failure requested by the test'),
      );
    }
    if (route === 'send-sms') return this.sendSms(res, request, failure);

    const authError = this.bearerError(req.headers.authorization);
    if (authError) return send(res, 401, problem('Unauthorized', authError));
    switch (route) {
      case 'create-call':
        return this.createCall(res, request);
      case 'update-call':
        return this.updateCall(res, request);
      case 'recording':
        return this.recording(res, url.pathname);
    }
  }

  private takeFailure(route: FakeVonageRoute): FakeFailure | null {
    const queue = this.failures.get(route);
    const next = queue?.[0];
    if (!next) return null;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return next.failure;
  }

  private createCall(res: ServerResponse, request: RecordedRequest): void {
    const call = request.json;
    if (!call || !Array.isArray(call['to']) || call['to'].length === 0)
      return send(res, 400, problem('Bad Request', 'to is required'));
    if (!isObject(call['from'])) return send(res, 400, problem('Bad Request', 'from is required'));
    if (!Array.isArray(call['ncco']) && !Array.isArray(call['answer_url']))
      return send(res, 400, problem('Bad Request', 'ncco or answer_url is required'));
    const n = String(++this.sequence).padStart(12, '0');
    send(res, 201, {
      uuid: `00000000-0000-4000-8000-${n}`,
      status: 'started',
      direction: 'outbound',
      conversation_uuid: `CON-00000000-0000-4000-8000-${n}`,
    });
  }

  private updateCall(res: ServerResponse, request: RecordedRequest): void {
    const action = request.json?.['action'];
    if (!['hangup', 'mute', 'unmute', 'earmuff', 'unearmuff', 'transfer'].includes(String(action))) {
      return send(res, 400, problem('Bad Request', `unknown action ${String(action)}`));
    }
    const destination = request.json?.['destination'];
    if (
      action === 'transfer' &&
      !(
        isObject(destination) &&
        destination['type'] === 'ncco' &&
        (Array.isArray(destination['ncco']) || Array.isArray(destination['url']))
      )
    ) {
      return send(res, 400, problem('Bad Request', 'a transfer needs destination {type: "ncco", ncco: [...]}'));
    }
    send(res, 204, null);
  }

  private recording(res: ServerResponse, path: string): void {
    const recording = this.recordings.get(decodeURIComponent(path.slice('/v1/files/'.length)));
    if (!recording) return send(res, 404, problem('Not Found', 'no such recording'));
    res.writeHead(200, { 'content-type': recording.contentType, 'content-length': recording.audio.length });
    res.end(recording.audio);
  }

  private sendSms(res: ServerResponse, request: RecordedRequest, failure: FakeFailure | null): void {
    const credentials = smsCredentials(request);
    const { apiKey, apiSecret } = this.options;
    const badCredentials =
      !credentials || (apiKey !== undefined && (credentials.key !== apiKey || credentials.secret !== apiSecret));
    const status = badCredentials ? '4' : (failure?.smsStatus ?? '0');
    const to = String(request.json?.['to'] ?? '');
    if (status !== '0') {
      return send(res, 200, {
        'message-count': '1',
        messages: [{ status, 'error-text': failure?.errorText ?? (badCredentials ? 'Bad Credentials' : 'Refused') }],
      });
    }
    const id = `FAKE${String(++this.sequence).padStart(12, '0')}`;
    send(res, 200, {
      'message-count': '1',
      messages: [
        {
          to,
          'message-id': id,
          status: '0',
          'remaining-balance': '10.00000000',
          'message-price': '0.05000000',
          network: '20801',
        },
      ],
    });
  }

  /** Null when the header holds a well-formed RS256 application JWT; else what is wrong with it. */
  private bearerError(authorization: string | undefined): string | null {
    const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
    if (!match) return 'a Bearer JWT is required';
    const [, headerPart, claimsPart, signature] = match;
    const header = decodeSegment(headerPart);
    const claims = decodeSegment(claimsPart);
    if (header?.['alg'] !== 'RS256') return 'the JWT must be signed RS256';
    if (
      typeof claims?.['application_id'] !== 'string' ||
      typeof claims['iat'] !== 'number' ||
      typeof claims['jti'] !== 'string'
    ) {
      return 'the JWT needs application_id, iat and jti claims';
    }
    if (this.options.publicKey) {
      const valid = verifySignature(
        'RSA-SHA256',
        Buffer.from(`${headerPart}.${claimsPart}`),
        this.options.publicKey,
        Buffer.from(signature, 'base64url'),
      );
      if (!valid) return 'the JWT signature does not match the application key';
    }
    return null;
  }
}

function routeOf(method: string, path: string): FakeVonageRoute | null {
  if (method === 'POST' && path === '/v1/calls') return 'create-call';
  if (method === 'PUT' && /^\/v1\/calls\/[^/]+$/.test(path)) return 'update-call';
  if (method === 'POST' && path === '/sms/json') return 'send-sms';
  if (method === 'GET' && /^\/v1\/files\/[^/]+$/.test(path)) return 'recording';
  return null;
}

function smsCredentials(request: RecordedRequest): { key: string; secret: string } | null {
  const basic = /^Basic (.+)$/.exec(String(request.headers.authorization ?? ''));
  if (basic) {
    const [key, ...secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return key && secret.length > 0 ? { key, secret: secret.join(':') } : null;
  }
  const key = request.json?.['api_key'];
  const secret = request.json?.['api_secret'];
  return typeof key === 'string' && typeof secret === 'string' ? { key, secret } : null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function decodeBody(body: string, contentType: string | undefined): Record<string, unknown> | null {
  if (body === '') return null;
  if ((contentType ?? '').includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(body));
  try {
    const value: unknown = JSON.parse(body);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function decodeSegment(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(title: string, detail: string) {
  return { type: 'https://developer.vonage.com/api-errors', title, detail };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === null) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
