import { type Instant, keepWithin } from '@dutyline/domain';
import { NotFoundError, TooManyRequestsError } from '../graphql/api-errors';

/** One lookup: from which client address, when, and what it looks for (named in the 404). */
export interface AddressLookup {
  readonly address: string;
  readonly now: Instant;
  readonly what: string;
}

export interface AddressMissLimiterOptions {
  /** Misses allowed per address and window. @defaultValue 20 */
  readonly maxMisses?: number;
  /** @defaultValue 10 minutes */
  readonly windowMs?: number;
  /** Addresses remembered at most; the oldest windows are forgotten first. @defaultValue 10 000 */
  readonly maxAddresses?: number;
}

interface Window {
  readonly start: Instant;
  misses: number;
}

/**
 * Failed lookups per client address in fixed windows (this instance's memory): a voicemail token is
 * unguessable, but each wrong one costs a query, so an address that keeps missing waits for the next
 * window. A hit is never counted.
 */
export class AddressMissLimiter {
  private readonly maxMisses: number;
  private readonly windowMs: number;
  private readonly maxAddresses: number;
  private readonly windows = new Map<string, Window>();

  constructor(options: AddressMissLimiterOptions = {}) {
    this.maxMisses = options.maxMisses ?? 20;
    this.windowMs = options.windowMs ?? 10 * 60_000;
    this.maxAddresses = options.maxAddresses ?? 10_000;
  }

  /** Whole seconds until `address` may look up again, or null when it may now. */
  retryAfterSeconds(address: string, now: Instant): number | null {
    const window = this.current(address, now);
    if (!window || window.misses < this.maxMisses) return null;
    return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
  }

  /**
   * What `find` answers for `address`: refused (429) while the address waits; a miss (undefined) is
   * counted and answered with the same 404 (`<what> not found`), whatever the reason.
   */
  async lookUp<T>({ address, now, what }: AddressLookup, find: () => Promise<T | undefined>): Promise<T> {
    const wait = this.retryAfterSeconds(address, now);
    if (wait !== null) throw new TooManyRequestsError(wait);
    const found = await find();
    if (found === undefined) {
      this.miss(address, now);
      throw new NotFoundError(what);
    }
    return found;
  }

  miss(address: string, now: Instant): void {
    const window = this.current(address, now);
    if (window) {
      window.misses += 1;
      return;
    }
    this.windows.delete(address);
    this.windows.set(address, { start: now, misses: 1 });
    keepWithin(this.windows, this.maxAddresses);
  }

  private current(address: string, now: Instant): Window | undefined {
    const window = this.windows.get(address);
    return window && now < window.start + this.windowMs ? window : undefined;
  }
}
