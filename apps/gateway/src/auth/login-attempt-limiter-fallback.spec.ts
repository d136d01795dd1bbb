import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Instant, parseInstant } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { JsonLogger } from '../logging/json-logger';
import { provideFactory } from '../platform/injection-token';
import { LOGIN_ATTEMPT_LIMITER } from './auth.tokens';
import { InMemoryLoginAttemptLimiter } from './login-attempt-limiter';
import {
  FallbackLoginAttemptLimiter,
  SharedLoginAttemptLimiter,
  openLoginAttemptLimiter,
} from './login-attempt-limiter-fallback';

const KEY = 'a@x.org|1.2.3.4';
const START = '2027-03-28T01:00:00Z';
const LIMITS = { maxFailures: 5, windowMs: 15 * 60_000 };

/** A shared limiter that can be taken down and brought back; it remembers what it was asked. */
class FakeSharedLimiter implements SharedLoginAttemptLimiter {
  down = false;
  closed = false;
  readonly asked: string[] = [];
  private readonly counted = new InMemoryLoginAttemptLimiter(LIMITS);

  attempt(key: string, now: Instant): Promise<number> {
    return this.answer(`attempt ${key}`, () => this.counted.attempt(key, now));
  }
  recordSuccess(key: string): Promise<void> {
    return this.answer(`recordSuccess ${key}`, () => this.counted.recordSuccess(key));
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  private async answer<T>(call: string, counted: () => Promise<T>): Promise<T> {
    this.asked.push(call);
    if (this.down) throw new Error('Redis did not answer within 1000 ms');
    return counted();
  }
}

function fallbackSetup() {
  const clock = new ManualClock(START);
  const shared = new FakeSharedLimiter();
  const local = new InMemoryLoginAttemptLimiter(LIMITS);
  const lines: { level: string; msg: string; error?: string }[] = [];
  const logger = new JsonLogger('info', (line) => lines.push(JSON.parse(line)));
  const limiter = new FallbackLoginAttemptLimiter(shared, local, clock, logger, 5000);
  return { clock, shared, local, lines, limiter };
}

describe('FallbackLoginAttemptLimiter (Redis down: count per instance, warn once)', () => {
  it('answers with the shared count while it answers, attempts elsewhere included', async () => {
    const { clock, shared, local, limiter } = fallbackSetup();
    for (let i = 0; i < 4; i++) await shared.attempt(KEY, clock.now());
    expect(await limiter.attempt(KEY, clock.now())).toBe(0);
    expect(await limiter.attempt(KEY, clock.now())).toBe(900);
    expect(await local.attempt(KEY, clock.now())).toBe(0);
  });

  it('keeps every attempt and success locally too, so an outage starts from what this instance saw', async () => {
    const { clock, shared, lines, limiter } = fallbackSetup();
    for (let i = 0; i < 5; i++) await limiter.attempt(KEY, clock.now());
    shared.down = true;
    expect(await limiter.attempt(KEY, clock.now())).toBe(900);
    await limiter.recordSuccess(KEY);
    expect(await limiter.attempt(KEY, clock.now())).toBe(0);
    expect(lines.filter((line) => line.level === 'warn')).toEqual([
      expect.objectContaining({
        msg: 'redis does not answer: login failures are counted by this instance only until it does',
        error: 'Error: Redis did not answer within 1000 ms',
      }),
    ]);
  });

  it('never rejects while Redis is away: the login goes ahead until this instance saw maxFailures', async () => {
    const { clock, shared, limiter } = fallbackSetup();
    shared.down = true;
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push(await limiter.attempt(KEY, clock.now()));
    expect(answers).toEqual([0, 0, 0, 0, 0, 900]);
  });

  it('leaves Redis alone for retrySharedAfterMs after a failure, then asks again and says so when it answers', async () => {
    const { clock, shared, lines, limiter } = fallbackSetup();
    shared.down = true;
    await limiter.attempt(KEY, clock.now());
    clock.advance(4999);
    await limiter.attempt(KEY, clock.now());
    await limiter.recordSuccess(KEY);
    expect(shared.asked).toEqual([`attempt ${KEY}`]);

    clock.advance(1);
    await limiter.attempt(KEY, clock.now());
    expect(shared.asked).toHaveLength(2);
    shared.down = false;
    clock.advance(5000);
    expect(await limiter.attempt(KEY, clock.now())).toBe(0);
    await limiter.recordSuccess(KEY);
    expect(shared.asked).toHaveLength(4);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ['warn', 'redis does not answer: login failures are counted by this instance only until it does'],
      ['info', 'redis answers again: login failures are counted across instances'],
    ]);
  });

  it('closes the shared limiter when Nest shuts the application down', async () => {
    const { limiter, shared } = fallbackSetup();
    @Module({ providers: [provideFactory(LOGIN_ATTEMPT_LIMITER, [], () => limiter)] })
    class LimiterModule {}
    const app = await Test.createTestingModule({ imports: [LimiterModule] }).compile();
    await app.init();
    expect(shared.closed).toBe(false);
    await app.close();
    expect(shared.closed).toBe(true);
  });
});

describe('openLoginAttemptLimiter', () => {
  it('counts in this process without REDIS_URL, with the configured limits', async () => {
    const config = {
      redisUrl: null,
      redisPrefix: 'dutyline',
      auth: { tokenTtlSeconds: 3600, loginMaxFailures: 2, loginFailureWindowSeconds: 60 },
    };
    const limiter = openLoginAttemptLimiter(config, new ManualClock(START), new JsonLogger('error', () => undefined));
    expect(limiter).toBeInstanceOf(InMemoryLoginAttemptLimiter);
    const now = parseInstant(START);
    expect([await limiter.attempt(KEY, now), await limiter.attempt(KEY, now), await limiter.attempt(KEY, now)]).toEqual(
      [0, 0, 60],
    );
  });
});
