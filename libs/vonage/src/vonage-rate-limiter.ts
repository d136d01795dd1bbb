import { Clock, invalid } from '@dutyline/domain';

/**
 * Vonage allows an account 3 outbound calls and 15 API requests per second, across all our instances.
 * The client asks the limiter before every request: `call` before placing a call (which is also a
 * `request`), `request` before any REST request.
 */
export type VonageRateKind = 'call' | 'request';

/**
 * Waits for a slot. Failure contract: resolves when the request may be sent now; a rejection means the
 * limiter itself failed (its store is down) and the request must be retried later, not sent.
 * The in-memory limiter below is per process; a limiter shared by instances (Redis) implements this
 * same interface in the app that owns the connection.
 */
export interface VonageRateLimiter {
  acquire(kind: VonageRateKind): Promise<void>;
}

export interface RateLimit {
  readonly limit: number;
  readonly intervalMs: number;
}

/** @defaultValue Vonage's per-account limits. */
export const VONAGE_RATE_LIMITS: Readonly<Record<VonageRateKind, RateLimit>> = {
  call: { limit: 3, intervalMs: 1000 },
  request: { limit: 15, intervalMs: 1000 },
};

/**
 * The account's limits when Vonage raised them (it does on request): `request` REST requests and `call`
 * outbound calls per second. Every instance sharing the window must be given the same figures.
 */
export function vonageRateLimits(perSecond: {
  readonly call: number;
  readonly request: number;
}): Readonly<Record<VonageRateKind, RateLimit>> {
  return {
    call: { limit: perSecond.call, intervalMs: 1000 },
    request: { limit: perSecond.request, intervalMs: 1000 },
  };
}

/** A limiter from any async `acquire` (a Redis script, a shared token bucket…). */
export function rateLimiterFrom(acquire: (kind: VonageRateKind) => Promise<void>): VonageRateLimiter {
  return { acquire };
}

/** For tests and tools that must not wait. */
export const NO_RATE_LIMIT: VonageRateLimiter = { acquire: () => Promise.resolve() };

export interface InMemoryRateLimiterOptions {
  /** @defaultValue VONAGE_RATE_LIMITS */
  readonly limits?: Readonly<Record<VonageRateKind, RateLimit>>;
  /** @defaultValue the system clock */
  readonly clock?: Clock;
  /** How to wait; tests pass one that advances a manual clock. @defaultValue setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
}

const systemClock: Clock = { now: () => Date.now() };
const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A sliding-window limiter for one process: at most `limit` grants of a kind in any `intervalMs`.
 * Waiters are served in arrival order.
 */
export class InMemoryRateLimiter implements VonageRateLimiter {
  private readonly limits: Readonly<Record<VonageRateKind, RateLimit>>;
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly granted: Record<VonageRateKind, number[]> = { call: [], request: [] };
  private readonly queue: Record<VonageRateKind, Promise<void>> = {
    call: Promise.resolve(),
    request: Promise.resolve(),
  };

  constructor(options: InMemoryRateLimiterOptions = {}) {
    this.limits = options.limits ?? VONAGE_RATE_LIMITS;
    for (const [kind, { limit, intervalMs }] of Object.entries(this.limits)) {
      if (!Number.isInteger(limit) || limit < 1)
        invalid('OUT_OF_RANGE', `limits.${kind}.limit`, 'a rate limit allows at least 1 request');
      if (!Number.isInteger(intervalMs) || intervalMs < 1)
        invalid('OUT_OF_RANGE', `limits.${kind}.intervalMs`, 'a rate interval is at least 1 ms');
    }
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? timerSleep;
  }

  acquire(kind: VonageRateKind): Promise<void> {
    const turn = this.queue[kind].then(() => this.take(kind));
    this.queue[kind] = turn.catch(() => undefined);
    return turn;
  }

  private async take(kind: VonageRateKind): Promise<void> {
    const { limit, intervalMs } = this.limits[kind];
    const granted = this.granted[kind];
    for (;;) {
      const now = this.clock.now();
      while (granted.length > 0 && granted[0] <= now - intervalMs) granted.shift();
      if (granted.length < limit) {
        granted.push(now);
        return;
      }
      await this.sleep(granted[0] + intervalMs - now);
    }
  }
}
