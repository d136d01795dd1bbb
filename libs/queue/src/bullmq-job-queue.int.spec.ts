import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { BullMqJobQueue } from './bullmq-job-queue';
import { BullMqWorkerHost } from './bullmq-worker-host';
import { TestJobs, eventually, jobQueueContract, systemClock } from './job-queue.contract';

const jobNames: (keyof TestJobs)[] = ['ping', 'other'];

/** Deletes every key under the test's prefixes. */
async function dropKeys(prefixes: readonly string[]): Promise<void> {
  const client = new Redis(redisUrl());
  try {
    for (const prefix of prefixes) {
      const keys = await client.keys(`${prefix}:*`);
      if (keys.length > 0) await client.del(...keys);
    }
  } finally {
    await client.quit();
  }
}

jobQueueContract('BullMqJobQueue + BullMqWorkerHost', describeWithRedis, ({ clock, backoffBaseMs }) => {
  const prefix = uniqueName('q');
  return {
    queue: new BullMqJobQueue<TestJobs>({ connection: redisUrl(), prefix, clock, jobNames, backoffBaseMs }),
    host: new BullMqWorkerHost<TestJobs>({ connection: redisUrl(), prefix }),
    cleanUp: () => dropKeys([prefix]),
  };
});

describeWithRedis('BullMqJobQueue + BullMqWorkerHost on Redis', () => {
  const toClose: { close(): Promise<void> }[] = [];
  const clients: Redis[] = [];
  const prefixes: string[] = [];
  afterEach(async () => {
    for (const closable of toClose.splice(0).reverse()) await closable.close();
    for (const client of clients.splice(0)) await client.quit();
    await dropKeys(prefixes.splice(0));
  });
  const producer = (prefix: string, connection: string | Redis = redisUrl(), onError?: (error: Error) => void) => {
    prefixes.push(prefix);
    const queue = new BullMqJobQueue<TestJobs>({ connection, prefix, clock: systemClock, jobNames, onError });
    toClose.push(queue);
    return queue;
  };
  const host = (prefix: string, connection: string | Redis = redisUrl(), concurrency = 3) => {
    prefixes.push(prefix);
    const worker = new BullMqWorkerHost<TestJobs>({ connection, prefix, concurrency });
    toClose.push(worker);
    return worker;
  };

  it('runs each job once when two worker hosts serve the same queue', async () => {
    const prefix = uniqueName('q');
    const runsBy: Record<string, string[]> = { first: [], second: [] };
    for (const label of ['first', 'second']) {
      const worker = host(prefix);
      worker.register('ping', async (_payload, { jobId }) => {
        runsBy[label].push(jobId);
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
      await worker.start();
    }
    const queue = producer(prefix);
    const ids = Array.from({ length: 40 }, (_, i) => `call:${i}`);
    await Promise.all(ids.map((jobId, i) => queue.enqueue('ping', { n: i }, { jobId })));
    await eventually(() => expect(runsBy.first.length + runsBy.second.length).toBe(ids.length), 5_000);
    expect([...runsBy.first, ...runsBy.second].sort()).toEqual([...ids].sort());
    await eventually(async () =>
      expect(await queue.depths()).toEqual([
        { name: 'ping', waiting: 0, delayed: 0, active: 0, failed: 0 },
        { name: 'other', waiting: 0, delayed: 0, active: 0, failed: 0 },
      ]),
    );
  });

  it('keeps jobs in Redis for the next host when none is running', async () => {
    const prefix = uniqueName('q');
    const queue = producer(prefix);
    await queue.enqueue('other', { n: 7 }, { jobId: 'survives' });
    const first = host(prefix);
    first.register('ping', async () => undefined);
    await first.start();
    await first.close();
    const seen: number[] = [];
    const second = host(prefix);
    second.register('other', async ({ n }) => {
      seen.push(n);
    });
    await second.start();
    await eventually(() => expect(seen).toEqual([7]));
  });

  it('uses a borrowed client and leaves it open on close', async () => {
    const prefix = uniqueName('q');
    const client = new Redis(redisUrl(), { maxRetriesPerRequest: null });
    clients.push(client);
    const seen: number[] = [];
    const worker = host(prefix, client);
    worker.register('ping', async ({ n }) => {
      seen.push(n);
    });
    await worker.start();
    const queue = producer(prefix, client);
    await queue.enqueue('ping', { n: 1 }, { jobId: 'borrowed' });
    await eventually(() => expect(seen).toEqual([1]));
    await worker.close();
    await queue.close();
    expect(await client.ping()).toBe('PONG');
  });

  it('refuses a borrowed client that BullMQ workers cannot use', async () => {
    const client = new Redis(redisUrl());
    clients.push(client);
    expect(() => new BullMqWorkerHost({ connection: client })).toThrow(
      expect.objectContaining({ code: 'INVALID_REDIS_CLIENT', field: 'connection' }),
    );
  });

  it('rejects an enqueue when Redis cannot be reached, and tells onError', async () => {
    const errors: Error[] = [];
    const queue = producer(uniqueName('q'), 'redis://127.0.0.1:1', (error) => errors.push(error));
    await expect(queue.enqueue('ping', { n: 1 }, { jobId: 'lost' })).rejects.toThrow(/max retries/);
    expect(errors.length).toBeGreaterThan(0);
  });

  it.each([
    ['a missing URL scheme', { connection: '127.0.0.1:6379' }, 'connection'],
    ['a prefix with a space', { connection: 'redis://127.0.0.1:6379', prefix: 'a b' }, 'prefix'],
  ])('refuses %s', (_case, settings, field) => {
    expect(() => new BullMqWorkerHost(settings)).toThrow(expect.objectContaining({ name: 'ValidationError', field }));
  });
});
