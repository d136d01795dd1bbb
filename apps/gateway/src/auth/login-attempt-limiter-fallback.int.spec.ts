import { ManualClock } from '@dutyline/domain/testing';
import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { JsonLogger } from '../logging/json-logger';
import { startTcpProxy } from '../testing/tcp-proxy';
import { FallbackLoginAttemptLimiter, openLoginAttemptLimiter } from './login-attempt-limiter-fallback';

const KEY = 'a@x.org|1.2.3.4';

describeWithRedis('openLoginAttemptLimiter with REDIS_URL', () => {
  const opened: FallbackLoginAttemptLimiter[] = [];
  const prefixes: string[] = [];
  afterEach(async () => {
    for (const limiter of opened.splice(0)) await limiter.onApplicationShutdown();
    const client = new Redis(redisUrl());
    for (const prefix of prefixes.splice(0)) {
      const keys = await client.keys(`${prefix}:*`);
      if (keys.length > 0) await client.del(...keys);
    }
    await client.quit();
  });

  const clock = new ManualClock('2027-03-28T01:00:00Z');
  const open = (url: string, redisPrefix: string, lines: string[] = []) => {
    prefixes.push(redisPrefix);
    const config = {
      redisUrl: url,
      redisPrefix,
      auth: { tokenTtlSeconds: 3600, loginMaxFailures: 5, loginFailureWindowSeconds: 900 },
    };
    const limiter = openLoginAttemptLimiter(config, clock, new JsonLogger('info', (line) => lines.push(line)));
    expect(limiter).toBeInstanceOf(FallbackLoginAttemptLimiter);
    opened.push(limiter as FallbackLoginAttemptLimiter);
    return limiter;
  };

  it('two gateways share the count: the 6th attempt across both is refused on either', async () => {
    const prefix = uniqueName('gw-login');
    const [one, two] = [open(redisUrl(), prefix), open(redisUrl(), prefix)];
    for (const gateway of [one, two, one, two, one]) expect(await gateway.attempt(KEY, clock.now())).toBe(0);
    expect(await two.attempt(KEY, clock.now())).toBe(900);
    expect(await one.attempt(KEY, clock.now())).toBe(900);
  });

  it('Redis going away mid-life: logins are still heard and still limited by what this instance saw, with one warning', async () => {
    const prefix = uniqueName('gw-login');
    const proxy = await startTcpProxy({ host: new URL(redisUrl()).hostname, port: Number(new URL(redisUrl()).port) });
    const lines: string[] = [];
    // ioredis takes options from the URL's query: closing waits 50 ms, not 2 s, for a socket already gone.
    const gateway = open(`redis://127.0.0.1:${proxy.port}/?disconnectTimeout=50`, prefix, lines);
    for (let i = 0; i < 4; i++) await gateway.attempt(KEY, clock.now());
    await proxy.cut();

    const started = Date.now();
    expect(await gateway.attempt(KEY, clock.now())).toBe(0);
    expect(await gateway.attempt(KEY, clock.now())).toBe(900);
    expect(Date.now() - started).toBeLessThan(2000);
    const warnings = lines.map((line) => JSON.parse(line)).filter((line) => line.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({
        msg: 'redis does not answer: login failures are counted by this instance only until it does',
      }),
    ]);
  });
});
