// The benchmark's no-op BullMQ worker, in a process of its own like the real worker: takes `noop` jobs
// from BENCH_PREFIX on REDIS_URL with BENCH_CONCURRENCY, and tells its parent (IPC) `{ ready }`, then
// `{ done }` every 50 jobs.
import { BullMqWorkerHost } from '@dutyline/queue';

async function main(): Promise<void> {
  const host = new BullMqWorkerHost<{ noop: { i: number } }>({
    connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: process.env.BENCH_PREFIX ?? 'bench',
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 5),
  });
  let done = 0;
  host.register('noop', async () => {
    done += 1;
    if (done % 50 === 0) process.send?.({ done });
  });
  await host.start();
  process.send?.({ ready: true });
  process.on('disconnect', () => void host.close().then(() => process.exit(0)));
}

void main();
