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
  /** Told about connection errors (an `acquire` meanwhile rejects). @defaultValue writes to `console.error` */
  readonly onError?: (error: Error) => void;
}

/*
 * A sliding-window log in a sorted set, scored by Redis's own clock (so instances with skewed clocks
 * agree). Grants if fewer than `limit` members lie within the last `interval`, else answers how long
 * until the oldest leaves the window. Returns {granted (0/1), grant instant or wait, in microseconds}.
 */
const SLIDING_WINDOW = `
local now = redis.call('TIME')
local nowUs = tonumber(now[1]) * 1000000 + tonumber(now[2])
local intervalUs = tonumber(ARGV[2]) * 1000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', nowUs - intervalUs)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], nowUs, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1, nowUs}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + intervalUs - nowUs}
`;

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A rate limiter shared by every process using the same Redis and `prefix`: across all of them, at
 * most `limit` grants of a kind in any `intervalMs` (a sliding window, Redis's clock). Callers wait
 * their turn rather than fail; within one process waiters are served in arrival order.
 * Failure contract: `acquire` rejects when Redis cannot be asked (the request must not be sent then).
 */
export class RedisRateLimiter<Kind extends string> {
  private readonly redis: OpenedRedis;
  private readonly prefix: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly queues = new Map<Kind, Promise<unknown>>();
  /** Makes each grant's member unique across processes. */
  private readonly instance = randomBytes(6).toString('hex');
  private sequence = 0;

  constructor(private readonly settings: RedisRateLimiterSettings<Kind>) {
    for (const [kind, { limit, intervalMs }] of Object.entries<RedisRateLimit>(settings.limits)) {
      if (!Number.isInteger(limit) || limit < 1) invalid('OUT_OF_RANGE', `limits.${kind}.limit`, 'a rate limit allows at least 1 request');
      if (!Number.isInteger(intervalMs) || intervalMs < 1) invalid('OUT_OF_RANGE', `limits.${kind}.intervalMs`, 'a rate interval is at least 1 ms');
    }
    this.prefix = keyPrefix(settings.prefix);
    this.sleep = settings.sleep ?? timerSleep;
    this.redis = openRedis(settings.connection, false);
    this.redis.client.on('error', settings.onError ?? ((error: Error) => console.error('[rate-limiter]', error)));
    this.redis.client.defineCommand('dutylineSlidingWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW });
  }

  /** Resolves when this process may go: with the grant's instant on Redis's clock, in epoch milliseconds. */
  acquire(kind: Kind): Promise<number> {
    if (!Object.hasOwn(this.settings.limits, kind)) invalid('UNKNOWN_RATE_KIND', 'kind', `no rate limit for "${kind}"`);
    const turn = (this.queues.get(kind) ?? Promise.resolve()).then(() => this.take(kind));
    this.queues.set(kind, turn.catch(() => undefined));
    return turn;
  }

  /** Closes the connection when this limiter opened it. */
  close(): Promise<void> {
    return this.redis.release();
  }

  private async take(kind: Kind): Promise<number> {
    const { limit, intervalMs } = this.settings.limits[kind];
    const key = `${this.prefix}:rate:${kind}`;
    for (;;) {
      const member = `${this.instance}:${++this.sequence}`;
      const client = this.redis.client as unknown as { dutylineSlidingWindow(key: string, ...args: (string | number)[]): Promise<[number, number]> };
      const [granted, micros] = await client.dutylineSlidingWindow(key, limit, intervalMs, member);
      if (granted === 1) return micros / 1000;
      await this.sleep(Math.max(1, Math.ceil(micros / 1000)));
    }
  }
}
