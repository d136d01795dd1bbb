import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Clock, Result, err, invalid, ok } from '@dutyline/domain';

/**
 * Checks Vonage's signed Voice webhooks: `Authorization: Bearer <JWT>` signed HS256 with the account's
 * signature secret, issued by `Vonage`, recently, over this very payload (`payload_hash`).
 *
 * The HS256 signature is checked here with node:crypto (HMAC-SHA256 of `header.claims`, compared in constant
 * time), not with `@vonage/jwt`'s `verifySignature`: given a string secret, the jsonwebtoken library behind
 * it first tries the secret as a public key and throws, which cost ~750 µs per webhook. Vonage's Voice
 * tokens carry `iat` only, whose freshness is checked against the injected clock.
 */

export type SignatureRejectionCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_MALFORMED'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_WRONG_ISSUER'
  | 'SIGNATURE_WRONG_API_KEY'
  | 'SIGNATURE_STALE'
  | 'PAYLOAD_MISMATCH';

export interface SignatureRejection {
  readonly code: SignatureRejectionCode;
  readonly message: string;
}

export interface VonageWebhookClaims {
  /** Issued at, in seconds since the epoch. */
  readonly iat: number;
  readonly jti: string | null;
  /** What identifies this very token for replay checks: its `jti`, else its signature. */
  readonly tokenId: string;
  readonly iss: string;
  readonly apiKey: string | null;
  readonly applicationId: string | null;
  readonly payloadHash: string;
}

/** What the verifier needs from an HTTP request, taken before any body parser rewrites it. */
export interface SignedWebhookRequest {
  readonly method: string;
  /** The `Authorization` header as received. */
  readonly authorization: string | null | undefined;
  /** The body bytes exactly as received (POST). */
  readonly rawBody?: string | Buffer | null;
  /** The query string exactly as received, with or without its `?` (GET). */
  readonly rawQuery?: string | null;
}

export interface VonageSignatureOptions {
  /** The account's signature secret (Dashboard → Settings). */
  readonly signatureSecret: string;
  readonly clock: Clock;
  /** How old `iat` may be. @defaultValue 300 */
  readonly maxAgeSeconds?: number;
  /** How far `iat` may lie ahead of our clock. @defaultValue 60 */
  readonly futureSkewSeconds?: number;
  /** When set, the `api_key` claim must equal it. */
  readonly apiKey?: string;
  /** @defaultValue 'Vonage' */
  readonly issuer?: string;
}

export class VonageSignatureVerifier {
  private readonly maxAgeSeconds: number;
  private readonly futureSkewSeconds: number;
  private readonly issuer: string;

  constructor(private readonly options: VonageSignatureOptions) {
    if (typeof options.signatureSecret !== 'string' || options.signatureSecret.length < 8) {
      invalid(
        'INVALID_SIGNATURE_SECRET',
        'signatureSecret',
        'the Vonage signature secret is required (at least 8 characters)',
      );
    }
    this.maxAgeSeconds = nonNegative(options.maxAgeSeconds ?? 300, 'maxAgeSeconds');
    this.futureSkewSeconds = nonNegative(options.futureSkewSeconds ?? 60, 'futureSkewSeconds');
    this.issuer = options.issuer ?? 'Vonage';
  }

  /** How long a token stays acceptable after it first arrives, at most (`iat` may lie ahead by the skew): how long its id must be remembered. */
  get acceptedForMs(): number {
    return (this.maxAgeSeconds + this.futureSkewSeconds) * 1000;
  }

