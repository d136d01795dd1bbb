import { KeyObject, createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { Instant } from '@dutyline/domain';
import { queryAsJson, sha256Hex } from '../vonage-signature.verifier';

export interface TestKeyPair {
  /** PEM, as a Vonage application's private key file holds it. */
  readonly privateKey: string;
  readonly publicKey: KeyObject;
}

let cached: TestKeyPair | undefined;

/** An RSA key pair for a fake Vonage application (generated once per test process). */
export function testApplicationKeys(): TestKeyPair {
  if (!cached) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    cached = {
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: pair.publicKey,
    };
  }
  return cached;
}

export interface SignWebhookOptions {
  /** The account's signature secret. */
  readonly secret: string;
  /** When the token was issued (`iat`). */
  readonly issuedAt: Instant;
  /** The POST body exactly as sent. */
  readonly rawBody?: string;
  /** The GET query string exactly as sent (hashed as a compact JSON object). */
  readonly rawQuery?: string;
  /** Overrides the computed hash (to forge a mismatch). */
  readonly payloadHash?: string;
  readonly apiKey?: string;
  readonly applicationId?: string;
  /** @defaultValue 'Vonage' */
  readonly issuer?: string;
  /** The token's id. @defaultValue a new UUID: each signed request is a new token, as Vonage signs each request */
  readonly jti?: string;
  /** @defaultValue 'HS256' ('none' produces an unsigned token) */
  readonly alg?: 'HS256' | 'none';
}

/** The `Authorization` header value Vonage would send with a signed webhook. */
export function signVonageWebhook(options: SignWebhookOptions): string {
  const payload = options.rawQuery !== undefined ? queryAsJson(options.rawQuery) : (options.rawBody ?? '');
  const claims = {
    iat: Math.floor(options.issuedAt / 1000),
    jti: options.jti ?? randomUUID(),
    iss: options.issuer ?? 'Vonage',
    payload_hash: options.payloadHash ?? sha256Hex(payload),
    api_key: options.apiKey ?? 'abcd1234',
    ...(options.applicationId ? { application_id: options.applicationId } : {}),
  };
  const alg = options.alg ?? 'HS256';
  const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${segment({ alg, typ: 'JWT' })}.${segment(claims)}`;
  const signature = alg === 'none' ? '' : createHmac('sha256', options.secret).update(unsigned).digest('base64url');
  return `Bearer ${unsigned}.${signature}`;
}
