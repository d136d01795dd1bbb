import net from 'node:net';
import { ManualClock } from '@dutyline/domain/testing';
import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { JsonLogger } from '../logging/json-logger';
import { InProcessTokenIds, RedisTokenIds } from './webhook-token-ids';

const REMEMBER_MS = 360_000;

function recordingLogger() {
  const logs: Record<string, unknown>[] = [];
  return { logs, logger: new JsonLogger('debug', (line) => logs.push(JSON.parse(line))) };
}

describe('InProcessTokenIds', () => {
  it('accepts a token id once within its accepted age, and again only once it expired', async () => {
    const clock = new ManualClock('2027-03-28T01:00:00Z');
    const ids = new InProcessTokenIds(clock, recordingLogger().logger);

    expect(await ids.firstUse('jti-1', REMEMBER_MS)).toBe(true);
    expect(await ids.firstUse('jti-1', REMEMBER_MS)).toBe(false);
    clock.advance(REMEMBER_MS - 1);
    expect(await ids.firstUse('jti-1', REMEMBER_MS)).toBe(false);
    clock.advance(1);
    expect(await ids.firstUse('jti-1', REMEMBER_MS)).toBe(true);
  });

  it('forgets expired ids as new ones arrive: memory follows the rate, not the uptime', async () => {
    const clock = new ManualClock('2027-03-28T01:00:00Z');
    const ids = new InProcessTokenIds(clock, recordingLogger().logger);
    for (let i = 0; i < 1000; i++) {
      await ids.firstUse(`jti-${i}`, REMEMBER_MS);
      clock.advance(1000);
    }
    expect(ids.size).toBe(REMEMBER_MS / 1000);
  });

  it('keeps at most maxEntries under a flood, dropping the oldest with a warning once a minute', async () => {
    const clock = new ManualClock('2027-03-28T01:00:00Z');
    const { logs, logger } = recordingLogger();
    const ids = new InProcessTokenIds(clock, logger, 100);
    for (let i = 0; i < 300; i++) await ids.firstUse(`jti-${i}`, REMEMBER_MS);

    expect(ids.size).toBe(100);
    expect(await ids.firstUse('jti-299', REMEMBER_MS)).toBe(false);
    expect(logs.filter((line) => String(line.msg).includes('forgotten before they expire'))).toHaveLength(1);
  });
});

/** A relay to the real Redis that can be told to hold requests back (Redis connected but silent) and to let them go. */
async function stallableRelay(target: URL) {
  let held: Buffer[] | null = null;
  const upstreams = new Set<net.Socket>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    upstreams.add(upstream);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk: Buffer) => (held ? held.push(chunk) : upstream.write(chunk)));
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    stall: () => void (held = []),
    resume: () => {
      const chunks = held ?? [];
      held = null;
      for (const upstream of upstreams) for (const chunk of chunks) upstream.write(chunk);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describeWithRedis('RedisTokenIds on Redis', () => {
  let admin: Redis;
  const prefixes: string[] = [];
  const opened: RedisTokenIds[] = [];
  beforeAll(() => {
    admin = new Redis(redisUrl());
  });
  afterEach(async () => {
    for (const ids of opened.splice(0)) await ids.close();
    for (const prefix of prefixes.splice(0)) {
      const keys = await admin.keys(`${prefix}:*`);
      if (keys.length > 0) await admin.del(...keys);
    }
  });
  afterAll(async () => {
    await admin.quit();
  });

  const freshPrefix = () => {
    const prefix = uniqueName('replay');
    prefixes.push(prefix);
    return prefix;
  };
  const ledger = (options: {
    prefix: string;
    url?: string;
    clock?: ManualClock;
    logger?: JsonLogger;
    retryAfterMs?: number;
  }) => {
    const ids = new RedisTokenIds({
      redis: new Redis(options.url ?? redisUrl(), { maxRetriesPerRequest: 1 }),
      prefix: options.prefix,
      clock: options.clock ?? new ManualClock('2027-03-28T01:00:00Z'),
      logger: options.logger ?? recordingLogger().logger,
      timeoutMs: 100,
      ...(options.retryAfterMs !== undefined ? { retryAfterMs: options.retryAfterMs } : {}),
    });
    opened.push(ids);
    return ids;
  };

  it('two instances sharing a prefix accept a token id once between them, stored with its TTL under the prefix', async () => {
    const prefix = freshPrefix();
    const [a, b] = [ledger({ prefix }), ledger({ prefix })];

    expect(await a.firstUse('jti-shared', REMEMBER_MS)).toBe(true);
    expect(await b.firstUse('jti-shared', REMEMBER_MS)).toBe(false);
    expect(await a.firstUse('jti-shared', REMEMBER_MS)).toBe(false);
    const ttl = await admin.pttl(`${prefix}:vonage-token:jti-shared`);
    expect(ttl).toBeGreaterThan(REMEMBER_MS - 5000);
    expect(ttl).toBeLessThanOrEqual(REMEMBER_MS);
    // Another prefix (another deployment on the same Redis) has its own ids.
    expect(await ledger({ prefix: freshPrefix() }).firstUse('jti-shared', REMEMBER_MS)).toBe(true);
  });

  it('answers from its own memory, with one warning, when Redis does not answer in time; shares again once it does', async () => {
    const prefix = freshPrefix();
    const relay = await stallableRelay(new URL(redisUrl()));
    try {
      const clock = new ManualClock('2027-03-28T01:00:00Z');
      const { logs, logger } = recordingLogger();
      const stalled = ledger({ prefix, url: relay.url, clock, logger, retryAfterMs: 1000 });
      const other = ledger({ prefix });
      expect(await stalled.firstUse('jti-before', REMEMBER_MS)).toBe(true);

      relay.stall();
      const started = performance.now();
      expect(await stalled.firstUse('jti-during-1', REMEMBER_MS)).toBe(true);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await stalled.firstUse('jti-during-2', REMEMBER_MS)).toBe(true);
      // Its own memory still refuses what it saw, before and during the outage.
      expect(await stalled.firstUse('jti-before', REMEMBER_MS)).toBe(false);
      expect(await stalled.firstUse('jti-during-1', REMEMBER_MS)).toBe(false);
      expect(
        logs.filter((line) => line.level === 'warn' && String(line.msg).startsWith('redis does not answer')),
      ).toHaveLength(1);

      relay.resume();
      clock.advance(1000);
      expect(await other.firstUse('jti-after', REMEMBER_MS)).toBe(true);
      expect(await stalled.firstUse('jti-after', REMEMBER_MS)).toBe(false);
    } finally {
      for (const ids of opened.splice(0)) await ids.close();
      await relay.close();
    }
  });
});
