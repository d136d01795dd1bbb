import { Instant } from '@dutyline/domain';

/**
 * Counts login attempts per key (e-mail + client address) in a sliding window. An attempt is counted
 * before its password is checked, in one atomic step with the decision to hear it, so parallel
 * attempts cannot all slip under the limit; a successful login forgets its key.
 * Failure contract: a rejected promise means the store is unreachable (the login then fails as an
 * internal error). The in-memory implementation serves one instance; with `REDIS_URL` the instances
 * share a Redis one, which falls back to counting per instance while Redis is away
 * (`login-attempt-limiter-fallback.ts`), so that the limiter the login service sees never rejects.
 */
export interface LoginAttemptLimiter {
  /**
   * Counts an attempt and answers 0 when it may go ahead; when `maxFailures` attempts are already in
   * the window, counts nothing and answers the seconds to wait.
   */
  attempt(key: string, now: Instant): Promise<number>;
  /** A successful login forgets the attempts of its key. */
  recordSuccess(key: string): Promise<void>;
}

export interface LoginLimits {
  /** Attempts without a success allowed in the window. @defaultValue 5 */
  readonly maxFailures: number;
  /** @defaultValue 900 000 (15 min) */
  readonly windowMs: number;
  /** Keys kept at most; the oldest are forgotten first. @defaultValue 100 000 */
  readonly maxKeys?: number;
}

export class InMemoryLoginAttemptLimiter implements LoginAttemptLimiter {
  private readonly attempts = new Map<string, Instant[]>();

  constructor(private readonly limits: LoginLimits) {}

  // Nothing is awaited between the count and the decision: one event-loop turn, so atomic.
  async attempt(key: string, now: Instant): Promise<number> {
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - this.limits.windowMs);
    if (recent.length >= this.limits.maxFailures) {
      const freedAt = recent[recent.length - this.limits.maxFailures] + this.limits.windowMs;
      return Math.max(1, Math.ceil((freedAt - now) / 1000));
    }
    this.attempts.delete(key);
    this.attempts.set(key, [...recent, now]);
    const maxKeys = this.limits.maxKeys ?? 100_000;
    for (const oldest of this.attempts.keys()) {
      if (this.attempts.size <= maxKeys) break;
      this.attempts.delete(oldest);
    }
    return 0;
  }

  async recordSuccess(key: string): Promise<void> {
    this.attempts.delete(key);
  }
}