  verify(request: SignedWebhookRequest): Result<VonageWebhookClaims, SignatureRejection> {
    const header = request.authorization?.trim() ?? '';
    if (header === '') return reject('SIGNATURE_MISSING', 'no Authorization header');
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(header);
    if (!match) return reject('SIGNATURE_MALFORMED', 'the Authorization header is not "Bearer <JWT>"');
    const token = match[1];
    const [headerPart, claimsPart, signaturePart] = token.split('.');
    const jwtHeader = decodeJson(headerPart);
    const claims = decodeJson(claimsPart);
    if (!jwtHeader || !claims) return reject('SIGNATURE_MALFORMED', 'the JWT header or claims are not JSON');
    if (jwtHeader['alg'] !== 'HS256')
      return reject('SIGNATURE_INVALID', `the JWT is signed ${String(jwtHeader['alg'])}, not HS256`);
    if (!signedWith(`${headerPart}.${claimsPart}`, signaturePart, this.options.signatureSecret))
      return reject('SIGNATURE_INVALID', 'the JWT signature does not match the signature secret');

    if (claims['iss'] !== this.issuer)
      return reject('SIGNATURE_WRONG_ISSUER', `the JWT was issued by ${String(claims['iss'])}, not ${this.issuer}`);
    const apiKey = typeof claims['api_key'] === 'string' ? claims['api_key'] : null;
    if (this.options.apiKey !== undefined && apiKey !== this.options.apiKey) {
      return reject('SIGNATURE_WRONG_API_KEY', 'the JWT was issued for another API key');
    }
    const iat = claims['iat'];
    if (typeof iat !== 'number' || !Number.isFinite(iat))
      return reject('SIGNATURE_MALFORMED', 'the JWT has no numeric iat claim');
    const nowSeconds = this.options.clock.now() / 1000;
    if (iat < nowSeconds - this.maxAgeSeconds)
      return reject('SIGNATURE_STALE', `the JWT was issued ${Math.round(nowSeconds - iat)} s ago`);
    if (iat > nowSeconds + this.futureSkewSeconds)
      return reject('SIGNATURE_STALE', `the JWT is issued ${Math.round(iat - nowSeconds)} s in the future`);

    const payloadHash = claims['payload_hash'];
    if (typeof payloadHash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(payloadHash)) {
      return reject('PAYLOAD_MISMATCH', 'the JWT carries no payload_hash');
    }
    if (!payloadCandidates(request).some((payload) => sameHash(sha256Hex(payload), payloadHash))) {
      return reject('PAYLOAD_MISMATCH', 'the payload does not match the payload_hash the JWT was signed with');
    }
    const jti = typeof claims['jti'] === 'string' && claims['jti'] !== '' ? claims['jti'] : null;
    return ok({
      iat,
      jti,
      tokenId: jti ?? `signature:${signaturePart}`,
      iss: this.issuer,
      apiKey,
      applicationId: typeof claims['application_id'] === 'string' ? claims['application_id'] : null,
      payloadHash: payloadHash.toLowerCase(),
    });
  }
}

/**
 * What Vonage hashes for `payload_hash`:
 * - a GET: its query parameters as a compact JSON object, keys in the order they appear (values are strings);
 * - otherwise: the body. The raw bytes are tried first; when they are JSON but not compact, their compact
 *   re-serialisation too (a proxy may have re-indented it). An empty body counts as `{}` as well.
 */
export function payloadCandidates(request: Pick<SignedWebhookRequest, 'method' | 'rawBody' | 'rawQuery'>): string[] {
  if (request.method.toUpperCase() === 'GET') return [queryAsJson(request.rawQuery ?? '')];
  const raw =
    typeof request.rawBody === 'string' ? request.rawBody : request.rawBody ? request.rawBody.toString('utf8') : '';
  if (raw.trim() === '') return [raw, '{}'];
  try {
    const compacted = JSON.stringify(JSON.parse(raw));
    return compacted === raw ? [raw] : [raw, compacted];
  } catch {
    return [raw];
  }
}

/** `a=1&b=two` → `{"a":"1","b":"two"}`; a repeated key keeps its first position and its last value. */
export function queryAsJson(rawQuery: string): string {
  const params = new URLSearchParams(rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery);
  // A Map, not an object: an object would move integer-like keys to the front.
  const ordered = new Map<string, string>();
  for (const [key, value] of params) ordered.set(key, value);
  return `{${[...ordered].map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
}

export function sha256Hex(payload: string): string {
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

function sameHash(actual: string, claimed: string): boolean {
  return timingSafeEqual(Buffer.from(actual, 'utf8'), Buffer.from(claimed.toLowerCase(), 'utf8'));
}

function signedWith(signingInput: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(signingInput, 'utf8').digest();
  const actual = Buffer.from(signature, 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function reject(code: SignatureRejectionCode, message: string): Result<never, SignatureRejection> {
  return err({ code, message });
}

function nonNegative(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0)
    invalid('OUT_OF_RANGE', field, `${field} is a number of seconds, 0 or more`);
  return value;
}
