import net from 'node:net';
import { RingRotation } from '@dutyline/domain';
import { describeWithRedis, redisKeyPrefixes, redisUrl } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { InProcessRingRotation } from './in-process-ring-rotation';
import { RedisRingRotation, RedisRingRotationSettings } from './redis-ring-rotation';

const counter = (level = 0, hotlineId = 'hl-1', accountId = 'acct-1') => ({ accountId, hotlineId, level });

/** What every `RingRotation` does, given two handles on one shared set of counters. */
function ringRotationContract(name: string, pair: () => [RingRotation, RingRotation]) {
  describe(name, () => {
    it('hands out 0, 1, 2… per counter; peek tells the next without counting', async () => {
      const [rotation] = pair();
      expect(await rotation.peek(counter())).toBe(0);
      expect([await rotation.next(counter()), await rotation.next(counter())]).toEqual([0, 1]);
      expect([await rotation.peek(counter()), await rotation.peek(counter())]).toEqual([2, 2]);
      expect(await rotation.next(counter())).toBe(2);
    });

    it('keeps levels, hotlines and accounts apart', async () => {
      const [rotation] = pair();
      await rotation.next(counter(0));
      await rotation.next(counter(0));
      expect(
        await Promise.all([
          rotation.next(counter(1)),
          rotation.next(counter(0, 'hl-2')),
          rotation.next(counter(0, 'hl-1', 'acct-2')),
          rotation.peek(counter(0)),
        ]),
      ).toEqual([0, 0, 0, 2]);
    });

    it('two handles share the counters: 40 calls at once get 40 different turns', async () => {
      const [a, b] = pair();
      const turns = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).next(counter(3))));
      expect([...turns].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(await a.peek(counter(3))).toBe(40);
    });
  });
}

ringRotationContract('InProcessRingRotation', () => {
  const shared = new InProcessRingRotation();
  return [shared, shared];
});

describeWithRedis('RedisRingRotation on Redis', () => {
  const opened: RedisRingRotation[] = [];
  const prefixes = redisKeyPrefixes('rotation');
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl());
  });
  afterAll(async () => {
    await redis.quit();
  });
  afterEach(async () => {
    for (const made of opened.splice(0)) await made.close();
    await prefixes.cleanUp();
  });
  const freshPrefix = prefixes.fresh;
  const rotation = (settings: Partial<RedisRingRotationSettings> & { prefix: string }) => {
    const made = new RedisRingRotation({ connection: redisUrl(), ...settings });
    opened.push(made);
    return made;
  };

  // Two instances, as two gateways would be, on one prefix.
  let prefix = '';
  beforeEach(() => {
    prefix = freshPrefix();
  });
  ringRotationContract('two instances sharing a prefix', () => [rotation({ prefix }), rotation({ prefix })]);

  it('keeps its counters under the prefix, apart from another prefix', async () => {
    const other = freshPrefix();
    await rotation({ prefix }).next(counter(2));
    expect(await rotation({ prefix: other }).peek(counter(2))).toBe(0);
    expect(await redis.keys(`${prefix}:*`)).toEqual([`${prefix}:ring-rotation:acct-1:hl-1:2`]);
  });

  it('a server that never answers: rejects after commandTimeoutMs', async () => {
    const accepted = new Set<net.Socket>();
    const silent = net.createServer((socket) => void accepted.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const mute = new RedisRingRotation({
        prefix,
        connection: `redis://127.0.0.1:${port}`,
        commandTimeoutMs: 100,
        onError: () => undefined,
      });
      const started = Date.now();
      await expect(mute.next(counter())).rejects.toThrow('Redis did not answer within 100 ms');
      await expect(mute.peek(counter())).rejects.toThrow('Redis did not answer within 100 ms');
      expect(Date.now() - started).toBeLessThan(1000);
      await mute.close();
    } finally {
      for (const socket of accepted) socket.destroy();
      silent.close();
    }
  });

  it.each([
    [{ commandTimeoutMs: 0 }, 'commandTimeoutMs'],
    [{ prefix: 'has space' }, 'prefix'],
  ])('refuses the settings %j, naming %s', (settings, field) => {
    expect(() => new RedisRingRotation({ connection: redisUrl(), ...settings })).toThrow(
      expect.objectContaining({ field }),
    );
  });
});
