import { parseInstant } from '@dutyline/domain';
import { InMemoryLoginAttemptLimiter } from './login-attempt-limiter';

const at = (time: string) => parseInstant(`2027-03-28T${time}Z`);
const minutes = (n: number) => n * 60_000;

describe('InMemoryLoginAttemptLimiter (5 attempts / 15 min)', () => {
  const limits = { maxFailures: 5, windowMs: minutes(15) };

  it('hears five attempts, refuses the sixth until the first leaves the window, and counts no refused attempt', async () => {
    const limiter = new InMemoryLoginAttemptLimiter(limits);
    for (const time of ['01:00:00', '01:01:00', '01:02:00', '01:03:00', '01:04:00']) {
      expect(await limiter.attempt('a@x.org|1.2.3.4', at(time))).toBe(0);
    }
    expect(await limiter.attempt('a@x.org|1.2.3.4', at('01:04:00'))).toBe(11 * 60);
    expect(await limiter.attempt('a@x.org|1.2.3.4', at('01:14:59'))).toBe(1);
    expect(await limiter.attempt('a@x.org|1.2.3.4', at('01:15:00'))).toBe(0);
    expect(await limiter.attempt('a@x.org|1.2.3.4', at('01:15:00'))).toBe(60);
  });

  it('counts attempts started together one by one: of 39 at the same instant, 5 are heard', async () => {
    const limiter = new InMemoryLoginAttemptLimiter(limits);
    const answers = await Promise.all(
      Array.from({ length: 39 }, () => limiter.attempt('a@x.org|1.2.3.4', at('01:00:00'))),
    );
    expect(answers.filter((wait) => wait === 0)).toHaveLength(5);
  });

  it('counts each key apart and forgets a key on success', async () => {
    const limiter = new InMemoryLoginAttemptLimiter({ maxFailures: 1, windowMs: minutes(15) });
    await limiter.attempt('a@x.org|1.2.3.4', at('02:00:00'));
    expect(await limiter.attempt('a@x.org|1.2.3.4', at('02:00:00'))).toBe(900);
    expect(await limiter.attempt('a@x.org|5.6.7.8', at('02:00:00'))).toBe(0);
    expect(await limiter.attempt('b@x.org|1.2.3.4', at('02:00:00'))).toBe(0);
    await limiter.recordSuccess('a@x.org|1.2.3.4');
    expect(await limiter.attempt('a@x.org|1.2.3.4', at('02:00:00'))).toBe(0);
  });

  it('keeps at most maxKeys keys, forgetting the oldest', async () => {
    const limiter = new InMemoryLoginAttemptLimiter({ maxFailures: 1, windowMs: minutes(15), maxKeys: 2 });
    for (const key of ['k1', 'k2', 'k3']) await limiter.attempt(key, at('03:00:00'));
    expect(await limiter.attempt('k1', at('03:00:00'))).toBe(0);
    expect(await limiter.attempt('k3', at('03:00:00'))).toBe(900);
  });
});
