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
   * Runs the reconcile pass now (e.g. when a connection came back); a pass already running is shared.
   * Resolves with its report, or null when it failed (logged; the next one catches up).
   */
  reconcileNow(): Promise<ReconcileReport | null>;
  /**
   * The graceful stop: the host takes no more jobs and the running ones may finish, for at most
   * `timeoutMs` (a job still running then is left to the queue: BullMQ's stalled-job check hands it
   * to another worker; the embedded queue forgets it and the next start's reconcile pass finds it).
   * Resolves `true` when every running job finished in time. Calling it again returns the same stop.
   */
  stop(timeoutMs: number): Promise<boolean>;
}

export interface NotificationProcessingOptions {
  readonly services: Pick<NotificationServices, 'voicemail' | 'unanswered' | 'gapChecks' | 'reconciler'>;
  readonly logger: NotificationLogger;
  /**
   * Runs the reconcile pass again this often, so what is owed reaches the queue after an outage
   * without a restart. @defaultValue never (only at start)
   */
  readonly reconcileEveryMs?: number;
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
  options: NotificationProcessingOptions,
): Promise<NotificationProcessing> {
  const { services, logger } = options;
  registerNotificationHandlers(host, services, logger);
  const reconciled = await services.reconciler.reconcile();
  logger.info('reconciled', { ...reconciled });
  await host.start();
  let stopping: Promise<boolean> | undefined;
  let running: Promise<ReconcileReport | null> | undefined;
  const reconcileNow = () => {
    running ??= services.reconciler
      .reconcile()
      .then(
        (report) => {
          if (report.deliveries > 0) logger.info('reconciled', { ...report });
          return report;
        },
        (error: unknown) => {
          logger.warn('reconcile pass failed; the next one catches up', { error: String(error) });
          return null;
        },
      )
      .finally(() => (running = undefined));
    return running;
  };
  const every = options.reconcileEveryMs;
  const timer = every ? setInterval(() => void reconcileNow(), every) : undefined;
  timer?.unref?.();
  return {
    reconciled,
    reconcileNow,
    stop(timeoutMs) {
      clearInterval(timer);
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
