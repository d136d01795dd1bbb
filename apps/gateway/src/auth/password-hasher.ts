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

/**
 * OWASP's recommended scrypt cost: 2^17 × 8 × 128 bytes = 128 MiB (outside the V8 heap) and a few
 * hundred ms per hash on a server core. Hashes stored at a lower cost are upgraded at the next sign-in.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

/** Hashes running at once by default: 2 × 128 MiB at most, however many logins arrive together. */
export const DEFAULT_MAX_CONCURRENT_HASHES = 2;

/** The key derivation: scrypt (a test may count or hold the calls). */
export type Derive = (
  password: string,
  salt: Buffer,
  options: ScryptOptions & { readonly keyLength: number },
) => Promise<Buffer>;

export interface PasswordHasherOptions {
  /** @defaultValue DEFAULT_MAX_CONCURRENT_HASHES */
  readonly maxConcurrent?: number;
  /** @defaultValue node:crypto's scrypt */
  readonly derive?: Derive;
}

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

const scryptAsync: Derive = (password, salt, { keyLength, ...options }) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

const memoryOf = (cost: ScryptCost) => 128 * cost.N * cost.r * 2;

/** At most `max` tasks at once; the others wait their turn in order. */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) invalid('OUT_OF_RANGE', 'maxConcurrent', 'at least 1 task runs at a time');
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.max) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/**
 * Salted, memory-hard password hashing (scrypt). Stored form:
 * `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, so the cost can rise later without breaking
 * existing hashes (`needsRehash`). Verification compares in constant time. At most `maxConcurrent`
 * hashes run at once (each holds N × r × 128 bytes), so parallel logins queue rather than exhaust memory.
 */
export class PasswordHasher {
  /** A hash of a random password, verified against when the e-mail is unknown so timing tells nothing. */
  private decoy: Promise<string> | undefined;

  private readonly slots: Semaphore;
  private readonly derive: Derive;

  constructor(
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
    options: PasswordHasherOptions = {},
  ) {
    this.slots = new Semaphore(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT_HASHES);
    this.derive = options.derive ?? scryptAsync;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await this.scrypt(password, salt, { keyLength: KEY_LENGTH, cost: this.cost });
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
    const actual = await this.scrypt(password, salt, { keyLength: expected.length, cost: { N, r, p } });
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

  private scrypt(
    password: string,
    salt: Buffer,
    { keyLength, cost }: { readonly keyLength: number; readonly cost: ScryptCost },
  ): Promise<Buffer> {
    return this.slots.run(() => this.derive(password, salt, { keyLength, ...cost, maxmem: memoryOf(cost) }));
  }
}

/** The password policy: 10 to 200 characters. A ValidationError `WEAK_PASSWORD` / `TOO_LONG` on `field`. */
export function acceptablePassword(password: string, field = 'password'): string {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    invalid('WEAK_PASSWORD', field, `a password has at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH)
    invalid('TOO_LONG', field, `a password has at most ${MAX_PASSWORD_LENGTH} characters`);
  return password;
}
