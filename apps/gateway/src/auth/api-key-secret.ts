import { createHash, hkdfSync, randomBytes } from 'node:crypto';

/** Every API key starts with this, so the guard tells keys from login tokens at a glance. */
export const API_KEY_PREFIX = 'dl_';
/** `dl_` and 12 characters (72 random bits): unique enough to find the key, useless to guess it. */
export const API_KEY_PREFIX_LENGTH = 15;

/** A new API key: the secret (shown once), what is displayed later (`prefix`) and what is stored (`hash`). */
export interface IssuedApiKey {
  readonly key: string;
  readonly prefix: string;
  readonly hash: string;
}

/**
 * API keys carry 256 random bits, so a fast hash (SHA-256) is enough to store them: nobody can
 * guess one, and a leaked table gives nothing usable. Look-up is by hash.
 */
export const apiKeyHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const looksLikeApiKey = (credential: string): boolean => credential.startsWith(API_KEY_PREFIX);

export function issueApiKey(secretBytes: Buffer = randomBytes(32)): IssuedApiKey {
  const key = `${API_KEY_PREFIX}${secretBytes.toString('base64url')}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX_LENGTH), hash: apiKeyHash(key) };
}

/**
 * The embedded default's demo key, derived from AUTH_SECRET and the account: stored hashed like any
 * key, yet printable again at every start without keeping the secret on disk.
 */
export const demoApiKey = (authSecret: string, accountId: string): IssuedApiKey =>
  issueApiKey(Buffer.from(hkdfSync('sha256', authSecret, 'dutyline', `demo-api-key/${accountId}`, 32)));
