import {
  Clock,
  JobCanceller,
  JobContext,
  JobProcessorHost,
  JobQueueInspector,
  JobQueuePort,
  NonRetryableJobError,
  ValidationError,
  parseInstant,
} from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';

// What every job queue must do, run against each implementation by its own spec file. Delays are
// small real ones (≤ 1 s); where a clock matters it is a ManualClock, so "now" is the test's choice.

export interface TestJobs {
  ping: { n: number };
  other: { n: number };
}

export interface QueueUnderTest {
  readonly queue: JobQueuePort<TestJobs> & JobCanceller<TestJobs> & JobQueueInspector & { close(): Promise<void> };
  readonly host: JobProcessorHost<TestJobs>;
  /** Removes what the test left in shared stores, after both are closed. */
  readonly cleanUp?: () => Promise<void>;
}

export interface QueueSettingsForTest {
  readonly clock: Clock;
  /** @defaultValue 40 */
  readonly backoffBaseMs?: number;
}

export type QueueFactory = (settings: QueueSettingsForTest) => QueueUnderTest;

/** Real time, for the tests that measure real delays. */
export const systemClock: Clock = { now: () => Date.now() };

/** Node may fire a timer up to a millisecond early; BullMQ rounds to the millisecond. */
const TIMER_SLACK_MS = 2;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries `check` until it stops throwing, or rethrows its last error after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}

