import net from 'node:net';
import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { EVERYTHING, RedisInvalidationBus } from './redis-invalidation-bus';

/** Polls `check` every 10 ms until it passes or `timeoutMs` runs out. */
async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

describeWithRedis('RedisInvalidationBus on Redis', () => {
  const buses: RedisInvalidationBus[] = [];
  let admin: Redis;
  beforeAll(() => (admin = new Redis(redisUrl())));
  afterAll(() => admin.quit());
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.close();
  });

  /** A started bus and the topics its handler got. */
  async function busOn(prefix: string) {
    const bus = new RedisInvalidationBus({ connection: redisUrl(), prefix, onError: () => undefined });
    buses.push(bus);
    const heard: string[] = [];
    bus.subscribe((topic) => heard.push(topic));
    await bus.start();
    return { bus, heard };
  }

  /** Cuts the subscriber connections of the buses under `prefix`, as a network failure would. */
  async function cutSubscribers(prefix: string): Promise<number> {
    const list = (await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
    const ids = list
      .split('\n')
      .filter((line) => line.includes(` name=${prefix}:invalidate:`))
      .map((line) => /\bid=(\d+)/.exec(line)![1]);
    for (const id of ids) await admin.call('CLIENT', 'KILL', 'ID', id);
    return ids.length;
  }

  it('delivers a topic to the publishing process at once and to every other process sharing the prefix, once each', async () => {
    const prefix = uniqueName('inv');
    const [one, two, three] = [await busOn(prefix), await busOn(prefix), await busOn(prefix)];
    const elsewhere = await busOn(uniqueName('inv'));
    const publishing = one.bus.publish('hotline:h1');
    expect(one.heard).toEqual(['hotline:h1']);
    await publishing;
    await eventually(() => expect([two.heard, three.heard]).toEqual([['hotline:h1'], ['hotline:h1']]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(one.heard).toEqual(['hotline:h1']);
    expect(elsewhere.heard).toEqual([]);
    expect([one.bus.live, two.bus.live]).toEqual([true, true]);
  });

  it('stops calling a handler once unsubscribed', async () => {
    const prefix = uniqueName('inv');
    const { bus, heard } = await busOn(prefix);
    const other = await busOn(prefix);
    const late: string[] = [];
    const unsubscribe = other.bus.subscribe((topic) => late.push(topic));
    await bus.publish('account:a1');
    await eventually(() => expect(late).toEqual(['account:a1']));
    unsubscribe();
    await bus.publish('account:a2');
    await eventually(() => expect(other.heard).toEqual(['account:a1', 'account:a2']));
    expect(late).toEqual(['account:a1']);
    expect(heard).toEqual(['account:a1', 'account:a2']);
  });

  it('tells its handlers to forget everything when its connection drops and again once it listens anew; messages flow again', async () => {
    const prefix = uniqueName('inv');
    const publisher = await busOn(prefix);
    const listener = await busOn(prefix);
    expect(await cutSubscribers(prefix)).toBe(2);
    await eventually(() => expect(listener.heard).toContain(EVERYTHING));
    await eventually(() => expect(listener.bus.live).toBe(true), 5000);
    expect(listener.heard.filter((t) => t === EVERYTHING).length).toBeGreaterThanOrEqual(2);
    await eventually(() => expect(publisher.bus.live).toBe(true), 5000);
    await publisher.bus.publish('hotline:after');
    await eventually(() => expect(listener.heard[listener.heard.length - 1]).toBe('hotline:after'));
  }, 15_000);

  it('treats an unreadable message as "everything changed"', async () => {
    const prefix = uniqueName('inv');
    const { bus, heard } = await busOn(prefix);
    await admin.publish(bus.channel, 'not json');
    await eventually(() => expect(heard).toEqual([EVERYTHING]));
  });

  it('refuses an empty topic and a bad prefix', async () => {
    const { bus } = await busOn(uniqueName('inv'));
    await expect(bus.publish('')).rejects.toMatchObject({ code: 'REQUIRED', field: 'topic' });
    expect(() => new RedisInvalidationBus({ connection: redisUrl(), prefix: 'a b' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PREFIX' }),
    );
  });
});

describeWithRedis('RedisInvalidationBus while its own connection to Redis is cut', () => {
  /** A TCP relay to Redis that the test can cut (every connection dropped, new ones refused) and restore. */
  async function relay(): Promise<{
    url: string;
    cut(): Promise<void>;
    restore(): Promise<void>;
    close(): Promise<void>;
  }> {
    const target = new URL(redisUrl());
    const sockets = new Set<net.Socket>();
    let server: net.Server;
    let port = 0;
    const listen = () =>
      new Promise<void>((resolve) => {
        server = net.createServer((client) => {
          const upstream = net.connect(Number(target.port || 6379), target.hostname);
          for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.on('error', () => undefined);
            socket.on('close', () => sockets.delete(socket));
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, '127.0.0.1', () => {
          port = (server.address() as net.AddressInfo).port;
          resolve();
        });
      });
    const stop = () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    await listen();
    return { url: `redis://127.0.0.1:${port}`, cut: stop, restore: listen, close: stop };
  }

  it('rejects a publish at once instead of waiting for Redis, and sends the others "everything" once it is back', async () => {
    const prefix = uniqueName('inv');
    const link = await relay();
    const cut = new RedisInvalidationBus({ connection: link.url, prefix, onError: () => undefined });
    const other = new RedisInvalidationBus({ connection: redisUrl(), prefix, onError: () => undefined });
    const [heardHere, heardThere]: string[][] = [[], []];
    cut.subscribe((topic) => heardHere.push(topic));
    other.subscribe((topic) => heardThere.push(topic));
    try {
      await Promise.all([cut.start(), other.start()]);
      await link.cut();
      await eventually(() => expect(cut.live).toBe(false));
      const started = Date.now();
      await expect(cut.publish('hotline:h1')).rejects.toThrow(/not connected/);
      expect(Date.now() - started).toBeLessThan(100);
      expect(heardHere).toContain('hotline:h1');
      expect(heardThere).toEqual([]);
      await link.restore();
      await eventually(() => expect(heardThere).toEqual([EVERYTHING]), 10_000);
    } finally {
      await cut.close();
      await other.close();
      await link.close();
    }
  }, 20_000);
});
