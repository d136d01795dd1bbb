/*
 * SIP messages as this adapter handles them (RFC 3261 §7): a start line, ordered headers kept as
 * written, and a body it never reads (SDP passes through untouched). Headers that carry lists the
 * proxy edits (Via, Route, Record-Route) hold one value per entry.
 */

/** Compact forms (RFC 3261 §7.3.3 and extensions), read as their full names. */
const COMPACT_NAMES: Readonly<Record<string, string>> = {
  i: 'Call-ID',
  m: 'Contact',
  e: 'Content-Encoding',
  l: 'Content-Length',
  c: 'Content-Type',
  f: 'From',
  s: 'Subject',
  k: 'Supported',
  t: 'To',
  v: 'Via',
  o: 'Event',
  r: 'Refer-To',
  u: 'Allow-Events',
  x: 'Session-Expires',
};

const SPECIAL_CASE: Readonly<Record<string, string>> = {
  'call-id': 'Call-ID',
  cseq: 'CSeq',
  'www-authenticate': 'WWW-Authenticate',
  'mime-version': 'MIME-Version',
};

/** Headers whose comma-separated values are split into one entry each. */
export const LIST_HEADERS: ReadonlySet<string> = new Set(['via', 'route', 'record-route']);

/** `call-id` → `Call-ID`, `v` → `Via`, `x-dutyline-call` → `X-Dutyline-Call`. */
export function canonicalHeaderName(name: string): string {
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  const full = COMPACT_NAMES[lower] ?? trimmed;
  return (
    SPECIAL_CASE[full.toLowerCase()] ??
    full.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())
  );
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Ordered header entries with case-insensitive access. */
export class SipHeaders {
  private readonly entries: [string, string][];

  constructor(entries: Iterable<readonly [string, string]> = []) {
    this.entries = [...entries].map(([name, value]) => [canonicalHeaderName(name), value]);
  }

  /** The first value of `name`. */
  get(name: string): string | undefined {
    return this.entries.find(([n]) => same(n, name))?.[1];
  }

  all(name: string): string[] {
    return this.entries.filter(([n]) => same(n, name)).map(([, v]) => v);
  }

  has(name: string): boolean {
    return this.entries.some(([n]) => same(n, name));
  }

  /** Replaces every value of `name` by one, where the first was (or at the end). */
  set(name: string, value: string): this {
    const at = this.entries.findIndex(([n]) => same(n, name));
    this.remove(name);
    this.entries.splice(at < 0 ? this.entries.length : at, 0, [canonicalHeaderName(name), value]);
    return this;
  }

  /** Replaces the first value of `name` only (the top Via), or appends it. */
  replaceFirst(name: string, value: string): this {
    const at = this.entries.findIndex(([n]) => same(n, name));
    if (at < 0) return this.append(name, value);
    this.entries[at] = [canonicalHeaderName(name), value];
    return this;
  }

  remove(name: string): this {
    for (let i = this.entries.length - 1; i >= 0; i--) if (same(this.entries[i][0], name)) this.entries.splice(i, 1);
    return this;
  }

  /** Removes every header whose name starts with `prefix` (the proxy's own headers, when a caller sends them). */
  removeStartingWith(prefix: string): this {
    for (let i = this.entries.length - 1; i >= 0; i--)
      if (this.entries[i][0].toLowerCase().startsWith(prefix.toLowerCase())) this.entries.splice(i, 1);
    return this;
  }

  removeFirst(name: string): this {
    const at = this.entries.findIndex(([n]) => same(n, name));
    if (at >= 0) this.entries.splice(at, 1);
    return this;
  }

  /** Adds a value above the others of the same name (a proxy's Via, Record-Route). */
  prepend(name: string, value: string): this {
    const at = this.entries.findIndex(([n]) => same(n, name));
    this.entries.splice(at < 0 ? this.entries.length : at, 0, [canonicalHeaderName(name), value]);
    return this;
  }

  append(name: string, value: string): this {
    this.entries.push([canonicalHeaderName(name), value]);
    return this;
  }

  list(): readonly (readonly [string, string])[] {
    return this.entries;
  }

  clone(): SipHeaders {
    return new SipHeaders(this.entries);
  }
}

export interface SipRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
  readonly headers: SipHeaders;
  readonly body: Buffer;
}

export interface SipResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: SipHeaders;
  readonly body: Buffer;
}

export type SipMessage = SipRequest | SipResponse;

/** Where a datagram came from or goes to. */
export interface SipAddress {
  readonly address: string;
  readonly port: number;
}

export const EMPTY_BODY = Buffer.alloc(0);

/** A request from its parts; no body unless given. */
export function request({ method, uri, headers, body = EMPTY_BODY }: RequestParts): SipRequest {
  return { kind: 'request', method, uri, headers, body };
}

/** A response from its parts; no body unless given. */
export function response({ status, reason, headers, body = EMPTY_BODY }: ResponseParts): SipResponse {
  return { kind: 'response', status, reason, headers, body };
}

export type RequestParts = Omit<SipRequest, 'kind' | 'body'> & { readonly body?: Buffer };
export type ResponseParts = Omit<SipResponse, 'kind' | 'body'> & { readonly body?: Buffer };

/** A copy whose headers can be edited without touching the original. */
export function copyRequest(
  message: SipRequest,
  changes: Partial<Pick<SipRequest, 'method' | 'uri' | 'body'>> = {},
): SipRequest {
  return { ...message, ...changes, headers: message.headers.clone() };
}

export function copyResponse(message: SipResponse): SipResponse {
  return { ...message, headers: message.headers.clone() };
}

export const callIdOf = (message: SipMessage): string => message.headers.get('Call-ID') ?? '';

/** The CSeq number and method; `{0, ''}` when unreadable. */
export function cseqOf(message: SipMessage): { readonly seq: number; readonly method: string } {
  const match = /^\s*(\d+)\s+(\S+)/.exec(message.headers.get('CSeq') ?? '');
  return match ? { seq: Number(match[1]), method: match[2].toUpperCase() } : { seq: 0, method: '' };
}

/** A header value to write as a quoted string (Reason text, display names). */
export function quoted(text: string, maxLength = 200): string {
  const clean = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, maxLength);
  return `"${clean.replace(/(["\\])/g, '\\$1')}"`;
}
