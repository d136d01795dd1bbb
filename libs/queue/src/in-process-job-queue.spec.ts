import { ManualClock } from '@dutyline/domain/testing';
import { InProcessJobQueue } from './in-process-job-queue';
import { TestJobs, eventually, jobQueueContract, systemClock } from './job-queue.contract';

jobQueueContract('InProcessJobQueue', describe, ({ clock, backoffBaseMs }) => {
  const queue = new InProcessJobQueue<TestJobs>({ clock, backoffBaseMs, jobNames: ['ping', 'other'] });
  return { queue, host: queue };
});

describe('InProcessJobQueue', () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

  it('cancels the timers of delayed jobs and pending retries on close', async () => {
    const queue = new InProcessJobQueue<TestJobs>({
      clock: systemClock,
      jobNames: ['ping', 'other'],
      backoffBaseMs: 60_000,
    });
    queue.register('ping', async () => {
      throw new Error('down');
    });
    await queue.start();
    await queue.enqueue('ping', { n: 1 }, { jobId: 'retry-in-a-minute' });
    await queue.enqueue('other', { n: 2 }, { jobId: 'in-30-days', runAt: Date.now() + 30 * 86_400_000 });
    await eventually(async () => expect((await queue.depths())[0].delayed).toBe(1));
    const open = timers();
    await queue.close();
    expect(timers()).toBe(open - 2);
  });

  it('keeps only the newest failures of a name', async () => {
    const clock = new ManualClock('2027-03-28T01:00:00Z');
    const queue = new InProcessJobQueue<TestJobs>({ clock, jobNames: ['ping', 'other'], keepFailed: 2 });
    queue.register('ping', async () => {
      throw new Error('no');
    });
    await queue.start();
    for (const n of [1, 2, 3]) {
      await queue.enqueue('ping', { n }, { jobId: `j${n}`, attempts: 1 });
      await eventually(async () => expect((await queue.failedJobs()).map((job) => job.jobId)[0]).toBe(`j${n}`));
    }
    expect(await queue.failedJobs()).toEqual([
      {
        name: 'ping',
        jobId: 'j3',
        payload: { n: 3 },
        reason: 'no',
        attemptsMade: 1,
        maxAttempts: 1,
        failedAt: clock.now(),
      },
      {
        name: 'ping',
        jobId: 'j2',
        payload: { n: 2 },
        reason: 'no',
        attemptsMade: 1,
        maxAttempts: 1,
        failedAt: clock.now(),
      },
    ]);
    await queue.close();
  });

  it('runs at most `concurrency` jobs of a name at once, and hands each a copy of its payload', async () => {
    const queue = new InProcessJobQueue<TestJobs>({ clock: systemClock, jobNames: ['ping', 'other'], concurrency: 2 });
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    queue.register('ping', async (payload) => {
      running += 1;
      most = Math.max(most, running);
      payload.n += 100;
      seen.push(payload.n);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
    });
    const payload = { n: 1 };
    for (const id of ['a', 'b', 'c', 'd', 'e']) await queue.enqueue('ping', payload, { jobId: id });
    await queue.start();
    await eventually(() => expect(seen).toEqual([101, 101, 101, 101, 101]));
    expect(most).toBe(2);
    expect(payload).toEqual({ n: 1 });
    await queue.close();
  });

  it.each([
    ['no job names', { jobNames: [] }, 'jobNames'],
    ['a name with a colon', { jobNames: ['a:b'] }, 'jobNames[0]'],
    ['a name twice', { jobNames: ['ping', 'ping'] }, 'jobNames[1]'],
    ['zero concurrency', { jobNames: ['ping'], concurrency: 0 }, 'concurrency'],
    ['a fractional backoff', { jobNames: ['ping'], backoffBaseMs: 1.5 }, 'backoffBaseMs'],
  ])('refuses %s', (_case, settings, field) => {
    expect(
      () =>
        new InProcessJobQueue<Record<string, unknown>>({ clock: systemClock, ...(settings as { jobNames: string[] }) }),
    ).toThrow(expect.objectContaining({ name: 'ValidationError', field }));
  });

  it('refuses a handler registered twice, for an unknown name, or after start', async () => {
    const queue = new InProcessJobQueue<TestJobs>({ clock: systemClock, jobNames: ['ping', 'other'] });
    const handler = async () => undefined;
    queue.register('ping', handler);
    expect(() => queue.register('ping', handler)).toThrow(/already registered/);
    expect(() => queue.register('nope' as 'ping', handler)).toThrow(/not "nope"/);
    await queue.start();
    expect(() => queue.register('other', handler)).toThrow(/before start/);
    await queue.close();
  });
});
