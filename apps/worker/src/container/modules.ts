import {
  DocumentGapAlertStates,
  DocumentNotificationSettings,
  NotificationJobQueue,
  NotificationJobs,
  NotificationServices,
  createNotificationServices,
} from '@dutyline/application';
import { Clock, JobProcessorHost, JobQueueInspector, MailerPort, RecordingCarrier, SmsCarrier } from '@dutyline/domain';
import { SqlDeliveryLedger, SqlHotlineDocuments, SqlVoicemailLinks, sqlRepositories } from '@dutyline/persistence';
import { ContainerModule, ServiceIdentifier } from 'inversify';
import type { DataSource } from 'typeorm';
import { WorkerLogger } from '../adapters/json-logger';
import {
  ACCOUNTS,
  CLOCK,
  CLOSABLES,
  Closable,
  DELIVERY_LEDGER,
  GAP_ALERTS,
  GAP_ALERT_STATES,
  GAP_CHECK_RUNNER,
  HOTLINES,
  JOB_HOST,
  JOB_QUEUE,
  LOGGER,
  MAILER,
  NOTIFICATION_SERVICES,
  NOTIFICATION_SETTINGS,
  PEOPLE,
  QUEUE_INSPECTOR,
  RECONCILER,
  RECORDINGS,
  SCHEDULES,
  SMS,
  TEAMS,
  UNANSWERED_CALL_ALERT,
  VOICEMAIL_DELIVERY,
  VOICEMAIL_LINKS,
  WATCHED_HOTLINES,
} from './tokens';

/* One container module per adapter; each receives adapters already built by the factories in `adapter-factories.ts`. */

export const platformModule = (clock: Clock, logger: WorkerLogger) =>
  new ContainerModule(({ bind }) => {
    bind(CLOCK).toConstantValue(clock);
    bind(LOGGER).toConstantValue(logger);
  });

/** The repositories and the notification stores on one initialised, migrated DataSource. */
export const persistenceModule = (dataSource: DataSource, options: { readonly publicUrl: string }) =>
  new ContainerModule(({ bind }) => {
    const repositories = sqlRepositories(dataSource);
    const documents = new SqlHotlineDocuments(dataSource);
    const gapStates = new DocumentGapAlertStates(documents);
    bind(HOTLINES).toConstantValue(repositories.hotlines);
    bind(PEOPLE).toConstantValue(repositories.people);
    bind(ACCOUNTS).toConstantValue(repositories.accounts);
    bind(TEAMS).toConstantValue(repositories.teams);
    bind(SCHEDULES).toConstantValue(repositories.schedule);
    bind(DELIVERY_LEDGER).toConstantValue(new SqlDeliveryLedger(dataSource));
    bind(GAP_ALERT_STATES).toConstantValue(gapStates);
    bind(WATCHED_HOTLINES).toConstantValue(gapStates);
    bind(NOTIFICATION_SETTINGS)
      .toResolvedValue((clock: Clock) => new DocumentNotificationSettings(documents, clock), [CLOCK])
      .inSingletonScope();
    bind(VOICEMAIL_LINKS).toConstantValue(new SqlVoicemailLinks(dataSource, { publicUrl: options.publicUrl }));
  });

/** The producer side, the consumer side and the admin's view of the queue (BullMQ, or one in-process object for all three). */
export const queueModule = (
  queue: NotificationJobQueue,
  host: JobProcessorHost<NotificationJobs>,
  inspector: JobQueueInspector,
) =>
  new ContainerModule(({ bind }) => {
    bind(JOB_QUEUE).toConstantValue(queue);
    bind(JOB_HOST).toConstantValue(host);
    bind(QUEUE_INSPECTOR).toConstantValue(inspector);
  });

export const mailModule = (mailer: MailerPort) =>
  new ContainerModule(({ bind }) => void bind(MAILER).toConstantValue(mailer));

/** Recordings always; SMS only when the carrier can send them. */
export const carrierModule = (recordings: Pick<RecordingCarrier, 'fetchRecording'>, sms: SmsCarrier | null) =>
  new ContainerModule(({ bind }) => {
    bind(RECORDINGS).toConstantValue(recordings);
    if (sms) bind(SMS).toConstantValue(sms);
  });

/** The notification services (`createNotificationServices`, shared with the gateway's embedded mode), over whatever the other modules bound. */
export const notificationsModule = (options: { readonly gapCheckIntervalMs: number }) =>
  new ContainerModule(({ bind }) => {
    bind(NOTIFICATION_SERVICES)
      .toDynamicValue((c) =>
        createNotificationServices(
          {
            ledger: c.get(DELIVERY_LEDGER),
            hotlines: c.get(HOTLINES),
            people: c.get(PEOPLE),
            accounts: c.get(ACCOUNTS),
            teams: c.get(TEAMS),
            schedules: c.get(SCHEDULES),
            gapStates: c.get(GAP_ALERT_STATES),
            watchedHotlines: c.get(WATCHED_HOTLINES),
            settings: c.get(NOTIFICATION_SETTINGS),
            links: c.get(VOICEMAIL_LINKS),
            recordings: c.get(RECORDINGS),
            mailer: c.get(MAILER),
            sms: c.get(SMS, { optional: true }),
            queue: c.get(JOB_QUEUE),
            clock: c.get(CLOCK),
          },
          options,
        ),
      )
      .inSingletonScope();
    const service = <K extends keyof NotificationServices>(
      token: ServiceIdentifier<NotificationServices[K]>,
      name: K,
    ) =>
      bind(token)
        .toResolvedValue((services: NotificationServices) => services[name], [NOTIFICATION_SERVICES])
        .inSingletonScope();
    service(VOICEMAIL_DELIVERY, 'voicemail');
    service(UNANSWERED_CALL_ALERT, 'unanswered');
    service(GAP_ALERTS, 'gapAlerts');
    service(GAP_CHECK_RUNNER, 'gapChecks');
    service(RECONCILER, 'reconciler');
  });

/** What to close on shutdown, in order: bound as many values under one token. */
export const closablesModule = (closables: readonly Closable[]) =>
  new ContainerModule(({ bind }) => {
    for (const closable of closables) bind(CLOSABLES).toConstantValue(closable);
  });
