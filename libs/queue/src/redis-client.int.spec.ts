import net from 'node:net';
import { describeWithRedis, redisUrl, startFaultProxy, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { openRedis } from './redis-client';

/** A port nothing listens on (taken from the system, then freed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Counts the connection attempts `client` makes from now on. */
function attemptsOf(client: Redis): () => number {
  let attempts = 0;
  client.on('connecting', () => (attempts += 1));
  return () => attempts;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis('openRedis().release', () => {
  it('ends a client still connecting to an unreachable port, which never tries again', async () => {
    const opened = openRedis(`redis://127.0.0.1:${await closedPort()}`, false);
    opened.client.on('error', () => undefined);
    // ioredis announces statuses on the next tick, and opens the socket then: past it, the socket is connecting.
    await new Promise((resolve) => process.nextTick(resolve));
    expect(opened.client.status).toBe('connecting');
    const attempts = attemptsOf(opened.client);
    await opened.release();
    expect(opened.client.status).toBe('end');
    await pause(300);
    expect(opened.client.status).toBe('end');
    expect(attempts()).toBe(0);
  });

  it('ends a client waiting between two reconnection attempts: no attempt after, its queued commands rejected', async () => {
    const opened = openRedis(`redis://127.0.0.1:${await closedPort()}`, true);
    opened.client.on('error', () => undefined);
    await new Promise((resolve) => opened.client.once('reconnecting', resolve));
    expect(opened.client.status).toBe('reconnecting');
    const queued = opened.client.get('never-sent').then(
      () => 'answered',
      () => 'rejected',
    );
    const attempts = attemptsOf(opened.client);
    await opened.release();
    expect(opened.client.status).toBe('end');
    expect(await queued).toBe('rejected');
    await pause(300);
    expect(opened.client.status).toBe('end');
    expect(attempts()).toBe(0);
  });

  it('lets a ready client receive the replies it still owes, then ends it', async () => {
    const opened = openRedis(redisUrl(), false);
    await new Promise((resolve) => opened.client.once('ready', resolve));
    const key = uniqueName('release');
    const blocked = opened.client.blpop(`${key}:list`, 0.3);
    const counted = opened.client.incr(`${key}:count`);
    await opened.release();
    expect(opened.client.status).toBe('end');
    expect(await blocked).toBeNull();
    expect(await counted).toBe(1);
  });

  it('ends a ready client whose Redis stopped answering within the QUIT budget, and it does not reconnect', async () => {
    const redis = new URL(redisUrl());
    const proxy = await startFaultProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    try {
      const opened = openRedis(`redis://${proxy.address}`, false);
      opened.client.on('error', () => undefined);
      await new Promise((resolve) => opened.client.once('ready', resolve));
      await proxy.setMode('blackhole');
      const attempts = attemptsOf(opened.client);
      const started = Date.now();
      await opened.release();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(opened.client.status).toBe('end');
      await pause(300);
      expect(attempts()).toBe(0);
      expect(proxy.accepted()).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});
