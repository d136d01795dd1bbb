import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { invalid } from '@dutyline/domain';

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB and roughly 50–100 ms per hash on a server core (OWASP's scrypt floor is 2^17 × 8 × 1 at ~128 MiB; this is the interactive-login trade-off). */
export const DEFAULT_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

const scryptAsync = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

const memoryOf = (cost: ScryptCost) => 128 * cost.N * cost.r * 2;

/**
 * Salted, memory-hard password hashing (scrypt). Stored form:
 * `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, so the cost can rise later without breaking
 * existing hashes (`needsRehash`). Verification compares in constant time.
 */
export class PasswordHasher {
  /** A hash of a random password, verified against when the e-mail is unknown so timing tells nothing. */
  private decoy: Promise<string> | undefined;

  constructor(private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await scryptAsync(password, salt, KEY_LENGTH, { ...this.cost, maxmem: memoryOf(this.cost) });
    return ['scrypt', this.cost.N, this.cost.r, this.cost.p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** False for a wrong password and for a stored value that is not one of our hashes. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [N, r, p] = parts.slice(1, 4).map(Number);
    if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
    const salt = Buffer.from(parts[4], 'base64');
    const expected = Buffer.from(parts[5], 'base64');
    if (expected.length === 0) return false;
    const actual = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: memoryOf({ N, r, p }) });
    return timingSafeEqual(actual, expected);
  }

  /** Spends the time of a verification and answers false (unknown e-mail). */
  async verifyNothing(password: string): Promise<false> {
    this.decoy ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(password, await this.decoy);
    return false;
  }

  needsRehash(stored: string): boolean {
    const [, N, r, p] = stored.split('$').map(Number);
    return N !== this.cost.N || r !== this.cost.r || p !== this.cost.p;
  }
}

/** The password policy: 10 to 200 characters. A ValidationError `WEAK_PASSWORD` / `TOO_LONG` on `field`. */
export function acceptablePassword(password: string, field = 'password'): string {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    invalid('WEAK_PASSWORD', field, `a password has at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) invalid('TOO_LONG', field, `a password has at most ${MAX_PASSWORD_LENGTH} characters`);
  return password;
}
