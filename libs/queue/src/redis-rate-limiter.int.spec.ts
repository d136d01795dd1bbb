import { FaultMode, describeWithRedis, redisUrl, startFaultProxy, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { RedisRateLimit, RedisRateLimiter } from './redis-rate-limiter';

type Kind = 'call' | 'request';
const VONAGE: Record<Kind, RedisRateLimit> = {
  call: { limit: 3, intervalMs: 1000 },
  request: { limit: 15, intervalMs: 1000 },
};

/** The most grants found in any window of `intervalMs` (grant instants in ms, any order). */
function busiestWindow(grants: readonly number[], intervalMs: number): number {
  const sorted = [...grants].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= intervalMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describeWithRedis('RedisRateLimiter on Redis', () => {
  const opened: RedisRateLimiter<Kind>[] = [];
  const prefixes: string[] = [];
  const limiter = (prefix: string, limits = VONAGE) => {
    const made = new RedisRateLimiter<Kind>({ connection: redisUrl(), prefix, limits });
    opened.push(made);
    return made;
  };
  const freshPrefix = () => {
    const prefix = uniqueName('rl');
    prefixes.push(prefix);
    return prefix;
  };
  afterEach(async () => {
    for (const made of opened.splice(0)) await made.close();
    const client = new Redis(redisUrl());
    for (const prefix of prefixes.splice(0)) {
      const keys = await client.keys(`${prefix}:*`);
      if (keys.length > 0) await client.del(...keys);
    }
    await client.quit();
  });

  /** Both limiters ask `each` times at once; resolves with every grant instant and the time it all took. */
  async function race(kind: Kind, each: number, limiters: RedisRateLimiter<Kind>[]) {
    const started = Date.now();
    const grants = await Promise.all(limiters.flatMap((l) => Array.from({ length: each }, () => l.acquire(kind))));
    return { grants, elapsedMs: Date.now() - started };
  }

  it.each([
    ['call', 6, 3],
    ['request', 20, 15],
  ] as const)(
    'two instances sharing a prefix: %s grants never exceed the limit in any 1 s window, and every caller is served',
    async (kind, each, limit) => {
      const prefix = freshPrefix();
      const { grants, elapsedMs } = await race(kind, each, [limiter(prefix), limiter(prefix)]);
      expect(grants).toHaveLength(2 * each);
      expect(busiestWindow(grants, 1000)).toBe(limit);
      // 2 × each grants at `limit` per second: the last waits for floor((2·each − 1) / limit) windows.
      expect(elapsedMs).toBeGreaterThanOrEqual(Math.floor((2 * each - 1) / limit) * 1000 - 50);
      expect(elapsedMs).toBeLessThan(Math.ceil((2 * each) / limit) * 1000 + 1500);
    },
    15_000,
  );

  it('keeps calls and requests in separate windows, and limiters under other prefixes apart', async () => {
    const [a, b] = [freshPrefix(), freshPrefix()];
    const started = Date.now();
    await Promise.all([
      race('call', 3, [limiter(a)]),
      race('request', 15, [limiter(a)]),
      race('call', 3, [limiter(b)]),
    ]);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('serves the waiters of one process in arrival order', async () => {
    const only = limiter(freshPrefix(), { call: { limit: 2, intervalMs: 300 }, request: VONAGE.request });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, i) => only.acquire('call').then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses a kind it has no limit for, and grants from its local share when Redis cannot be asked', async () => {
    const only = limiter(freshPrefix());
    expect(() => only.acquire('fax' as Kind)).toThrow(expect.objectContaining({ code: 'UNKNOWN_RATE_KIND' }));
    const errors: Error[] = [];
    const unreachable = new RedisRateLimiter<Kind>({
      connection: 'redis://127.0.0.1:1',
      limits: VONAGE,
      prefix: freshPrefix(),
      onError: (error) => errors.push(error),
    });
    const started = Date.now();
    await expect(unreachable.acquire('call')).resolves.toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(unreachable.localLimit('call')).toBe(3);
    await unreachable.close();
  }, 15_000);

  it.each<[FaultMode]>([['blackhole'], ['refuse']])(
    'Redis %s: grants keep coming within the budget, at the local share of the limit split by the instances last seen, and from Redis again once it is back',
    async (fault) => {
      const url = new URL(redisUrl());
      const proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port || 6379) });
      const prefix = freshPrefix();
      const limits = { call: { limit: 3, intervalMs: 600 }, request: { limit: 15, intervalMs: 600 } };
      const proxied = new RedisRateLimiter<Kind>({
        connection: `redis://${proxy.address}`,
        prefix,
        limits,
        askTimeoutMs: 150,
        localForMs: 400,
        onError: () => undefined,
      });
      opened.push(proxied);
      const other = limiter(prefix, limits);
      try {
        await Promise.all([proxied.acquire('call'), other.acquire('call')]);
        expect(proxied.localLimit('call')).toBe(1);
        expect(proxied.localLimit('request')).toBe(7);
        await new Promise((resolve) => setTimeout(resolve, 650));

        await proxy.setMode(fault);
        const started = Date.now();
        const grants: number[] = [];
        await Promise.all(Array.from({ length: 4 }, () => proxied.acquire('call').then(() => grants.push(Date.now()))));
        expect(grants[0] - started).toBeLessThan(400);
        // One call per 600 ms window from this instance alone (3 split over the 2 instances seen).
        expect(busiestWindow(grants, 590)).toBe(1);
        expect(grants[3] - started).toBeGreaterThanOrEqual(3 * 600 - 50);

        await proxy.setMode('pass');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const back = await Promise.all([proxied.acquire('call'), proxied.acquire('call'), proxied.acquire('call')]);
        // From Redis's window again: three at once (the local share would have spread them).
        expect(Math.max(...back) - Math.min(...back)).toBeLessThan(300);
        const client = new Redis(redisUrl());
        expect(await client.zcard(`${prefix}:rate:call`)).toBeGreaterThanOrEqual(3);
        await client.quit();
      } finally {
        await proxy.close();
      }
    },
    20_000,
  );

  it.each([
    [{ call: { limit: 0, intervalMs: 1000 } }, 'limits.call.limit'],
    [{ call: { limit: 3, intervalMs: 0.5 } }, 'limits.call.intervalMs'],
  ])('refuses the limits %j, naming %s', (limits, field) => {
    expect(() => new RedisRateLimiter({ connection: redisUrl(), limits })).toThrow(expect.objectContaining({ field }));
  });
});
