import {
  FailedJob,
  FailedJobNotFound,
  FailedJobsQuery,
  JobCanceller,
  JobMap,
  JobOptions,
  JobQueueInspector,
  JobQueuePort,
  QueueDepth,
  Result,
  err,
  ok,
} from '@dutyline/domain';
import { Job, Queue } from 'bullmq';
import { fromBullMqJobId, toBullMqJobId } from './bullmq-job-id';
import { BullMqJobQueueSettings, resolveJobQueueSettings } from './bullmq-settings';
import { checkFailedJobsQuery, planJob } from './job-rules';
import { OpenedRedis, openRedis } from './redis-client';

/**
 * Enqueues jobs in Redis through BullMQ, one BullMQ queue per job name under `prefix`, and lets an
 * admin inspect them. `BullMqWorkerHost` runs them. A job's id is kept until it completes (completed
 * jobs are removed) or, once failed, until it is retried or pushed out by `keepFailed` newer failures.
 */
export class BullMqJobQueue<Jobs extends JobMap> implements JobQueuePort<Jobs>, JobCanceller<Jobs>, JobQueueInspector {
  private readonly settings: ReturnType<typeof resolveJobQueueSettings<Jobs>>;
  private readonly redis: OpenedRedis;
  private readonly queues = new Map<string, Queue>();
  private closing?: Promise<void>;

  /** @throws ValidationError naming the faulty setting */
  constructor(settings: BullMqJobQueueSettings<Jobs>) {
    this.settings = resolveJobQueueSettings(settings);
    this.redis = openRedis(settings.connection, false);
    for (const name of this.settings.jobNames) {
      // Not waiting for "ready" lets an enqueue fail (after the client's few retries) while Redis is away.
      const queue = new Queue(name, {
        connection: this.redis.client,
        prefix: this.settings.prefix,
        skipWaitingForReady: true,
      });
      queue.on('error', this.settings.onError);
      this.queues.set(name, queue);
    }
  }

  async enqueue<K extends keyof Jobs & string>(name: K, payload: Jobs[K], options: JobOptions): Promise<void> {
    this.assertOpen();
    const plan = planJob(this.settings.jobNames, { name, payload, options }, this.settings.clock.now());
    await this.queue(name).add(name, JSON.parse(plan.payloadJson), {
      jobId: toBullMqJobId(plan.jobId),
      delay: plan.delayMs,
      attempts: plan.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffBaseMs },
      removeOnComplete: true,
      removeOnFail: { count: this.settings.keepFailed },
    });
  }

  /** Removes the job while it waits or is delayed; a running (locked), finished or failed one stays. */
  async cancel(name: keyof Jobs & string, jobId: string): Promise<boolean> {
    this.assertOpen();
    const queue = this.queues.get(name);
    const job = queue && (await queue.getJob(toBullMqJobId(jobId)));
    if (!queue || !job || !['waiting', 'delayed', 'prioritized'].includes(await job.getState())) return false;
    return (await queue.remove(job.id!)) === 1;
  }

  async depths(): Promise<QueueDepth[]> {
    this.assertOpen();
    return Promise.all(
      this.settings.jobNames.map(async (name) => {
        const counts = await this.queue(name).getJobCounts('waiting', 'delayed', 'active', 'failed');
        return {
          name,
          waiting: counts.waiting ?? 0,
          delayed: counts.delayed ?? 0,
          active: counts.active ?? 0,
          failed: counts.failed ?? 0,
        };
      }),
    );
  }

  async failedJobs(query?: FailedJobsQuery): Promise<FailedJob[]> {
    this.assertOpen();
    const { names, limit } = checkFailedJobsQuery(this.settings.jobNames, query);
    const perName = await Promise.all(names.map((name) => this.queue(name).getFailed(0, limit - 1)));
    return perName
      .flat()
      .map((job) => toFailedJob(job as Job))
      .sort((a, b) => b.failedAt - a.failedAt)
      .slice(0, limit);
  }

  async retryFailed(name: string, jobId: string): Promise<Result<void, FailedJobNotFound>> {
    this.assertOpen();
    const notFound = err({ code: 'FAILED_JOB_NOT_FOUND' as const, name, jobId });
    const queue = this.queues.get(name);
    const job = queue && (await queue.getJob(toBullMqJobId(jobId)));
    if (!queue || !job || (await job.getState()) !== 'failed') return notFound;
    try {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } catch (error) {
      // Someone else retried or removed it in between.
      if ((await queue.getJobState(toBullMqJobId(jobId))) !== 'failed') return notFound;
      throw error;
    }
    return ok(undefined);
  }

  /** Closes the queues and the connection it opened (a borrowed client stays open). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
      await this.redis.release();
    })();
    return this.closing;
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Unknown job name "${name}"`);
    return queue;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The BullMQ job queue is closed');
  }
}

function toFailedJob(job: Job): FailedJob {
  return {
    name: job.queueName,
    jobId: fromBullMqJobId(job.id ?? ''),
    payload: job.data as unknown,
    reason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    failedAt: job.finishedOn ?? job.timestamp,
  };
}
