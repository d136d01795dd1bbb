import {
  Clock,
  FailedJob,
  FailedJobNotFound,
  FailedJobsQuery,
  JobCanceller,
  JobHandler,
  JobMap,
  JobOptions,
  JobProcessorHost,
  JobQueueInspector,
  JobQueuePort,
  NonRetryableJobError,
  QueueDepth,
  Result,
  err,
  ok,
} from '@dutyline/domain';
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_KEEP_FAILED,
  backoffDelay,
  checkFailedJobsQuery,
  checkJobNames,
  integerIn,
  planJob,
  reasonOf,
} from './job-rules';

export interface InProcessJobQueueSettings<Jobs extends JobMap> {
  /** Reads "now" to turn `runAt` into a delay, and stamps failures. */
  readonly clock: Clock;
  /** The job names this queue serves; `enqueue` refuses others. */
  readonly jobNames: readonly (keyof Jobs & string)[];
  /** Jobs of one name running at once. @defaultValue 5 */
  readonly concurrency?: number;
  /** The first retry waits this long, each next one twice as long. @defaultValue 2000 */
  readonly backoffBaseMs?: number;
  /** Failed jobs kept per name for inspection, the oldest dropped first. @defaultValue 1000 */
  readonly keepFailed?: number;
}

type JobState = 'waiting' | 'delayed' | 'active' | 'failed';

interface StoredJob {
  readonly name: string;
  readonly jobId: string;
  readonly payloadJson: string;
  readonly maxAttempts: number;
  attemptsMade: number;
  state: JobState;
  timer?: NodeJS.Timeout;
  reason?: string;
  failedAt?: number;
  /** Orders failures stamped at the same instant. */
  failureNumber?: number;
}

/** `setTimeout` cannot wait longer than this; longer delays are waited in several steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The embedded default: producer, worker host and inspector in one object, in this process, no Redis.
 * Same rules as the BullMQ queue: deterministic ids collapse, `runAt` delays, exponential backoff,
 * `NonRetryableJobError` fails at once, failed jobs kept (bounded) for inspection.
 *
 * NOT durable: jobs live in memory and are gone when the process stops or `close()` is called. The
 * durable truth is the database; the reconcile pass on start enqueues again whatever is due.
 */
