import { randomBytes } from 'node:crypto';
import { invalid } from '@dutyline/domain';
import { OpenedRedis, RedisConnection, openRedis } from './redis-client';
import { keyPrefix } from './redis-key-prefix';

/** At most `limit` grants in any `intervalMs`. */
export interface RedisRateLimit {
  readonly limit: number;
  readonly intervalMs: number;
}

export interface RedisRateLimiterSettings<Kind extends string> {
  /** A `redis://` URL (the connection is opened and closed here) or an ioredis client you own and close. */
  readonly connection: RedisConnection;
  /** One sliding window per kind, shared by every limiter with the same `prefix`. */
  readonly limits: Readonly<Record<Kind, RedisRateLimit>>;
  /** Namespaces the keys: `<prefix>:rate:<kind>`. @defaultValue `'dutyline'` */
  readonly prefix?: string;
  /** How to wait between two tries. @defaultValue setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told about connection errors (meanwhile grants come from the local share). @defaultValue writes to `console.error` */
  readonly onError?: (error: Error) => void;
  /** How long one ask of Redis may take before this grant comes from the local share. @defaultValue 250 */
  readonly askTimeoutMs?: number;
  /** After a failed ask, how long grants stay local before Redis is asked again. @defaultValue 1000 */
  readonly localForMs?: number;
  /** An instance counts as live while its last grant from Redis is this recent. @defaultValue 30000 */
  readonly liveInstanceMs?: number;
  /** The clock of the local share. @defaultValue Date.now */
  readonly now?: () => number;
}

/*
 * A sliding-window log in a sorted set, scored by Redis's own clock (so instances with skewed clocks
 * agree). Grants if fewer than `limit` members lie within the last `interval`, else answers how long
 * until the oldest leaves the window. Also marks this instance as seen (KEYS[2], ARGV[4] for ARGV[5] ms).
 * Returns {granted (0/1), grant instant or wait in microseconds, instances seen}.
 */
const SLIDING_WINDOW = `
local now = redis.call('TIME')
local nowUs = tonumber(now[1]) * 1000000 + tonumber(now[2])
local intervalUs = tonumber(ARGV[2]) * 1000
redis.call('ZADD', KEYS[2], nowUs, ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', nowUs - tonumber(ARGV[5]) * 1000)
redis.call('PEXPIRE', KEYS[2], ARGV[5])
local instances = redis.call('ZCARD', KEYS[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', nowUs - intervalUs)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], nowUs, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1, nowUs, instances}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + intervalUs - nowUs, instances}
`;

