import { createHash, randomBytes } from 'node:crypto';
import { Instant, invalid } from '@dutyline/domain';
import { OpenedRedis, RedisConnection, openRedis } from './redis-client';
import { keyPrefix } from './redis-key-prefix';

export interface RedisLoginAttemptLimiterSettings {
  /** A `redis://` URL (the connection is opened and closed here) or an ioredis client you own and close. */
  readonly connection: RedisConnection;
  /** Attempts without a success allowed in the window; the next one waits. */
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
 * One sorted set per key: a member per attempt, scored by its instant. Drops what left the window;
 * with `maxFailures` attempts still in it, answers the milliseconds until the oldest of the newest
 * `maxFailures` leaves it (and counts nothing); otherwise adds the attempt, lets the key expire a
 * window after it and answers 0. One script, so parallel attempts are counted one after the other.
 */
const ATTEMPT = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local maxAttempts = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local count = redis.call('ZCARD', KEYS[1])
if count >= maxAttempts then
  local freeing = redis.call('ZRANGE', KEYS[1], count - maxAttempts, count - maxAttempts, 'WITHSCORES')
  return math.max(1, tonumber(freeing[2]) + windowMs - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], windowMs)
return 0
`;

interface LoginScripts {
  dutylineLoginAttempt(
    key: string,
    now: number,
    windowMs: number,
    maxFailures: number,
    member: string,
  ): Promise<number>;
}

/**
 * Login attempts per key (e-mail + client address) in a sliding window, counted before the password is checked, shared by every gateway using
 * the same Redis and `prefix`; the same rules as the gateway's in-memory limiter. Time is the caller's
 * `now` (the instances' clocks agree far better than the 1 s the answer is rounded to); Redis's own
 * clock only expires the keys. Keys are stored hashed: Redis never holds the e-mail addresses.
 * Failure contract: every method rejects when Redis does not answer within `commandTimeoutMs`.
 */
export class RedisLoginAttemptLimiter {
  private readonly redis: OpenedRedis;
  private readonly prefix: string;
  private readonly commandTimeoutMs: number;
  /** Makes each attempt's member unique across processes. */
  private readonly instance = randomBytes(6).toString('hex');
  private sequence = 0;

  constructor(private readonly settings: RedisLoginAttemptLimiterSettings) {
    const { maxFailures, windowMs, commandTimeoutMs = 1000 } = settings;
    if (!Number.isInteger(maxFailures) || maxFailures < 1)
      invalid('OUT_OF_RANGE', 'maxFailures', 'at least 1 failure is allowed');
    if (!Number.isInteger(windowMs) || windowMs < 1)
      invalid('OUT_OF_RANGE', 'windowMs', 'a failure window is at least 1 ms');
    if (!Number.isInteger(commandTimeoutMs) || commandTimeoutMs < 1)
      invalid('OUT_OF_RANGE', 'commandTimeoutMs', 'a command timeout is at least 1 ms');
    this.prefix = keyPrefix(settings.prefix);
    this.commandTimeoutMs = commandTimeoutMs;
    this.redis = openRedis(settings.connection, false);
    this.redis.client.on('error', settings.onError ?? ((error: Error) => console.error('[login limiter]', error)));
    this.redis.client.defineCommand('dutylineLoginAttempt', { numberOfKeys: 1, lua: ATTEMPT });
  }

  /** Counts an attempt and answers 0; with `maxFailures` attempts in the window, counts nothing and answers the seconds to wait. */
  async attempt(key: string, now: Instant): Promise<number> {
    const member = `${now}:${this.instance}:${++this.sequence}`;
    const scripts = this.redis.client as unknown as LoginScripts;
    const waitMs = await this.answer(
      scripts.dutylineLoginAttempt(this.redisKey(key), now, this.settings.windowMs, this.settings.maxFailures, member),
    );
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  /** A successful login forgets the attempts of its key. */
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
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${this.commandTimeoutMs} ms`)),
        this.commandTimeoutMs,
      );
    });
    return Promise.race([reply, timeout]).finally(() => clearTimeout(timer));
  }
}
