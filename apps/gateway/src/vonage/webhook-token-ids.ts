import { createHash } from 'node:crypto';
import type { Clock, Instant } from '@dutyline/domain';
import { closeRedis } from '@dutyline/queue';
import type { Redis } from 'ioredis';
import type { JsonLogger } from '../logging/json-logger';

/** The ids of the signed webhook tokens already used: a token is accepted once. */
export interface WebhookTokenIds {
  /** True the first time `tokenId` is seen within `rememberMs`, false for every later use. */
  firstUse(tokenId: string, rememberMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** How often a warning about the replay check may repeat. */
const WARNING_INTERVAL_MS = 60_000;

/**
 * This process's memory of the token ids, each forgotten once its token is too old to be accepted
 * anyway. Every entry lives equally long, so the oldest sit first in the map and are dropped from
 * its front. `maxEntries` bounds the memory under a flood (the oldest go first, with a warning).
 */
export class InProcessTokenIds implements WebhookTokenIds {
  private readonly forgetAt = new Map<string, Instant>();
  private lastOverflowWarning = -Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    private readonly maxEntries = 200_000,
  ) {}

  async firstUse(tokenId: string, rememberMs: number): Promise<boolean> {
    return this.firstUseNow(tokenId, rememberMs);
  }

  firstUseNow(tokenId: string, rememberMs: number): boolean {
    const now = this.clock.now();
    this.forgetExpired(now);
    const known = this.forgetAt.get(tokenId);
    if (known !== undefined && known > now) return false;
    if (this.forgetAt.size >= this.maxEntries) this.dropOldest(now);
    this.forgetAt.delete(tokenId);
    this.forgetAt.set(tokenId, now + rememberMs);
    return true;
  }

  get size(): number {
    return this.forgetAt.size;
  }

  async close(): Promise<void> {
    this.forgetAt.clear();
  }

  private forgetExpired(now: Instant): void {
    for (const [tokenId, forgetAt] of this.forgetAt) {
      if (forgetAt > now) return;
      this.forgetAt.delete(tokenId);
    }
  }

  private dropOldest(now: Instant): void {
    const oldest = this.forgetAt.keys().next().value;
    if (oldest !== undefined) this.forgetAt.delete(oldest);
    if (now - this.lastOverflowWarning >= WARNING_INTERVAL_MS) {
      this.lastOverflowWarning = now;
      this.logger.entry(
        'warn',
        `more than ${this.maxEntries} Vonage webhook tokens within their accepted age: the oldest are forgotten before they expire`,
      );
    }
  }
}

export interface RedisTokenIdsOptions {
  readonly redis: Redis;
  /** `REDIS_PREFIX`: keys are `<prefix>:vonage-token:<id>`. */
  readonly prefix: string;
  readonly clock: Clock;
  readonly logger: JsonLogger;
  /** How long a webhook waits for Redis before the local check decides. @defaultValue 150 */
  readonly timeoutMs?: number;
  /** After Redis failed, how long webhooks go without it (not each waiting for the timeout). @defaultValue 5000 */
  readonly retryAfterMs?: number;
  /** Closes the client with the ledger (false: the caller owns it). @defaultValue true */
  readonly ownsClient?: boolean;
}

/**
 * Token ids shared by every instance: `SET <prefix>:vonage-token:<id> 1 NX PX <ttl>`, one round trip.
 * This process's own memory is asked first (a replay to the same instance costs no round trip) and
 * decides alone while Redis does not answer within `timeoutMs`: a live call is accepted on the local
 * check, with a warning at most once a minute, rather than refused because Redis is slow or away.
 */
export class RedisTokenIds implements WebhookTokenIds {
  private readonly local: InProcessTokenIds;
  private readonly timeoutMs: number;
  private readonly retryAfterMs: number;
  private failedAt: Instant | null = null;
  private lastWarning = -Infinity;

  constructor(private readonly options: RedisTokenIdsOptions) {
    this.local = new InProcessTokenIds(options.clock, options.logger);
    this.timeoutMs = options.timeoutMs ?? 150;
    this.retryAfterMs = options.retryAfterMs ?? 5000;
  }

  async firstUse(tokenId: string, rememberMs: number): Promise<boolean> {
    if (!this.local.firstUseNow(tokenId, rememberMs)) return false;
    const now = this.options.clock.now();
    if (this.failedAt !== null && now < this.failedAt + this.retryAfterMs) return true;
    try {
      const reply = await this.withinTimeout(this.options.redis.set(this.keyOf(tokenId), '1', 'PX', rememberMs, 'NX'));
      if (this.failedAt !== null)
        this.options.logger.entry('info', 'redis answers again: Vonage webhook tokens are checked across instances');
      this.failedAt = null;
      return reply === 'OK';
    } catch (error) {
      this.failedAt = this.options.clock.now();
      if (this.failedAt - this.lastWarning >= WARNING_INTERVAL_MS) {
        this.lastWarning = this.failedAt;
        this.options.logger.entry(
          'warn',
          'redis does not answer: Vonage webhook tokens are checked by this instance only (a replay to another instance is not seen)',
          { error },
        );
      }
      return true;
    }
  }

  async close(): Promise<void> {
    await this.local.close();
    if (this.options.ownsClient === false) return;
    await closeRedis(this.options.redis, this.timeoutMs);
  }

  private keyOf(tokenId: string): string {
    const plain = /^[A-Za-z0-9._:-]{1,128}$/.test(tokenId)
      ? tokenId
      : createHash('sha256').update(tokenId).digest('base64url');
    return `${this.options.prefix}:vonage-token:${plain}`;
  }

  private withinTimeout<T>(reply: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([reply, timeout]).finally(() => clearTimeout(timer));
  }
}
