import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type FailedJob, type JobQueueInspector, invalid } from '@dutyline/domain';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { RefusalError } from '../graphql/api-errors';
import { FailedJobModel, QueueDepthModel } from './models/queue.models';
import { QUEUE_INSPECTOR } from './queues.tokens';

/** The most failed jobs one answer lists. */
const MAX_FAILED_JOBS = 200;
/** How far the inspector is searched for an account's failures (they are kept platform-wide). */
const FAILED_SCAN = 1000;

/** Whose a job is: every notification job carries its `accountId`. */
const accountOf = (job: FailedJob): unknown => (job.payload as { accountId?: unknown } | null)?.accountId;

/**
 * The background jobs, for admins: depths (platform-wide counts, no content) and the failed jobs of
 * their own account, which they can run again.
 */
@Resolver()
export class QueuesResolver {
  constructor(@Inject(QUEUE_INSPECTOR) private readonly inspector: JobQueueInspector) {}

  @Query(() => [QueueDepthModel], { description: 'Jobs waiting, delayed, running and failed, per job name (admins).' })
  @Roles('admin')
  async queueDepths(): Promise<QueueDepthModel[]> {
    return (await this.inspector.depths()).map(QueueDepthModel.of);
  }

  @Query(() => [FailedJobModel], { description: "The account's failed background jobs, most recent first (admins)." })
  @Roles('admin')
  async failedJobs(
    @CurrentActor() actor: Actor,
    @Args('name', { type: () => String, nullable: true, description: 'One job name; all when omitted.' })
    name?: string | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: 'At most this many: 1 to 200 (INVALID_PAGE_SIZE otherwise). Default 50.',
    })
    first?: number | null,
  ): Promise<FailedJobModel[]> {
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FAILED_JOBS)
      invalid('INVALID_PAGE_SIZE', 'first', `first is from 1 to ${MAX_FAILED_JOBS}`);
    const jobs = await this.inspector.failedJobs({ ...(name ? { name } : {}), limit: FAILED_SCAN });
    return jobs
      .filter((job) => accountOf(job) === actor.accountId)
      .slice(0, limit)
      .map(FailedJobModel.of);
  }

  @Mutation(() => Boolean, {
    description:
      'Runs a failed job again with its attempts renewed. FAILED_JOB_NOT_FOUND when it is not a failed job of the account.',
  })
  @Roles('admin')
  async retryFailedJob(
    @CurrentActor() actor: Actor,
    @Args('name') name: string,
    @Args('jobId') jobId: string,
  ): Promise<boolean> {
    const mine = (await this.inspector.failedJobs({ name, limit: FAILED_SCAN })).some(
      (job) => job.jobId === jobId && accountOf(job) === actor.accountId,
    );
    const retried = mine ? await this.inspector.retryFailed(name, jobId) : null;
    if (!retried?.ok)
      throw new RefusalError(
        'FAILED_JOB_NOT_FOUND',
        `There is no failed ${name} job "${jobId}" in this account.`,
        undefined,
        { name, jobId },
      );
    return true;
  }
}
