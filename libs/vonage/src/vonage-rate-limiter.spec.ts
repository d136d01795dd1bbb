import { ManualClock } from '@dutyline/domain/testing';
import { ValidationError, parseInstant } from '@dutyline/domain';
import {
  InMemoryRateLimiter,
  InMemoryRateLimiterOptions,
  NO_RATE_LIMIT,
  VonageRateKind,
  rateLimiterFrom,
} from './vonage-rate-limiter';

const START = parseInstant('2027-03-28T01:30:00Z');

/** A limiter whose waits move a manual clock instead of the wall clock; records when each grant happened. */
function limiterOnManualClock(limits?: InMemoryRateLimiterOptions['limits']) {
  const clock = new ManualClock(START);
  const waits: number[] = [];
  const limiter = new InMemoryRateLimiter({
    limits,
    clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
  });
  const grantTimes = async (kind: VonageRateKind, count: number) => {
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: count }, () => limiter.acquire(kind).then(() => times.push(clock.now() - START))),
    );
    return times;
  };
  return { clock, waits, limiter, grantTimes };
}

describe('InMemoryRateLimiter', () => {
  it('lets 3 calls a second through: the 4th waits for the first to leave the window', async () => {
    const { grantTimes } = limiterOnManualClock();

    expect(await grantTimes('call', 7)).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('lets 15 requests a second through', async () => {
    const { grantTimes } = limiterOnManualClock();
    const times = await grantTimes('request', 16);

    expect(times.filter((t) => t === 0)).toHaveLength(15);
    expect(times[15]).toBe(1000);
  });

  it('counts calls and requests separately', async () => {
    const { limiter, clock } = limiterOnManualClock();
    for (let i = 0; i < 3; i++) await limiter.acquire('call');
    for (let i = 0; i < 15; i++) await limiter.acquire('request');

    expect(clock.now()).toBe(START);
  });

  it('slides: a grant frees its slot exactly one interval later, not at a second boundary', async () => {
    const { limiter, clock, waits } = limiterOnManualClock();
    await limiter.acquire('call');
    clock.advance(400);
    await limiter.acquire('call');
    await limiter.acquire('call');
    await limiter.acquire('call');

    expect(waits).toEqual([600]);
    expect(clock.now() - START).toBe(1000);
  });

  it('serves waiters in arrival order', async () => {
    const { limiter } = limiterOnManualClock({
      call: { limit: 1, intervalMs: 1000 },
      request: { limit: 1, intervalMs: 1000 },
    });
    const order: string[] = [];

    await Promise.all(['first', 'second', 'third'].map((name) => limiter.acquire('call').then(() => order.push(name))));

    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('keeps serving after a waiter failed (the queue does not jam)', async () => {
    let calls = 0;
    const clock = new ManualClock(START);
    const limiter = new InMemoryRateLimiter({
      limits: { call: { limit: 1, intervalMs: 1000 }, request: { limit: 1, intervalMs: 1000 } },
      clock,
      sleep: async (ms) => {
        if (++calls === 1) throw new Error('timer failed');
        clock.advance(ms);
      },
    });
    await limiter.acquire('call');

    await expect(limiter.acquire('call')).rejects.toThrow('timer failed');
    await expect(limiter.acquire('call')).resolves.toBeUndefined();
  });

  it.each([
    [{ call: { limit: 0, intervalMs: 1000 }, request: { limit: 15, intervalMs: 1000 } }, 'limits.call.limit'],
    [{ call: { limit: 3, intervalMs: 1000 }, request: { limit: 15, intervalMs: 0.5 } }, 'limits.request.intervalMs'],
  ])('refuses an impossible limit %j', (limits, field) => {
    expect(() => new InMemoryRateLimiter({ limits })).toThrow(expect.objectContaining({ field }));
    expect(() => new InMemoryRateLimiter({ limits })).toThrow(ValidationError);
  });
});

describe('other limiters', () => {
  it('wraps any async acquire, e.g. one backed by a shared store', async () => {
    const asked: VonageRateKind[] = [];
    const limiter = rateLimiterFrom(async (kind) => {
      asked.push(kind);
    });
    await limiter.acquire('call');
    await limiter.acquire('request');

    expect(asked).toEqual(['call', 'request']);
  });

  it('NO_RATE_LIMIT never waits', async () => {
    await expect(Promise.all(Array.from({ length: 100 }, () => NO_RATE_LIMIT.acquire('call')))).resolves.toHaveLength(
      100,
    );
  });
});
