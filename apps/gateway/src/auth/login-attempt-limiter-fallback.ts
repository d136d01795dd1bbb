import type { OnApplicationShutdown } from '@nestjs/common';
import type { Clock, Instant } from '@dutyline/domain';
import { RedisLoginAttemptLimiter } from '@dutyline/queue';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { InMemoryLoginAttemptLimiter, LoginAttemptLimiter } from './login-attempt-limiter';

/** A limiter the instances share, and how to let go of it. */
export interface SharedLoginAttemptLimiter extends LoginAttemptLimiter {
  close(): Promise<void>;
}

/**
 * The shared limiter while it answers; this instance's own count while it does not.
 *
 * Redis down → fail open to the per-instance count, with a warning: an on-call hotline's supervisors
 * must be able to log in to change who is on duty precisely when things go wrong, and a Redis outage
 * is far likelier an incident than an attack. Guessing stays bounded: at most `maxFailures` per
 * instance per window (N instances: N × 5 in 15 min), each costing a 32 MiB scrypt hash.
 * Failing closed would lock every user out for as long as Redis is away.
 *
 * Every attempt and success is also kept locally, so the local count knows this instance's recent
 * attempts when Redis goes away. After a failed request Redis is left alone for `retrySharedAfterMs`
 * (logins do not each wait for its timeout); attempts met in that time are not sent to it.
 */
export class FallbackLoginAttemptLimiter implements LoginAttemptLimiter, OnApplicationShutdown {
  /** When the shared limiter last failed; null while it answers. */
  private failedAt: Instant | null = null;

  constructor(
    private readonly shared: SharedLoginAttemptLimiter,
    private readonly local: LoginAttemptLimiter,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    /** @defaultValue 5000 */
    private readonly retrySharedAfterMs = 5000,
  ) {}

  /** Counted here as well as in Redis, so an outage starts from what this instance saw. */
  async attempt(key: string, now: Instant): Promise<number> {
    const local = await this.local.attempt(key, now);
    return this.preferShared(
      () => this.shared.attempt(key, now),
      async () => local,
    );
  }

  async recordSuccess(key: string): Promise<void> {
    await this.local.recordSuccess(key);
    await this.preferShared(
      () => this.shared.recordSuccess(key),
      async () => undefined,
    );
  }

  /** Closes the shared limiter's connection (after the HTTP server stopped taking requests). */
  onApplicationShutdown(): Promise<void> {
    return this.shared.close();
  }

  private async preferShared<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    const now = this.clock.now();
    if (this.failedAt !== null && now < this.failedAt + this.retrySharedAfterMs) return local();
    try {
      const answer = await shared();
      if (this.failedAt !== null)
        this.logger.entry('info', 'redis answers again: login failures are counted across instances');
      this.failedAt = null;
      return answer;
    } catch (error) {
      if (this.failedAt === null)
        this.logger.entry(
          'warn',
          'redis does not answer: login failures are counted by this instance only until it does',
          { error },
        );
      this.failedAt = now;
      return local();
    }
  }
}

/**
 * With `REDIS_URL`: attempts counted in Redis under `REDIS_PREFIX`, shared by every instance, and
 * per instance while Redis is away; otherwise in this process only.
 */
export function openLoginAttemptLimiter(
  config: Pick<GatewayConfig, 'auth' | 'redisUrl' | 'redisPrefix'>,
  clock: Clock,
  logger: JsonLogger,
): LoginAttemptLimiter {
  const limits = { maxFailures: config.auth.loginMaxFailures, windowMs: config.auth.loginFailureWindowSeconds * 1000 };
  const local = new InMemoryLoginAttemptLimiter(limits);
  if (config.redisUrl === null) return local;
  const shared: SharedLoginAttemptLimiter = new RedisLoginAttemptLimiter({
    connection: config.redisUrl,
    prefix: config.redisPrefix,
    ...limits,
    // The warning comes from the fallback, once per outage; ioredis reports every reconnection attempt.
    onError: (error) => logger.entry('debug', 'redis: login limiter connection trouble', { error }),
  });
  return new FallbackLoginAttemptLimiter(shared, local, clock, logger);
}
