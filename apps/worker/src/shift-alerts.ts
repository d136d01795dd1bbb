import {
  SHIFT_ALERT_JOB_NAMES,
  type ShiftAlertJobQueue,
  type ShiftAlertJobs,
  type ShiftAlertServices,
  createShiftAlertServices,
  registerShiftAlertHandlers,
} from '@dutyline/application';
import { Clock, JobCanceller, JobProcessorHost, JobQueueInspector } from '@dutyline/domain';
import { SqlHotlineDocuments, SqlShiftAlertLedger, SqlShiftAlertSettings } from '@dutyline/persistence';
import { BullMqJobQueue } from '@dutyline/queue';
import { Container, ContainerModule, ServiceIdentifier } from 'inversify';
import type { DataSource } from 'typeorm';
import { WorkerLogger } from './adapters/json-logger';
import { WorkerConfig } from './config/worker-config';
import {
  CLOCK,
  Closable,
  HOTLINES,
  LOGGER,
  MAILER,
  PEOPLE,
  SCHEDULES,
  SMS,
  TEAMS,
  WATCHED_HOTLINES,
} from './container/tokens';

const token = <T>(name: string): ServiceIdentifier<T> => Symbol(name);

/** The producer of the shift-alert jobs (its own BullMQ queues, one per job name, under the worker's prefix). */
export const SHIFT_ALERT_QUEUE = token<ShiftAlertJobQueue & JobCanceller<ShiftAlertJobs>>('ShiftAlertJobQueue');
export const SHIFT_ALERT_SERVICES = token<ShiftAlertServices>('ShiftAlertServices');

/** The queue the planner enqueues on, opened with the worker's other resources and closed with them. */
export function openShiftAlertQueue(parts: {
  readonly config: Pick<WorkerConfig, 'redisUrl' | 'queuePrefix' | 'backoffMs'>;
  readonly clock: Clock;
  readonly logger: WorkerLogger;
  readonly closables: Closable[];
}): ShiftAlertJobQueue & JobCanceller<ShiftAlertJobs> & JobQueueInspector {
  const queue = new BullMqJobQueue<ShiftAlertJobs>({
    connection: parts.config.redisUrl,
    prefix: parts.config.queuePrefix,
    clock: parts.clock,
    jobNames: [...SHIFT_ALERT_JOB_NAMES],
    backoffBaseMs: parts.config.backoffMs,
    onError: (error) => parts.logger.error('redis', { error: error.message }),
  });
  parts.closables.push({ name: 'shift-alert queue', close: () => queue.close() });
  return queue;
}

/** The shift-alert services over the notification container's ports (a child container: it adds, never rebinds). */
export const shiftAlertsModule = (dataSource: DataSource, options: { readonly publicUrl: string }) =>
  new ContainerModule(({ bind }) => {
    bind(SHIFT_ALERT_SERVICES)
      .toDynamicValue((c) =>
        createShiftAlertServices({
          hotlines: c.get(HOTLINES),
          people: c.get(PEOPLE),
          teams: c.get(TEAMS),
          schedules: c.get(SCHEDULES),
          settings: new SqlShiftAlertSettings(dataSource),
          ledger: new SqlShiftAlertLedger(dataSource),
          watchedHotlines: c.get(WATCHED_HOTLINES),
          mailer: c.get(MAILER),
          sms: c.get(SMS, { optional: true }),
          queue: c.get(SHIFT_ALERT_QUEUE),
          cancelling: { canceller: c.get(SHIFT_ALERT_QUEUE), plans: new SqlHotlineDocuments(dataSource) },
          clock: c.get(CLOCK),
          publicUrl: options.publicUrl,
        }),
      )
      .inSingletonScope();
  });

/** Hotlines whose plans a worker's start asks for at once. */
const PLAN_BATCH = 500;

/**
 * Shift-start alerts in the worker (F27): the three processors on the worker's host (registered
 * before it starts), and a plan asked for every hotline, each then keeping its hourly chain going
 * (the ids collapse what several workers and gateways ask for). Resolves once registered and planned.
 */
export async function startShiftAlerts(parts: {
  readonly notifications: Container;
  readonly dataSource: DataSource;
  readonly queue: ShiftAlertJobQueue & JobCanceller<ShiftAlertJobs>;
  readonly host: JobProcessorHost<ShiftAlertJobs>;
  readonly publicUrl: string;
}): Promise<{ readonly planned: number }> {
  const container = new Container({ parent: parts.notifications, defaultScope: 'Singleton' });
  container.bind(SHIFT_ALERT_QUEUE).toConstantValue(parts.queue);
  container.load(shiftAlertsModule(parts.dataSource, { publicUrl: parts.publicUrl }));
  const services = container.get(SHIFT_ALERT_SERVICES);
  const logger = container.get(LOGGER);
  registerShiftAlertHandlers(parts.host, services, logger);
  const hotlines = await container.get(WATCHED_HOTLINES).watchedHotlines();
  // A batch's enqueues go out together: 10,000 hotlines cost 20 round trips to Redis, not 20,000 one after the other.
  for (let start = 0; start < hotlines.length; start += PLAN_BATCH)
    await Promise.all(
      hotlines.slice(start, start + PLAN_BATCH).map((hotline) => services.planner.scheduleChanged(hotline)),
    );
  logger.info('shift alerts planned', { hotlines: hotlines.length });
  return { planned: hotlines.length };
}
