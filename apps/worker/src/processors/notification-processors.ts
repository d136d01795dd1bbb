import { JobProcessorHost } from '@dutyline/domain';
import { WorkerLogger } from '../adapters/json-logger';
import { GapCheckRunner, NotificationJobs, UnansweredCallAlert, VoicemailDelivery } from '../notifications-api';

export interface NotificationServices {
  readonly voicemail: VoicemailDelivery;
  readonly unanswered: UnansweredCallAlert;
  readonly gapChecks: GapCheckRunner;
}

/**
 * The processors: one per job name, each a thin call into its service with a log line. Failures are
 * the services' (retry, or `NonRetryableJobError` to fail at once); the queue keeps failed jobs.
 */
export function registerNotificationProcessors(host: JobProcessorHost<NotificationJobs>, services: NotificationServices, logger: WorkerLogger): void {
  const logged = <T>(name: string, jobId: string, attempt: number, work: () => Promise<T>, describe: (outcome: T) => Record<string, unknown>) =>
    work().then(
      (outcome) => void logger.info(`${name} done`, { job: name, jobId, attempt, ...describe(outcome) }),
      (error: unknown) => {
        logger.warn(`${name} failed`, { job: name, jobId, attempt, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
        throw error;
      },
    );

  host.register('voicemail.deliver', (job, context) =>
    logged('voicemail.deliver', context.jobId, context.attempt, () => services.voicemail.deliver(job.deliveryId, context), (o) => ({ status: o.status, steps: o.steps })),
  );
  host.register('call.unanswered-alert', (job, context) =>
    logged('call.unanswered-alert', context.jobId, context.attempt, () => services.unanswered.alert(job.deliveryId, context), (o) => ({ status: o.status, steps: o.steps })),
  );
  host.register('gaps.check', (job, context) =>
    logged('gaps.check', context.jobId, context.attempt, () => services.gapChecks.run(job), (o) => ({
      hotlineId: job.hotlineId, status: o.status, sent: o.sent.map((n) => `${n.kind} ${n.id}`),
    })),
  );
}
