import { Id, Instant, JobOptions, JobQueuePort, callbackJobId, callbackNextDueAt } from '@dutyline/domain';
import { CallLogger } from '../shared/logger.port';
import { errorContext } from '../shared/error-context';
import { StoredCallbackRequest } from './stored-callback-request';

/** Look at an automatic-mode request when something is due (`callbackNextDueAt`): dial, or notice a lost call. */
export interface CallbackAttemptJob {
  readonly accountId: Id;
  readonly requestId: Id;
  /** The due instant the job was enqueued for; a job whose request is now due at another instant is stale. */
  readonly dueAt: Instant;
}

/** The background jobs of callback requests: name → payload. */
export interface CallbackJobs {
  'callback.attempt': CallbackAttemptJob;
}

export type CallbackJobName = keyof CallbackJobs;
export type CallbackJobQueue = JobQueuePort<CallbackJobs>;
export const CALLBACK_JOB_NAMES: readonly CallbackJobName[] = ['callback.attempt'];

/** How many times a callback job runs before it is kept as failed. @defaultValue 5 */
const JOB_ATTEMPTS = 5;

/**
 * The job a stored request is owed, or null: only automatic-mode requests get jobs (a manual request
 * reappears in agents' lists by itself: its status and visibility are read at the instant asked). The id
 * is the domain's deterministic `callbackJobId`, so enqueuing twice keeps one job.
 */
export function callbackJobFor(
  record: StoredCallbackRequest,
): { payload: CallbackAttemptJob; options: JobOptions } | null {
  const { request } = record;
  const jobId = callbackJobId(request);
  const dueAt = callbackNextDueAt(request);
  if (request.policy.mode !== 'automatic' || jobId === null || dueAt === null) return null;
  return {
    payload: { accountId: record.accountId, requestId: request.id, dueAt },
    options: { jobId, runAt: dueAt, attempts: JOB_ATTEMPTS },
  };
}

/**
 * Enqueues what a request is owed after each change. A failure is logged, not thrown: the request is
 * stored, and the reconcile pass on worker start enqueues its job again.
 */
export class CallbackJobScheduler {
  constructor(
    private readonly queue: CallbackJobQueue | null,
    private readonly logger: CallLogger,
  ) {}

  async schedule(record: StoredCallbackRequest): Promise<boolean> {
    const job = callbackJobFor(record);
    if (!job || !this.queue) return false;
    try {
      await this.queue.enqueue('callback.attempt', job.payload, job.options);
      return true;
    } catch (error) {
      this.logger.warn('could not enqueue a callback job: the reconcile pass will', {
        requestId: record.request.id,
        jobId: job.options.jobId,
        ...errorContext(error),
      });
      return false;
    }
  }
}
