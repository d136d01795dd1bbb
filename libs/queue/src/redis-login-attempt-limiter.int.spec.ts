import net from 'node:net';
import { parseInstant } from '@dutyline/domain';
import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { RedisLoginAttemptLimiter, RedisLoginAttemptLimiterSettings } from './redis-login-attempt-limiter';

const at = (time: string) => parseInstant(`2027-03-28T${time}Z`);
const minutes = (n: number) => n * 60_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const KEY = 'a@x.org|1.2.3.4';

describeWithRedis('RedisLoginAttemptLimiter on Redis', () => {
  const opened: RedisLoginAttemptLimiter[] = [];
  const prefixes: string[] = [];
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl());
  });
  afterAll(async () => {
    await redis.quit();
  });
  afterEach(async () => {
    for (const made of opened.splice(0)) await made.close();
    for (const prefix of prefixes.splice(0)) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
  });

  const freshPrefix = () => {
    const prefix = uniqueName('login');
    prefixes.push(prefix);
    return prefix;
  };
  const limiter = (settings: Partial<RedisLoginAttemptLimiterSettings> & { prefix: string }) => {
    const made = new RedisLoginAttemptLimiter({
      connection: redisUrl(),
      maxFailures: 5,
      windowMs: minutes(15),
      ...settings,
    });
    opened.push(made);
    return made;
  };
  const keysUnder = (prefix: string) => redis.keys(`${prefix}:*`);

  it('two instances sharing a prefix count attempts together: the 6th is refused until the 1st leaves the window', async () => {
    const prefix = freshPrefix();
    const [a, b] = [limiter({ prefix }), limiter({ prefix })];
    const attempts = [a, b, a, b, a];
    for (const [i, time] of ['01:00:00', '01:01:00', '01:02:00', '01:03:00', '01:04:00'].entries()) {
      expect(await attempts[i].attempt(KEY, at(time))).toBe(0);
    }
    expect(await b.attempt(KEY, at('01:04:00'))).toBe(11 * 60);
    expect(await a.attempt(KEY, at('01:04:00'))).toBe(11 * 60);
    expect(await a.attempt(KEY, at('01:14:59.500'))).toBe(1);
    expect(await b.attempt(KEY, at('01:15:00'))).toBe(0);
  });

  it('of 39 attempts started together on two instances, exactly maxFailures are heard, and no more are kept', async () => {
    const prefix = freshPrefix();
    const [a, b] = [limiter({ prefix }), limiter({ prefix })];
    const answers = await Promise.all(
      Array.from({ length: 39 }, (_, i) => (i % 2 === 0 ? a : b).attempt(KEY, at('02:00:00'))),
    );
    expect(answers.filter((wait) => wait === 0)).toHaveLength(5);
    expect(answers.filter((wait) => wait === 900)).toHaveLength(34);
    const [stored] = await keysUnder(prefix);
    expect(await redis.zcard(stored)).toBe(5);
  });

  it('a success forgets its key on every instance; other e-mails and other addresses are counted apart', async () => {
    const prefix = freshPrefix();
    const [a, b] = [limiter({ prefix, maxFailures: 1 }), limiter({ prefix, maxFailures: 1 })];
    await a.attempt(KEY, at('03:00:00'));
    expect(await b.attempt(KEY, at('03:00:00'))).toBe(900);
    expect(await b.attempt('a@x.org|5.6.7.8', at('03:00:00'))).toBe(0);
    expect(await b.attempt('b@x.org|1.2.3.4', at('03:00:00'))).toBe(0);
    await b.recordSuccess(KEY);
    expect(await a.attempt(KEY, at('03:00:00'))).toBe(0);
    expect(await a.attempt('b@x.org|1.2.3.4', at('03:00:00'))).toBe(900);
  });

  it('limiters under other prefixes do not see each other', async () => {
    const [a, b] = [
      limiter({ prefix: freshPrefix(), maxFailures: 1 }),
      limiter({ prefix: freshPrefix(), maxFailures: 1 }),
    ];
    await a.attempt(KEY, at('04:00:00'));
    expect(await b.attempt(KEY, at('04:00:00'))).toBe(0);
  });

  it('keeps its keys under the prefix, hashed: Redis holds no e-mail address', async () => {
    const prefix = freshPrefix();
    await limiter({ prefix }).attempt(KEY, at('05:00:00'));
    const keys = await keysUnder(prefix);
    expect(keys).toEqual([expect.stringMatching(new RegExp(`^${prefix}:login-failures:[A-Za-z0-9_-]{43}$`))]);
  });

  it('a short window: the answer frees up when the failures leave it, and the key expires by itself', async () => {
    const prefix = freshPrefix();
    const only = limiter({ prefix, maxFailures: 2, windowMs: 300 });
    const now = Date.now();
    await only.attempt(KEY, now);
    await only.attempt(KEY, now + 50);
    expect(await only.attempt(KEY, now + 50)).toBe(1);
    expect(await only.attempt(KEY, now + 299)).toBe(1);
    expect(await only.attempt(KEY, now + 300)).toBe(0);
    const [stored] = await keysUnder(prefix);
    expect(await redis.pttl(stored)).toBeGreaterThan(0);
    expect(await redis.pttl(stored)).toBeLessThanOrEqual(300);
    await sleep(400);
    expect(await keysUnder(prefix)).toEqual([]);
  });

  it('drops the attempts that left the window when the next one is counted', async () => {
    const prefix = freshPrefix();
    const only = limiter({ prefix, maxFailures: 2, windowMs: 1000 });
    await only.attempt(KEY, at('06:00:00'));
    expect(await only.attempt(KEY, at('06:00:01'))).toBe(0);
    const [stored] = await keysUnder(prefix);
    expect(await redis.zcard(stored)).toBe(1);
  });

  describe('when Redis cannot be asked, every method rejects', () => {
    const calls: [string, (l: RedisLoginAttemptLimiter) => Promise<unknown>][] = [
      ['attempt', (l) => l.attempt(KEY, at('07:00:00'))],
      ['recordSuccess', (l) => l.recordSuccess(KEY)],
    ];

    it.each(calls)('%s: nothing listens on the port', async (_, call) => {
      const errors: Error[] = [];
      // A borrowed client, so that this test closes it without ioredis's 2 s wait for a socket long gone.
      const client = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 1, disconnectTimeout: 10 });
      try {
        const down = limiter({ prefix: freshPrefix(), connection: client, onError: (error) => errors.push(error) });
        await expect(call(down)).rejects.toThrow();
        expect(errors.length).toBeGreaterThan(0);
      } finally {
        client.disconnect();
      }
    });

    it.each(calls)('%s: a server that never answers, after commandTimeoutMs', async (_, call) => {
      const accepted = new Set<net.Socket>();
      const silent = net.createServer((socket) => void accepted.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = silent.address() as net.AddressInfo;
        const mute = limiter({
          prefix: freshPrefix(),
          connection: `redis://127.0.0.1:${port}`,
          commandTimeoutMs: 200,
          onError: () => undefined,
        });
        const started = Date.now();
        await expect(call(mute)).rejects.toThrow('Redis did not answer within 200 ms');
        expect(Date.now() - started).toBeLessThan(1000);
        await mute.close();
      } finally {
        for (const socket of accepted) socket.destroy();
        silent.close();
      }
    });
  });

  it.each([
    [{ maxFailures: 0 }, 'maxFailures'],
    [{ windowMs: 0.5 }, 'windowMs'],
    [{ commandTimeoutMs: 0 }, 'commandTimeoutMs'],
    [{ prefix: 'has space' }, 'prefix'],
  ])('refuses the settings %j, naming %s', (settings, field) => {
    expect(
      () => new RedisLoginAttemptLimiter({ connection: redisUrl(), maxFailures: 5, windowMs: 1000, ...settings }),
    ).toThrow(expect.objectContaining({ field }));
  });

  it('refuses an empty key', async () => {
    const only = limiter({ prefix: freshPrefix() });
    await expect(only.attempt('', at('08:00:00'))).rejects.toThrow(
      expect.objectContaining({ code: 'REQUIRED', field: 'key' }),
    );
  });
});
