import { Instant } from '@dutyline/domain';

/**
 * Counts failed logins per key (e-mail + client address) in a sliding window.
 * Failure contract: a rejected promise means the store is unreachable (the login then fails as an
 * internal error). The in-memory implementation serves one instance; with `REDIS_URL` the instances
 * share a Redis one, which falls back to counting per instance while Redis is away
 * (`login-attempt-limiter-fallback.ts`), so that the limiter the login service sees never rejects.
 */
export interface LoginAttemptLimiter {
  /** Seconds to wait before the next attempt is heard; 0 when it may go ahead. */
  retryAfterSeconds(key: string, now: Instant): Promise<number>;
  recordFailure(key: string, now: Instant): Promise<void>;
  /** A successful login forgets the failures of its key. */
  recordSuccess(key: string): Promise<void>;
}

export interface LoginLimits {
  /** Failures allowed in the window. @defaultValue 5 */
  readonly maxFailures: number;
  /** @defaultValue 900 000 (15 min) */
  readonly windowMs: number;
  /** Keys kept at most; the oldest are forgotten first. @defaultValue 100 000 */
  readonly maxKeys?: number;
}

export class InMemoryLoginAttemptLimiter implements LoginAttemptLimiter {
  private readonly failures = new Map<string, Instant[]>();

  constructor(private readonly limits: LoginLimits) {}

  async retryAfterSeconds(key: string, now: Instant): Promise<number> {
    const recent = this.recent(key, now);
    if (recent.length < this.limits.maxFailures) return 0;
    const freedAt = recent[recent.length - this.limits.maxFailures] + this.limits.windowMs;
    return Math.max(1, Math.ceil((freedAt - now) / 1000));
  }

  async recordFailure(key: string, now: Instant): Promise<void> {
    const recent = [...this.recent(key, now), now];
    this.failures.delete(key);
    this.failures.set(key, recent.slice(-this.limits.maxFailures));
    const maxKeys = this.limits.maxKeys ?? 100_000;
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= maxKeys) break;
      this.failures.delete(oldest);
    }
  }

  async recordSuccess(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private recent(key: string, now: Instant): Instant[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.limits.windowMs);
  }
}
