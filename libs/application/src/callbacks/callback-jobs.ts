import { JobOptions, callbackJobId, callbackNextDueAt } from '@dutyline/domain';
import { CallLogger, errorContext } from '../shared';
import { CallbackAttemptJob, CallbackJobName, CallbackJobQueue } from './ports';
import { StoredCallbackRequest } from './stored-callback-request';

/** Every callback job name, for the worker to register a handler each. */
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
