import { JobContext, JobProcessorHost } from '@dutyline/domain';
import { LogContext } from '../shared';
import { failureText } from './delivery-failure';
import { NotificationJobs } from './notification-jobs';
import { NotificationServices } from './notification-services';

/** Where the job handlers write one line per job. Never throws. */
export interface NotificationLogger {
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

export const silentNotificationLogger: NotificationLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * The handlers of the notification jobs, one per job name, each a thin call into its service with a
 * log line (`<job> done` or `<job> failed`). Failures are the services' (retry, or
 * `NonRetryableJobError` to fail at once); the host keeps failed jobs for admins.
 */
export function registerNotificationHandlers(
  host: JobProcessorHost<NotificationJobs>,
  services: Pick<NotificationServices, 'voicemail' | 'unanswered' | 'gapChecks'>,
  logger: NotificationLogger,
): void {
  const logged = <T>(
    job: string,
    context: JobContext,
    run: { work: () => Promise<T>; describe: (outcome: T) => LogContext },
  ) => {
    const { jobId, attempt } = context;
    return run.work().then(
      (outcome) => void logger.info(`${job} done`, { job, jobId, attempt, ...run.describe(outcome) }),
      (error: unknown) => {
        logger.warn(`${job} failed`, { job, jobId, attempt, error: failureText(error) });
        throw error;
      },
    );
  };

  host.register('voicemail.deliver', (job, context) =>
    logged('voicemail.deliver', context, {
      work: () => services.voicemail.deliver(job.deliveryId, context),
      describe: (o) => ({ status: o.status, steps: o.steps }),
    }),
  );
  host.register('call.unanswered-alert', (job, context) =>
    logged('call.unanswered-alert', context, {
      work: () => services.unanswered.alert(job.deliveryId, context),
      describe: (o) => ({ status: o.status, steps: o.steps }),
    }),
  );
  host.register('gaps.check', (job, context) =>
    logged('gaps.check', context, {
      work: () => services.gapChecks.run(job),
      describe: (o) => ({ hotlineId: job.hotlineId, status: o.status, sent: o.sent.map((n) => `${n.kind} ${n.id}`) }),
    }),
  );
}
