import { parseInstant } from '@dutyline/domain';
import { InMemoryLoginAttemptLimiter } from './login-attempt-limiter';

const at = (time: string) => parseInstant(`2027-03-28T${time}Z`);
const minutes = (n: number) => n * 60_000;

describe('InMemoryLoginAttemptLimiter (5 failures / 15 min)', () => {
  const limits = { maxFailures: 5, windowMs: minutes(15) };

  it('lets four failures through, blocks after the fifth until the first leaves the window', async () => {
    const limiter = new InMemoryLoginAttemptLimiter(limits);
    for (const time of ['01:00:00', '01:01:00', '01:02:00', '01:03:00']) {
      expect(await limiter.retryAfterSeconds('a@x.org|1.2.3.4', at(time))).toBe(0);
      await limiter.recordFailure('a@x.org|1.2.3.4', at(time));
    }
    expect(await limiter.retryAfterSeconds('a@x.org|1.2.3.4', at('01:04:00'))).toBe(0);
    await limiter.recordFailure('a@x.org|1.2.3.4', at('01:04:00'));
    expect(await limiter.retryAfterSeconds('a@x.org|1.2.3.4', at('01:04:00'))).toBe(11 * 60);
    expect(await limiter.retryAfterSeconds('a@x.org|1.2.3.4', at('01:14:59'))).toBe(1);
    expect(await limiter.retryAfterSeconds('a@x.org|1.2.3.4', at('01:15:00'))).toBe(0);
  });

  it('counts each key apart and forgets a key on success', async () => {
    const limiter = new InMemoryLoginAttemptLimiter({ maxFailures: 1, windowMs: minutes(15) });
    await limiter.recordFailure('a@x.org|1.2.3.4', at('02:00:00'));
    expect(await limiter.retryAfterSeconds('a@x.org|1.2.3.4', at('02:00:00'))).toBe(900);
    expect(await limiter.retryAfterSeconds('a@x.org|5.6.7.8', at('02:00:00'))).toBe(0);
    expect(await limiter.retryAfterSeconds('b@x.org|1.2.3.4', at('02:00:00'))).toBe(0);
    await limiter.recordSuccess('a@x.org|1.2.3.4');
    expect(await limiter.retryAfterSeconds('a@x.org|1.2.3.4', at('02:00:00'))).toBe(0);
  });

  it('keeps at most maxKeys keys, forgetting the oldest', async () => {
    const limiter = new InMemoryLoginAttemptLimiter({ maxFailures: 1, windowMs: minutes(15), maxKeys: 2 });
    for (const key of ['k1', 'k2', 'k3']) await limiter.recordFailure(key, at('03:00:00'));
    expect(await limiter.retryAfterSeconds('k1', at('03:00:00'))).toBe(0);
    expect(await limiter.retryAfterSeconds('k3', at('03:00:00'))).toBe(900);
  });
});
