import { JobProcessorHost } from '@dutyline/domain';
import { NotificationLogger, registerNotificationHandlers } from './notification-handlers';
import { NotificationJobs } from './notification-jobs';
import { ReconcileReport } from './notification-reconciler';
import { NotificationServices } from './notification-services';

/** A host taking notification jobs, as `startNotificationProcessing` left it. */
export interface NotificationProcessing {
  /** What the reconcile pass at start enqueued again. */
  readonly reconciled: ReconcileReport;
  /**
   * The graceful stop: the host takes no more jobs and the running ones may finish, for at most
   * `timeoutMs` (a job still running then is left to the queue: BullMQ's stalled-job check hands it
   * to another worker; the embedded queue forgets it and the next start's reconcile pass finds it).
   * Resolves `true` when every running job finished in time. Calling it again returns the same stop.
   */
  stop(timeoutMs: number): Promise<boolean>;
}

/**
 * What both composition roots do with a job host (BullMQ workers, or the embedded in-process queue):
 * register the handlers, run the reconcile pass (so whatever the database says is owed is queued
 * again), then start taking jobs.
 * Failure contract: rejects when the reconcile pass cannot reach the database or the queue (nothing
 * was started: close the host).
 */
export async function startNotificationProcessing(
  host: JobProcessorHost<NotificationJobs>,
  services: Pick<NotificationServices, 'voicemail' | 'unanswered' | 'gapChecks' | 'reconciler'>,
  logger: NotificationLogger,
): Promise<NotificationProcessing> {
  registerNotificationHandlers(host, services, logger);
  const reconciled = await services.reconciler.reconcile();
  logger.info('reconciled', { ...reconciled });
  await host.start();
  let stopping: Promise<boolean> | undefined;
  return {
    reconciled,
    stop(timeoutMs) {
      stopping ??= (async () => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const finished = await Promise.race([
          host.close().then(() => true),
          new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
        ]);
        clearTimeout(timer);
        if (!finished) logger.warn('jobs still running at shutdown are left to the queue', { timeoutMs });
        return finished;
      })();
      return stopping;
    },
  };
}