export class InProcessJobQueue<Jobs extends JobMap>
  implements JobQueuePort<Jobs>, JobCanceller<Jobs>, JobProcessorHost<Jobs>, JobQueueInspector
{
  private readonly clock: Clock;
  private readonly names: readonly string[];
  private readonly concurrency: number;
  private readonly backoffBaseMs: number;
  private readonly keepFailed: number;
  private readonly jobs = new Map<string, Map<string, StoredJob>>();
  private readonly ready = new Map<string, StoredJob[]>();
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly running = new Set<Promise<void>>();
  private readonly activeCount = new Map<string, number>();
  private failures = 0;
  private started = false;
  private closed = false;

  /** @throws ValidationError naming the faulty setting */
  constructor(settings: InProcessJobQueueSettings<Jobs>) {
    this.clock = settings.clock;
    this.names = checkJobNames(settings.jobNames);
    this.concurrency = integerIn(settings.concurrency ?? DEFAULT_CONCURRENCY, 'concurrency', { min: 1, max: 1_000 });
    this.backoffBaseMs = integerIn(settings.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS, 'backoffBaseMs', {
      min: 1,
      max: 3_600_000,
    });
    this.keepFailed = integerIn(settings.keepFailed ?? DEFAULT_KEEP_FAILED, 'keepFailed', { min: 1, max: 100_000 });
    for (const name of this.names) {
      this.jobs.set(name, new Map());
      this.ready.set(name, []);
      this.activeCount.set(name, 0);
    }
  }

  async enqueue<K extends keyof Jobs & string>(name: K, payload: Jobs[K], options: JobOptions): Promise<void> {
    if (this.closed) throw new Error('The in-process job queue is closed');
    const plan = planJob(this.names, { name, payload, options }, this.clock.now());
    const byId = this.jobsOf(name);
    if (byId.has(plan.jobId)) return;
    const job: StoredJob = {
      name,
      jobId: plan.jobId,
      payloadJson: plan.payloadJson,
      maxAttempts: plan.attempts,
      attemptsMade: 0,
      state: 'waiting',
    };
    byId.set(job.jobId, job);
    if (plan.delayMs > 0) this.delay(job, plan.delayMs);
    else this.makeReady(job);
  }

  async cancel(name: keyof Jobs & string, jobId: string): Promise<boolean> {
    const job = this.jobs.get(name)?.get(jobId);
    if (!job || (job.state !== 'waiting' && job.state !== 'delayed')) return false;
    clearTimeout(job.timer);
    this.jobsOf(name).delete(jobId);
    const ready = this.ready.get(name) ?? [];
    if (ready.includes(job)) ready.splice(ready.indexOf(job), 1);
    return true;
  }

  register<K extends keyof Jobs & string>(name: K, handler: JobHandler<Jobs[K]>): void {
    if (this.started || this.closed) throw new Error('Register job handlers before start()');
    if (!this.names.includes(name)) throw new Error(`This queue serves ${this.names.join(', ')}, not "${name}"`);
    if (this.handlers.has(name)) throw new Error(`A handler for "${name}" is already registered`);
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  async start(): Promise<void> {
    if (this.closed) throw new Error('The in-process job queue is closed');
    this.started = true;
    for (const name of this.names) this.pump(name);
  }

  /** Stops taking jobs, cancels pending timers, waits for running jobs. Waiting jobs are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    for (const byId of this.jobs.values()) {
      for (const job of byId.values()) clearTimeout(job.timer);
    }
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async depths(): Promise<QueueDepth[]> {
    return this.names.map((name) => {
      const depth = { name, waiting: 0, delayed: 0, active: 0, failed: 0 };
      for (const job of this.jobsOf(name).values()) depth[job.state] += 1;
      return depth;
    });
  }

  async failedJobs(query?: FailedJobsQuery): Promise<FailedJob[]> {
    const { names, limit } = checkFailedJobsQuery(this.names, query);
    return names
      .flatMap((name) => this.failedOf(name))
      .sort(byFailure)
      .reverse()
      .slice(0, limit)
      .map((job) => ({
        name: job.name,
        jobId: job.jobId,
        payload: JSON.parse(job.payloadJson) as unknown,
        reason: job.reason ?? '',
        attemptsMade: job.attemptsMade,
        maxAttempts: job.maxAttempts,
        failedAt: job.failedAt ?? 0,
      }));
  }

  async retryFailed(name: string, jobId: string): Promise<Result<void, FailedJobNotFound>> {
    const job = this.jobs.get(name)?.get(jobId);
    if (!job || job.state !== 'failed' || this.closed) return err({ code: 'FAILED_JOB_NOT_FOUND', name, jobId });
    job.attemptsMade = 0;
    job.reason = undefined;
    job.failedAt = undefined;
    this.makeReady(job);
    return ok(undefined);
  }

  private jobsOf(name: string): Map<string, StoredJob> {
    const byId = this.jobs.get(name);
    if (!byId) throw new Error(`Unknown job name "${name}"`);
    return byId;
  }

  private delay(job: StoredJob, ms: number): void {
    job.state = 'delayed';
    job.timer =
      ms > MAX_TIMER_MS
        ? setTimeout(() => this.delay(job, ms - MAX_TIMER_MS), MAX_TIMER_MS)
        : setTimeout(() => this.makeReady(job), ms);
  }

  private makeReady(job: StoredJob): void {
    job.timer = undefined;
    job.state = 'waiting';
    this.ready.get(job.name)?.push(job);
    this.pump(job.name);
  }

  private pump(name: string): void {
    const handler = this.handlers.get(name);
    const queue = this.ready.get(name) ?? [];
    while (
      this.started &&
      !this.closed &&
      handler &&
      queue.length > 0 &&
      (this.activeCount.get(name) ?? 0) < this.concurrency
    ) {
      const job = queue.shift() as StoredJob;
      const run = this.run(job, handler).finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  private async run(job: StoredJob, handler: JobHandler<unknown>): Promise<void> {
    job.state = 'active';
    this.activeCount.set(job.name, (this.activeCount.get(job.name) ?? 0) + 1);
    const context = { jobId: job.jobId, attempt: job.attemptsMade + 1, maxAttempts: job.maxAttempts };
    try {
      // Deferred to a microtask so a handler never runs inside `enqueue`, and a synchronous throw is caught.
      await Promise.resolve().then(() => handler(JSON.parse(job.payloadJson), context));
      this.jobsOf(job.name).delete(job.jobId);
    } catch (error) {
      this.afterFailure(job, error);
    } finally {
      this.activeCount.set(job.name, (this.activeCount.get(job.name) ?? 1) - 1);
      this.pump(job.name);
    }
  }

  private afterFailure(job: StoredJob, error: unknown): void {
    job.attemptsMade += 1;
    if (error instanceof NonRetryableJobError || job.attemptsMade >= job.maxAttempts) {
      job.state = 'failed';
      job.reason = reasonOf(error);
      job.failedAt = this.clock.now();
      job.failureNumber = ++this.failures;
      this.dropOldFailures(job.name);
    } else if (this.closed) {
      // Not durable: a retry due after close() is left to the reconcile pass, like any waiting job.
      job.state = 'waiting';
    } else {
      this.delay(job, backoffDelay(this.backoffBaseMs, job.attemptsMade));
    }
  }

  /** Failed jobs of one name, the oldest failure first. */
  private failedOf(name: string): StoredJob[] {
    return [...this.jobsOf(name).values()].filter((job) => job.state === 'failed').sort(byFailure);
  }

  private dropOldFailures(name: string): void {
    const failed = this.failedOf(name);
    for (const job of failed.slice(0, Math.max(0, failed.length - this.keepFailed)))
      this.jobsOf(name).delete(job.jobId);
  }
}

/** The oldest failure first. */
const byFailure = (a: StoredJob, b: StoredJob) =>
  (a.failedAt ?? 0) - (b.failedAt ?? 0) || (a.failureNumber ?? 0) - (b.failureNumber ?? 0);
