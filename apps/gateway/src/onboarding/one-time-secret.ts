import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** What is stored of a secret: its SHA-256, hex. */
export const hashOfSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A new link secret (it goes out once, in an e-mail) and the hash kept in the database. */
export function newSecret(): { readonly secret: string; readonly hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashOfSecret(secret) };
}

/** The hash to look a presented secret up by; null when it cannot be one of ours (refused without a query). */
export const presentedSecretHash = (token: unknown): string | null =>
  typeof token === 'string' && SECRET_PATTERN.test(token) ? hashOfSecret(token) : null;