class AskTimedOut extends Error {
  constructor(ms: number) {
    super(`Redis did not answer the rate limiter within ${ms} ms`);
  }
}

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A rate limiter shared by every process using the same Redis and `prefix`: across all of them, at
 * most `limit` grants of a kind in any `intervalMs` (a sliding window, Redis's clock). Callers wait
 * their turn rather than fail; within one process waiters are served in arrival order.
 * When Redis does not answer within `askTimeoutMs` (refused, blackholed), grants come from a local
 * share of the limit: `floor(limit / instances)` (at least 1) per `intervalMs`, the instances being
 * those Redis last saw live. `acquire` never rejects for want of Redis.
 */
export class RedisRateLimiter<Kind extends string> {
  private readonly redis: OpenedRedis;
  private readonly prefix: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly queues = new Map<Kind, Promise<unknown>>();
  /** Makes each grant's member unique across processes. */
  private readonly instance = randomBytes(6).toString('hex');
  private sequence = 0;
  private readonly askTimeoutMs: number;
  private readonly localForMs: number;
  private readonly liveInstanceMs: number;
  private readonly now: () => number;
  /** Instances Redis saw live at the last answer (this one included). */
  private instancesSeen = 1;
  private localUntil = 0;
  private readonly localGrants = new Map<Kind, number[]>();

  constructor(private readonly settings: RedisRateLimiterSettings<Kind>) {
    for (const [kind, { limit, intervalMs }] of Object.entries<RedisRateLimit>(settings.limits)) {
      if (!Number.isInteger(limit) || limit < 1)
        invalid('OUT_OF_RANGE', `limits.${kind}.limit`, 'a rate limit allows at least 1 request');
      if (!Number.isInteger(intervalMs) || intervalMs < 1)
        invalid('OUT_OF_RANGE', `limits.${kind}.intervalMs`, 'a rate interval is at least 1 ms');
    }
    this.askTimeoutMs = positiveMs(settings.askTimeoutMs, 250, 'askTimeoutMs');
    this.localForMs = positiveMs(settings.localForMs, 1000, 'localForMs');
    this.liveInstanceMs = positiveMs(settings.liveInstanceMs, 30_000, 'liveInstanceMs');
    this.now = settings.now ?? Date.now;
    this.prefix = keyPrefix(settings.prefix);
    this.sleep = settings.sleep ?? timerSleep;
    this.redis = openRedis(settings.connection, false);
    this.redis.client.on('error', settings.onError ?? ((error: Error) => console.error('[rate-limiter]', error)));
    this.redis.client.defineCommand('dutylineSlidingWindow', { numberOfKeys: 2, lua: SLIDING_WINDOW });
  }

  /** Resolves when this process may go: with the grant's instant on Redis's clock, in epoch milliseconds. */
  acquire(kind: Kind): Promise<number> {
    if (!Object.hasOwn(this.settings.limits, kind)) invalid('UNKNOWN_RATE_KIND', 'kind', `no rate limit for "${kind}"`);
    const turn = (this.queues.get(kind) ?? Promise.resolve()).then(() => this.take(kind));
    this.queues.set(
      kind,
      turn.catch(() => undefined),
    );
    return turn;
  }

  /** Closes the connection when this limiter opened it. */
  close(): Promise<void> {
    return this.redis.release();
  }

  /** The share of `kind`'s limit this process takes alone while Redis is away. */
  localLimit(kind: Kind): number {
    return Math.max(1, Math.floor(this.settings.limits[kind].limit / this.instancesSeen));
  }

  private async take(kind: Kind): Promise<number> {
    const { limit, intervalMs } = this.settings.limits[kind];
    const key = `${this.prefix}:rate:${kind}`;
    for (;;) {
      if (this.now() < this.localUntil) return this.takeLocal(kind);
      const member = `${this.instance}:${++this.sequence}`;
      const client = this.redis.client as unknown as {
        dutylineSlidingWindow(
          key: string,
          instances: string,
          ...args: (string | number)[]
        ): Promise<[number, number, number]>;
      };
      let answer: [number, number, number];
      try {
        answer = await this.withinBudget(
          client.dutylineSlidingWindow(
            key,
            `${this.prefix}:rate:instances`,
            limit,
            intervalMs,
            member,
            this.instance,
            this.liveInstanceMs,
          ),
        );
      } catch (error) {
        this.localUntil = this.now() + this.localForMs;
        // A silent connection may answer later, out of turn: start a fresh one (only one this limiter owns).
        if (error instanceof AskTimedOut && typeof this.settings.connection === 'string')
          this.redis.client.disconnect(true);
        continue;
      }
      const [granted, micros, instances] = answer;
      this.instancesSeen = Math.max(1, instances);
      if (granted === 1) {
        // Remembered locally too, so a switch to the local share counts this process's recent grants.
        this.remember(kind, this.now());
        return micros / 1000;
      }
      await this.sleep(Math.max(1, Math.ceil(micros / 1000)));
    }
  }

  private withinBudget<T>(asked: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    asked.catch(() => undefined);
    return Promise.race([
      asked,
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new AskTimedOut(this.askTimeoutMs)), this.askTimeoutMs)),
      ),
    ]).finally(() => clearTimeout(timer));
  }

  /** A sliding window in this process over `localLimit(kind)`; the instant on this process's clock. */
  private async takeLocal(kind: Kind): Promise<number> {
    for (;;) {
      const now = this.now();
      const granted = this.recentLocal(kind, now);
      if (granted.length < this.localLimit(kind)) {
        this.remember(kind, now);
        return now;
      }
      await this.sleep(granted[granted.length - this.localLimit(kind)] + this.settings.limits[kind].intervalMs - now);
    }
  }

  private recentLocal(kind: Kind, now: number): number[] {
    const granted = this.localGrants.get(kind) ?? [];
    while (granted.length > 0 && granted[0] <= now - this.settings.limits[kind].intervalMs) granted.shift();
    this.localGrants.set(kind, granted);
    return granted;
  }

  private remember(kind: Kind, at: number): void {
    this.recentLocal(kind, at).push(at);
  }
}

function positiveMs(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    invalid('OUT_OF_RANGE', field, 'expected a whole number of milliseconds, at least 1');
  return value;
}