/** A promise the test resolves when it chooses. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

interface Run {
  readonly payload: { n: number };
  readonly context: JobContext;
  readonly at: number;
}

export function jobQueueContract(
  label: string,
  describeBlock: (name: string, body: () => void) => void,
  factory: QueueFactory,
): void {
  describeBlock(`${label} (job queue contract)`, () => {
    const opened: QueueUnderTest[] = [];
    const open = (settings: Partial<QueueSettingsForTest> = {}) => {
      const subject = factory({ clock: systemClock, backoffBaseMs: 40, ...settings });
      opened.push(subject);
      return subject;
    };
    /** Starts a host whose `ping` handler records every run and then does `then`. */
    const recording = async (subject: QueueUnderTest, then: (run: Run) => Promise<void> | void = () => undefined) => {
      const runs: Run[] = [];
      subject.host.register('ping', async (payload, context) => {
        const run = { payload, context, at: Date.now() };
        runs.push(run);
        await then(run);
      });
      await subject.host.start();
      return runs;
    };

    afterEach(async () => {
      for (const subject of opened.splice(0)) {
        await subject.host.close();
        await subject.queue.close();
        await subject.cleanUp?.();
      }
    });

    it('runs a job enqueued for now, once, with its payload, id and attempt', async () => {
      const subject = open();
      const runs = await recording(subject);
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'voicemail:rec-1' });
      await eventually(() => expect(runs).toHaveLength(1));
      expect(runs[0].payload).toEqual({ n: 1 });
      expect(runs[0].context).toEqual({ jobId: 'voicemail:rec-1', attempt: 1, maxAttempts: 5 });
      await sleep(100);
      expect(runs).toHaveLength(1);
    });

    it('runs a delayed job not before its time', async () => {
      const subject = open();
      const runs = await recording(subject);
      const runAt = Date.now() + 400;
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'later', runAt });
      await sleep(200);
      expect(runs).toHaveLength(0);
      expect((await subject.queue.depths())[0]).toMatchObject({ name: 'ping', delayed: 1 });
      await eventually(() => expect(runs).toHaveLength(1));
      expect(runs[0].at).toBeGreaterThanOrEqual(runAt - TIMER_SLACK_MS);
    });

    it('reads "now" from the injected clock, not from the machine', async () => {
      const clock = new ManualClock('2020-01-01T00:00:00Z');
      const subject = open({ clock });
      const runs = await recording(subject);
      const enqueuedAt = Date.now();
      // In the clock's future (the machine's past) and in the clock's past (the machine's future).
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'clock-future', runAt: clock.now() + 300 });
      await subject.queue.enqueue(
        'ping',
        { n: 2 },
        { jobId: 'clock-past', runAt: parseInstant('2019-12-31T23:59:00Z') },
      );
      await eventually(() => expect(runs.map((run) => run.payload.n)).toEqual([2, 1]));
      expect(runs[1].at - enqueuedAt).toBeGreaterThanOrEqual(300 - TIMER_SLACK_MS);
    });

    it('keeps one job when the same id is enqueued again while it waits or is delayed', async () => {
      const subject = open();
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'gap:h1' });
      await subject.queue.enqueue('ping', { n: 2 }, { jobId: 'gap:h1' });
      await subject.queue.enqueue('ping', { n: 3 }, { jobId: 'cb:7', runAt: Date.now() + 150 });
      await subject.queue.enqueue('ping', { n: 4 }, { jobId: 'cb:7' });
      // The same id under another name is another job.
      await subject.queue.enqueue('other', { n: 5 }, { jobId: 'gap:h1' });
      expect(await subject.queue.depths()).toEqual([
        { name: 'ping', waiting: 1, delayed: 1, active: 0, failed: 0 },
        { name: 'other', waiting: 1, delayed: 0, active: 0, failed: 0 },
      ]);
      const runs = await recording(subject);
      await eventually(() => expect(runs.map((run) => run.payload.n)).toEqual([1, 3]));
      await sleep(150);
      expect(runs).toHaveLength(2);
    });

    it('cancels a waiting or delayed job (its id free again), never a running one', async () => {
      const subject = open();
      const started = gate();
      const release = gate();
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'alert:moved', runAt: Date.now() + 300 });
      await subject.queue.enqueue('other', { n: 2 }, { jobId: 'alert:waiting' });
      expect(await subject.queue.cancel('ping', 'alert:moved')).toBe(true);
      expect(await subject.queue.cancel('other', 'alert:waiting')).toBe(true);
      expect(await subject.queue.cancel('ping', 'alert:moved')).toBe(false);
      expect(await subject.queue.cancel('ping', 'never-queued')).toBe(false);
      expect((await subject.queue.depths()).map((d) => d.waiting + d.delayed)).toEqual([0, 0]);
      const runs = await recording(subject, async () => {
        started.open();
        await release.opened;
      });
      await subject.queue.enqueue('ping', { n: 3 }, { jobId: 'alert:moved' });
      await started.opened;
      expect(await subject.queue.cancel('ping', 'alert:moved')).toBe(false);
      release.open();
      await sleep(350);
      expect(runs.map((run) => run.payload.n)).toEqual([3]);
    });

    it('frees the id once the job completed: the same id runs again', async () => {
      const subject = open();
      const runs = await recording(subject);
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'gap:h1' });
      await eventually(() => expect(runs).toHaveLength(1));
      await eventually(async () => expect((await subject.queue.depths())[0].active).toBe(0));
      await subject.queue.enqueue('ping', { n: 2 }, { jobId: 'gap:h1' });
      await eventually(() => expect(runs.map((run) => run.payload.n)).toEqual([1, 2]));
    });

    it('retries a failing job with exponential backoff until it succeeds', async () => {
      const subject = open({ backoffBaseMs: 60 });
      const runs = await recording(subject, (run) => {
        if (run.context.attempt < 3) throw new Error(`SMTP down (attempt ${run.context.attempt})`);
      });
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'flaky', attempts: 4 });
      await eventually(() => expect(runs).toHaveLength(3));
      expect(runs.map((run) => run.context.attempt)).toEqual([1, 2, 3]);
      expect(runs[1].at - runs[0].at).toBeGreaterThanOrEqual(60 - TIMER_SLACK_MS);
      expect(runs[2].at - runs[1].at).toBeGreaterThanOrEqual(120 - TIMER_SLACK_MS);
      await eventually(async () =>
        expect((await subject.queue.depths())[0]).toEqual({
          name: 'ping',
          waiting: 0,
          delayed: 0,
          active: 0,
          failed: 0,
        }),
      );
      expect(await subject.queue.failedJobs()).toEqual([]);
    });

    it('keeps a job that spent its attempts as failed, with its last reason', async () => {
      const subject = open({ backoffBaseMs: 10 });
      const runs = await recording(subject, (run) => {
        throw new Error(`still down ${run.context.attempt}`);
      });
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'doomed:1', attempts: 3 });
      const [failed] = await eventually(async () => {
        const list = await subject.queue.failedJobs();
        expect(list).toHaveLength(1);
        return list;
      });
      expect(failed).toMatchObject({
        name: 'ping',
        jobId: 'doomed:1',
        payload: { n: 1 },
        reason: 'still down 3',
        attemptsMade: 3,
        maxAttempts: 3,
      });
      expect(runs).toHaveLength(3);
    });

    it('fails a job at once, after one attempt, when its handler says it can never succeed', async () => {
      const subject = open({ backoffBaseMs: 10 });
      const runs = await recording(subject, () => {
        throw new NonRetryableJobError('invalid address: nobody@');
      });
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'bad-address' });
      const [failed] = await eventually(async () => {
        const list = await subject.queue.failedJobs();
        expect(list).toHaveLength(1);
        return list;
      });
      expect(failed).toMatchObject({
        jobId: 'bad-address',
        reason: 'invalid address: nobody@',
        attemptsMade: 1,
        maxAttempts: 5,
      });
      expect(failed.failedAt).toBeGreaterThanOrEqual(runs[0].at - 1_000);
      await sleep(100);
      expect(runs).toHaveLength(1);
    });

    it('counts jobs by state for each job name', async () => {
      const subject = open();
      const blocked = gate();
      const runs = await recording(subject, () => blocked.opened);
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'running' });
      await eventually(() => expect(runs).toHaveLength(1));
      await subject.queue.enqueue('ping', { n: 2 }, { jobId: 'tomorrow', runAt: Date.now() + 86_400_000 });
      await subject.queue.enqueue('other', { n: 3 }, { jobId: 'o1' });
      await subject.queue.enqueue('other', { n: 4 }, { jobId: 'o2' });
      expect(await subject.queue.depths()).toEqual([
        { name: 'ping', waiting: 0, delayed: 1, active: 1, failed: 0 },
        { name: 'other', waiting: 2, delayed: 0, active: 0, failed: 0 },
      ]);
      blocked.open();
      await eventually(async () => expect((await subject.queue.depths())[0].active).toBe(0));
    });

    it('lists failures newest first, by name and limit, and retries one with its attempts renewed', async () => {
      const subject = open({ backoffBaseMs: 10 });
      let healthy = false;
      const runs = await recording(subject, (run) => {
        if (!healthy) throw new NonRetryableJobError(`refused ${run.payload.n}`);
      });
      for (const n of [1, 2, 3]) {
        await subject.queue.enqueue('ping', { n }, { jobId: `job-${n}`, attempts: 2 });
        await eventually(async () => expect(await subject.queue.failedJobs()).toHaveLength(n));
        await sleep(5); // distinct failure times
      }
      expect((await subject.queue.failedJobs()).map((job) => job.jobId)).toEqual(['job-3', 'job-2', 'job-1']);
      expect((await subject.queue.failedJobs({ limit: 2 })).map((job) => job.jobId)).toEqual(['job-3', 'job-2']);
      expect(await subject.queue.failedJobs({ name: 'other' })).toEqual([]);
      expect((await subject.queue.depths())[0]).toMatchObject({ failed: 3 });

      healthy = true;
      expect(await subject.queue.retryFailed('ping', 'job-2')).toEqual({ ok: true, value: undefined });
      await eventually(() => expect(runs.map((run) => run.payload.n)).toEqual([1, 2, 3, 2]));
      expect(runs[3].context).toEqual({ jobId: 'job-2', attempt: 1, maxAttempts: 2 });
      await eventually(async () =>
        expect((await subject.queue.failedJobs()).map((job) => job.jobId)).toEqual(['job-3', 'job-1']),
      );
      expect(await subject.queue.retryFailed('ping', 'job-2')).toEqual({
        ok: false,
        error: { code: 'FAILED_JOB_NOT_FOUND', name: 'ping', jobId: 'job-2' },
      });
      expect(await subject.queue.retryFailed('nope', 'job-1')).toMatchObject({
        ok: false,
        error: { code: 'FAILED_JOB_NOT_FOUND' },
      });
    });

    it('collapses an enqueue onto a failed job with the same id until it is retried', async () => {
      const subject = open();
      let healthy = false;
      const runs = await recording(subject, () => {
        if (!healthy) throw new NonRetryableJobError('refused');
      });
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'same' });
      await eventually(async () => expect(await subject.queue.failedJobs()).toHaveLength(1));
      healthy = true;
      await subject.queue.enqueue('ping', { n: 2 }, { jobId: 'same' });
      await sleep(100);
      expect(runs).toHaveLength(1);
      await subject.queue.retryFailed('ping', 'same');
      await eventually(() => expect(runs.map((run) => run.payload.n)).toEqual([1, 1]));
    });

    it('waits for running jobs when the host closes', async () => {
      const subject = open();
      const finished: number[] = [];
      const runs = await recording(subject, async (run) => {
        await sleep(200);
        finished.push(run.payload.n);
      });
      await subject.queue.enqueue('ping', { n: 1 }, { jobId: 'long' });
      await eventually(() => expect(runs).toHaveLength(1));
      await subject.host.close();
      expect(finished).toEqual([1]);
    });

    it.each([
      ['an unknown job name', 'nope', { jobId: 'a' }, 'name'],
      ['an empty job id', 'ping', { jobId: '' }, 'jobId'],
      ['zero attempts', 'ping', { jobId: 'a', attempts: 0 }, 'attempts'],
      ['a fractional instant', 'ping', { jobId: 'a', runAt: 1.5 }, 'runAt'],
    ])('refuses %s before storing anything', async (_case, name, options, field) => {
      const subject = open();
      const refusal = subject.queue.enqueue(name as 'ping', { n: 1 }, options);
      await expect(refusal).rejects.toBeInstanceOf(ValidationError);
      await expect(refusal).rejects.toMatchObject({ field });
      expect((await subject.queue.depths())[0]).toEqual({ name: 'ping', waiting: 0, delayed: 0, active: 0, failed: 0 });
    });

    it('refuses a payload that is not JSON', async () => {
      const subject = open();
      await expect(
        subject.queue.enqueue('ping', { n: 1n } as unknown as { n: number }, { jobId: 'a' }),
      ).rejects.toMatchObject({
        code: 'INVALID_PAYLOAD',
        field: 'payload',
      });
    });

    it('rejects an enqueue once closed', async () => {
      const subject = open();
      await subject.queue.close();
      await expect(subject.queue.enqueue('ping', { n: 1 }, { jobId: 'late' })).rejects.toThrow(/closed/);
    });
  });
}
