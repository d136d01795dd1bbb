import { JobContext, JobProcessorHost } from '@dutyline/domain';
import { NotificationLogger } from '../notifications';
import { LogContext } from '../shared';
import { ShiftAlertPorts } from './ports';
import { ShiftAlertJobs } from './shift-alert-jobs';
import { ShiftAlertPlanner, ShiftAlertPlannerOptions } from './shift-alert-planner';
import { ShiftAlertSender } from './shift-alert-sender';
import { ShiftAlertSettingsService } from './shift-alert-settings.service';

/** The services of the shift-start alerts over one set of ports. */
export interface ShiftAlertServices {
  readonly planner: ShiftAlertPlanner;
  readonly sender: ShiftAlertSender;
  /** Settings, the alerts sent, the acknowledgement link; a save plans the hotline again. */
  readonly settings: ShiftAlertSettingsService;
}

export function createShiftAlertServices(
  ports: ShiftAlertPorts,
  options: ShiftAlertPlannerOptions = {},
): ShiftAlertServices {
  const planner = new ShiftAlertPlanner(ports, options);
  return {
    planner,
    sender: new ShiftAlertSender(ports),
    settings: new ShiftAlertSettingsService({ ...ports, changed: (hotline) => planner.scheduleChanged(hotline) }),
  };
}

/** The three handlers, each a thin call with one log line (`<job> done` / `<job> failed`). */
export function registerShiftAlertHandlers(
  host: JobProcessorHost<ShiftAlertJobs>,
  services: Pick<ShiftAlertServices, 'planner' | 'sender'>,
  logger: NotificationLogger,
): void {
  const logged = <T extends object>(job: string, context: JobContext, work: () => Promise<T>) =>
    work().then(
      (outcome) =>
        void logger.info(`${job} done`, {
          job,
          jobId: context.jobId,
          attempt: context.attempt,
          ...(outcome as LogContext),
        }),
      (error: unknown) => {
        logger.warn(`${job} failed`, { job, jobId: context.jobId, attempt: context.attempt, error: String(error) });
        throw error;
      },
    );
  host.register('shift-alert.send', (job, context) =>
    logged('shift-alert.send', context, () => services.sender.send(job)),
  );
  host.register('shift-alert.ack-check', (job, context) =>
    logged('shift-alert.ack-check', context, () => services.sender.checkAcknowledgement(job)),
  );
  host.register('shift-alerts.plan', (job, context) =>
    logged('shift-alerts.plan', context, () => services.planner.run(job)),
  );
}

/**
 * What both composition roots do with a job host: register the handlers, ask for a plan of every
 * hotline (each then keeps its periodic chain going; the ids collapse repeats across instances), start.
 * Failure contract: rejects when the hotlines cannot be read or the queue cannot take the plans.
 */
export async function startShiftAlertProcessing(
  host: JobProcessorHost<ShiftAlertJobs>,
  options: {
    readonly services: Pick<ShiftAlertServices, 'planner' | 'sender'>;
    readonly hotlines: ShiftAlertPorts['watchedHotlines'];
    readonly logger: NotificationLogger;
  },
): Promise<void> {
  registerShiftAlertHandlers(host, options.services, options.logger);
  const hotlines = await options.hotlines.watchedHotlines();
  for (const hotline of hotlines) await options.services.planner.scheduleChanged(hotline);
  await host.start();
}
