import { JobHandler, JobMap, JobProcessorHost, NonRetryableJobError } from '@dutyline/domain';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { fromBullMqJobId } from './bullmq-job-id';
import { BullMqWorkerHostSettings, resolveWorkerHostSettings } from './bullmq-settings';
import { checkJobName, reasonOf } from './job-rules';
import { OpenedRedis, checkRedisConnection, openRedis } from './redis-client';

/**
 * Runs the jobs `BullMqJobQueue` enqueued: one BullMQ worker per registered job name, all sharing one
 * Redis connection (plus the blocking connection each BullMQ worker opens for itself). Several hosts,
 * in one process or many, may serve the same names: each job runs on one of them. A host that dies
 * mid-job (SIGKILL) leaves the job to BullMQ's stalled-job check, which runs it again elsewhere.
 */
export class BullMqWorkerHost<Jobs extends JobMap> implements JobProcessorHost<Jobs> {
  private readonly settings: ReturnType<typeof resolveWorkerHostSettings>;
  private readonly connection: BullMqWorkerHostSettings['connection'];
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly workers: Worker[] = [];
  private redis?: OpenedRedis;
  private started = false;
  private closing?: Promise<void>;

  /** @throws ValidationError naming the faulty setting */
  constructor(settings: BullMqWorkerHostSettings) {
    this.settings = resolveWorkerHostSettings(settings);
    this.connection = settings.connection;
    checkRedisConnection(this.connection, true);
  }

  register<K extends keyof Jobs & string>(name: K, handler: JobHandler<Jobs[K]>): void {
    if (this.started || this.closing) throw new Error('Register job handlers before start()');
    checkJobName(name, 'name');
    if (this.handlers.has(name)) throw new Error(`A handler for "${name}" is already registered`);
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  /** Resolves once every worker is connected and taking jobs (it waits while Redis is unreachable). */
  async start(): Promise<void> {
    if (this.closing) throw new Error('The BullMQ worker host is closed');
    if (this.started) return;
    this.started = true;
    const redis = openRedis(this.connection, true);
    this.redis = redis;
    for (const [name, handler] of this.handlers) {
      const worker = new Worker(name, (job: Job) => runHandler(handler, job), {
        connection: redis.client,
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
        lockDuration: this.settings.lockMs,
        stalledInterval: this.settings.lockMs,
      });
      worker.on('error', this.settings.onError);
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  /** Stops taking jobs, waits for the running ones to finish, closes the connections it opened. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled(this.workers.map((worker) => worker.close()));
      await this.redis?.release();
    })();
    return this.closing;
  }
}

/** Calls our handler; a `NonRetryableJobError` becomes BullMQ's `UnrecoverableError` (no retry). */
async function runHandler(handler: JobHandler<unknown>, job: Job): Promise<void> {
  const context = {
    jobId: fromBullMqJobId(job.id ?? ''),
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
  };
  try {
    await handler(job.data, context);
  } catch (error) {
    if (error instanceof NonRetryableJobError) throw new UnrecoverableError(reasonOf(error));
    throw error instanceof Error ? error : new Error(reasonOf(error));
  }
}
