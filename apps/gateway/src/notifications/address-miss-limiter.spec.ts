import { AddressMissLimiter } from './address-miss-limiter';

const T0 = Date.parse('2027-10-31T01:30:00Z');

describe('AddressMissLimiter', () => {
  it.each([
    ['under the limit', 2, 0, null],
    ['at the limit, at the start of the window', 3, 0, 60],
    ['at the limit, 20.5 s into the window', 3, 20_500, 40],
    ['at the limit, in the last second', 3, 59_999, 1],
    ['at the limit, once the window is over', 3, 60_000, null],
  ])('%s: retry after %#', (_, misses, elapsed, retryAfter) => {
    const limiter = new AddressMissLimiter({ maxMisses: 3, windowMs: 60_000 });
    for (let i = 0; i < misses; i++) limiter.miss('203.0.113.7', T0);
    expect(limiter.retryAfterSeconds('203.0.113.7', T0 + elapsed)).toBe(retryAfter);
    expect(limiter.retryAfterSeconds('198.51.100.1', T0 + elapsed)).toBeNull();
  });

  it('starts a new window with the first miss after the last one ended', () => {
    const limiter = new AddressMissLimiter({ maxMisses: 2, windowMs: 60_000 });
    limiter.miss('203.0.113.7', T0);
    limiter.miss('203.0.113.7', T0 + 61_000);
    expect(limiter.retryAfterSeconds('203.0.113.7', T0 + 61_000)).toBeNull();
    limiter.miss('203.0.113.7', T0 + 62_000);
    expect(limiter.retryAfterSeconds('203.0.113.7', T0 + 62_000)).toBe(59);
  });

  it('forgets the oldest addresses beyond its capacity', () => {
    const limiter = new AddressMissLimiter({ maxMisses: 1, windowMs: 60_000, maxAddresses: 2 });
    for (const address of ['a', 'b', 'c']) limiter.miss(address, T0);
    expect(['a', 'b', 'c'].map((address) => limiter.retryAfterSeconds(address, T0))).toEqual([null, 60, 60]);
  });
});
