import { createHash, randomBytes } from 'node:crypto';
import { Instant, invalid } from '@dutyline/domain';
import { OpenedRedis, RedisConnection, openRedis } from './redis-client';
import { keyPrefix } from './redis-key-prefix';

export interface RedisLoginAttemptLimiterSettings {
  /** A `redis://` URL (the connection is opened and closed here) or an ioredis client you own and close. */
  readonly connection: RedisConnection;
  /** Failures allowed in the window; the next attempt waits. */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Namespaces the keys: `<prefix>:login-failures:<sha256 of the key>`. @defaultValue `'dutyline'` */
  readonly prefix?: string;
  /** A command not answered by then rejects (the caller decides what a login does without Redis). @defaultValue 1000 */
  readonly commandTimeoutMs?: number;
  /** Told about connection errors. @defaultValue writes to `console.error` */
  readonly onError?: (error: Error) => void;
}

/*
 * One sorted set per key: a member per failure, scored by its instant. Drops what left the window,
 * adds the failure, keeps only the newest `maxFailures` (older ones cannot change the answer) and lets
 * the key expire a window after its last failure.
 */
const RECORD_FAILURE = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[3]) - 1)
redis.call('PEXPIRE', KEYS[1], windowMs)
return 1
`;

interface LoginScripts {
  dutylineLoginFailure(key: string, now: number, windowMs: number, maxFailures: number, member: string): Promise<number>;
}

/**
 * Failed logins per key (e-mail + client address) in a sliding window, shared by every gateway using
 * the same Redis and `prefix`; the same rules as the gateway's in-memory limiter. Time is the caller's
 * `now` (the instances' clocks agree far better than the 1 s the answer is rounded to); Redis's own
 * clock only expires the keys. Keys are stored hashed: Redis never holds the e-mail addresses.
 * Failure contract: every method rejects when Redis does not answer within `commandTimeoutMs`.
 */
export class RedisLoginAttemptLimiter {
  private readonly redis: OpenedRedis;
  private readonly prefix: string;
  private readonly commandTimeoutMs: number;
  /** Makes each failure's member unique across processes. */
  private readonly instance = randomBytes(6).toString('hex');
  private sequence = 0;

  constructor(private readonly settings: RedisLoginAttemptLimiterSettings) {
    const { maxFailures, windowMs, commandTimeoutMs = 1000 } = settings;
    if (!Number.isInteger(maxFailures) || maxFailures < 1) invalid('OUT_OF_RANGE', 'maxFailures', 'at least 1 failure is allowed');
    if (!Number.isInteger(windowMs) || windowMs < 1) invalid('OUT_OF_RANGE', 'windowMs', 'a failure window is at least 1 ms');
    if (!Number.isInteger(commandTimeoutMs) || commandTimeoutMs < 1) invalid('OUT_OF_RANGE', 'commandTimeoutMs', 'a command timeout is at least 1 ms');
    this.prefix = keyPrefix(settings.prefix);
    this.commandTimeoutMs = commandTimeoutMs;
    this.redis = openRedis(settings.connection, false);
    this.redis.client.on('error', settings.onError ?? ((error: Error) => console.error('[login limiter]', error)));
    this.redis.client.defineCommand('dutylineLoginFailure', { numberOfKeys: 1, lua: RECORD_FAILURE });
  }

  /** Seconds to wait before the next attempt is heard; 0 when it may go ahead. */
  async retryAfterSeconds(key: string, now: Instant): Promise<number> {
    const { maxFailures, windowMs } = this.settings;
    // Newest first: the `maxFailures`-th newest failure frees the key when it leaves the window.
    const newest = await this.answer(this.redis.client.zrevrangebyscore(this.redisKey(key), '+inf', `(${now - windowMs}`, 'WITHSCORES', 'LIMIT', 0, maxFailures));
    if (newest.length < 2 * maxFailures) return 0;
    const freedAt = Number(newest[2 * maxFailures - 1]) + windowMs;
    return Math.max(1, Math.ceil((freedAt - now) / 1000));
  }

  async recordFailure(key: string, now: Instant): Promise<void> {
    const member = `${now}:${this.instance}:${++this.sequence}`;
    const scripts = this.redis.client as unknown as LoginScripts;
    await this.answer(scripts.dutylineLoginFailure(this.redisKey(key), now, this.settings.windowMs, this.settings.maxFailures, member));
  }

  /** A successful login forgets the failures of its key. */
  async recordSuccess(key: string): Promise<void> {
    await this.answer(this.redis.client.del(this.redisKey(key)));
  }

  /** Closes the connection when this limiter opened it. */
  close(): Promise<void> {
    return this.redis.release();
  }

  private redisKey(key: string): string {
    if (typeof key !== 'string' || key === '') invalid('REQUIRED', 'key', 'a login limit is counted per key');
    return `${this.prefix}:login-failures:${createHash('sha256').update(key).digest('base64url')}`;
  }

  private answer<T>(reply: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.commandTimeoutMs} ms`)), this.commandTimeoutMs);
    });
    return Promise.race([reply, timeout]).finally(() => clearTimeout(timer));
  }
}
