import 'reflect-metadata';
import {
  NotificationJobQueue,
  NotificationJobs,
  NotificationProcessing,
  ReconcileReport,
  startNotificationProcessing,
} from '@dutyline/application';
import { Clock, JobProcessorHost, JobQueueInspector, MailerPort, RecordingCarrier, SmsCarrier } from '@dutyline/domain';
import { Container } from 'inversify';
import type { DataSource } from 'typeorm';
import { WorkerLogger } from './adapters/json-logger';
import {
  carrierModule,
  closablesModule,
  mailModule,
  notificationsModule,
  persistenceModule,
  platformModule,
  queueModule,
} from './container/modules';
import {
  CLOSABLES,
  Closable,
  GAP_CHECK_RUNNER,
  JOB_HOST,
  LOGGER,
  RECONCILER,
  UNANSWERED_CALL_ALERT,
  VOICEMAIL_DELIVERY,
} from './container/tokens';

/** The adapters a notification runtime is composed of, already built (by `adapter-factories.ts` or a test). */
export interface NotificationParts {
  readonly clock: Clock;
  readonly logger: WorkerLogger;
  readonly dataSource: DataSource;
  readonly mailer: MailerPort;
  readonly recordings: Pick<RecordingCarrier, 'fetchRecording'>;
  readonly sms: SmsCarrier | null;
  readonly queue: NotificationJobQueue;
  readonly host: JobProcessorHost<NotificationJobs>;
  readonly inspector: JobQueueInspector;
  /** Where the gateway serves voicemail links. */
  readonly publicUrl: string;
  readonly gapCheckIntervalMs: number;
  /** Closed on `stop()` after the host, last registered first. */
  readonly closables: readonly Closable[];
}

/** The composition root: one container module per adapter, then the services over them. */
export function notificationContainer(parts: NotificationParts): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.load(
    platformModule(parts.clock, parts.logger),
    persistenceModule(parts.dataSource, { publicUrl: parts.publicUrl }),
    queueModule(parts.queue, parts.host, parts.inspector),
    mailModule(parts.mailer),
    carrierModule(parts.recordings, parts.sms),
    notificationsModule({ gapCheckIntervalMs: parts.gapCheckIntervalMs }),
    closablesModule(parts.closables),
  );
  return container;
}

/**
 * Processors registered, what is owed reconciled, the host taking jobs (`startNotificationProcessing`
 * of @dutyline/application, as the gateway's embedded mode does). `stop()` is the graceful shutdown:
 * the host stops taking jobs and waits for the running ones (at most `shutdownTimeoutMs`; a job still
 * running then is left locked and BullMQ's stalled-job check hands it to another worker), then every
 * connection is closed.
 */
export class NotificationRuntime {
  private stopping?: Promise<void>;

  private constructor(
    private readonly container: Container,
    private readonly processing: NotificationProcessing,
    private readonly shutdownTimeoutMs: number,
  ) {}

  get reconciled(): ReconcileReport {
    return this.processing.reconciled;
  }

  static async start(
    container: Container,
    options: { readonly shutdownTimeoutMs: number; readonly reconcileEveryMs?: number },
  ): Promise<NotificationRuntime> {
    const services = {
      voicemail: container.get(VOICEMAIL_DELIVERY),
      unanswered: container.get(UNANSWERED_CALL_ALERT),
      gapChecks: container.get(GAP_CHECK_RUNNER),
      reconciler: container.get(RECONCILER),
    };
    const processing = await startNotificationProcessing(container.get(JOB_HOST), {
      services,
      logger: container.get(LOGGER),
      reconcileEveryMs: options.reconcileEveryMs,
    });
    return new NotificationRuntime(container, processing, options.shutdownTimeoutMs);
  }

  /** The reconcile pass now (Redis came back); null when it failed. */
  reconcileNow(): Promise<ReconcileReport | null> {
    return this.processing.reconcileNow();
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const logger = this.container.get(LOGGER);
      const finished = await this.processing.stop(this.shutdownTimeoutMs);
      for (const closable of [...this.container.getAll(CLOSABLES)].reverse()) {
        await closable
          .close()
          .catch((error: unknown) => logger.error(`closing ${closable.name} failed`, { error: String(error) }));
      }
      logger.info('stopped', { jobsFinished: finished });
    })();
    return this.stopping;
  }
}
