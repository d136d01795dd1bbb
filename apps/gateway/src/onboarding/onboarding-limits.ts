import { type Clock, EmailAddress } from '@dutyline/domain';
import { RedisLoginAttemptLimiter } from '@dutyline/queue';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { TooManyRequestsError } from '../graphql/api-errors';
import { InMemoryLoginAttemptLimiter, type LoginAttemptLimiter, type LoginLimits } from '../auth/login-attempt-limiter';
import { FallbackLoginAttemptLimiter } from '../auth/login-attempt-limiter-fallback';

/** Requests per e-mail (whatever its case) in an hour, for sign-ups and reset requests each. */
export const PER_EMAIL: LoginLimits = { maxFailures: 3, windowMs: 3600_000 };
/** Requests per client address in an hour, for sign-ups and reset requests each. */
export const PER_ADDRESS: LoginLimits = { maxFailures: 20, windowMs: 3600_000 };

export type LimitedAction = 'signup' | 'password-reset' | 'email-verification';

/**
 * The public mutations that send e-mail, counted per e-mail and per client address with the login
 * limiter's machinery (in Redis with `REDIS_URL`, shared by the instances; in process otherwise).
 * Every request counts, answered or not; past a limit it is refused before anything else runs.
 */
export class OnboardingLimits {
  constructor(
    private readonly byEmail: LoginAttemptLimiter,
    private readonly byAddress: LoginAttemptLimiter,
    private readonly clock: Clock,
    private readonly closers: readonly (() => Promise<void>)[] = [],
  ) {}

  /** Throws TOO_MANY_REQUESTS (with `retryAfterSeconds`) past either limit. */
  async check(action: LimitedAction, email: EmailAddress, clientAddress: string): Promise<void> {
    const now = this.clock.now();
    // Not e-mail|address, the login limiter's keys: these never collide with them.
    const wait =
      (await this.byEmail.attempt(`${action}|email|${email.value.toLowerCase()}`, now)) ||
      (await this.byAddress.attempt(`${action}|address|${clientAddress}`, now));
    if (wait > 0) throw new TooManyRequestsError(wait);
  }

  async close(): Promise<void> {
    for (const close of this.closers) await close();
  }
}

export function openOnboardingLimits(
  config: Pick<GatewayConfig, 'redisUrl' | 'redisPrefix'>,
  clock: Clock,
  logger: JsonLogger,
): OnboardingLimits {
  if (config.redisUrl === null)
    return new OnboardingLimits(
      new InMemoryLoginAttemptLimiter(PER_EMAIL),
      new InMemoryLoginAttemptLimiter(PER_ADDRESS),
      clock,
    );
  const shared = (limits: LoginLimits) => {
    const redis = new RedisLoginAttemptLimiter({
      connection: config.redisUrl!,
      prefix: config.redisPrefix,
      ...limits,
      onError: (error) => logger.entry('debug', 'redis: onboarding limiter connection trouble', { error }),
    });
    return {
      limiter: new FallbackLoginAttemptLimiter(redis, new InMemoryLoginAttemptLimiter(limits), clock, logger),
      close: () => redis.close(),
    };
  };
  const byEmail = shared(PER_EMAIL);
  const byAddress = shared(PER_ADDRESS);
  return new OnboardingLimits(byEmail.limiter, byAddress.limiter, clock, [byEmail.close, byAddress.close]);
}
