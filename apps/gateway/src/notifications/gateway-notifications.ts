import {
  DeliveryKind,
  DocumentGapAlertStates,
  NewDelivery,
  DocumentNotificationSettings,
  Metrics,
  NOTIFICATION_JOB_NAMES,
  NotificationJobs,
  NotificationLogger,
  NotificationPorts,
  NotificationProcessing,
  NotificationProducer,
  ReconcileReport,
  countedMailer,
  countedSms,
  createNotificationServices,
  startNotificationProcessing,
  timedJobHost,
} from '@dutyline/application';
import {
  CallRecord,
  Clock,
  EmailAddress,
  JobQueueInspector,
  MailerPort,
  RecordingCarrier,
  SmsCarrier,
} from '@dutyline/domain';
import { OutboxMailer, smtpMailerFromUrl } from '@dutyline/mail';
import { JsonLinesJournal, SqlDeliveryLedger, SqlHotlineDocuments, SqlVoicemailLinks } from '@dutyline/persistence';
import { BullMqJobQueue, InProcessJobQueue, openRedis } from '@dutyline/queue';
import type { DataSource } from 'typeorm';
import type { GatewayConfig } from '../config/gateway-config';

/** The notification side of a gateway: where calls and schedule changes are reported, and the admin's view of the jobs. */
export interface GatewayNotifications {
  /** `embedded`: the jobs run in this process (unless `EMBEDDED_JOBS=false`); `redis`: enqueued on BullMQ for `apps/worker`. */
  readonly mode: 'embedded' | 'redis';
  /** Whether the jobs run in this process once started. */
  readonly runsJobs: boolean;
  /** The inbound call service's `CallEvents`, and `scheduleChanged(hotline)`. */
  readonly producer: NotificationProducer;
  readonly inspector: JobQueueInspector;
  /** Embedded: the handlers registered, the reconcile pass, then the jobs taken; resolves with what was reconciled (null when nothing runs here). */
  start(): Promise<ReconcileReport | null>;
  /** Running jobs may finish (embedded: at most `shutdownTimeoutMs`), then the queue and the mailer are closed. */
  close(): Promise<void>;
}

const ledgerOn = (dataSource: DataSource) => new SqlDeliveryLedger<DeliveryKind, CallRecord>(dataSource);

/** What the producer needs besides the stores: its local journal in DATA_DIR and its time budget. */
const producerOptions = (settings: GatewayConfig['notifications']) => ({
  journal: new JsonLinesJournal<NewDelivery>(settings.owedJournal),
  budgetMs: settings.budgetMs,
});

/**
 * Writes the journal of owed alerts back to the database now (a restart loses nothing), then every
 * `owedRetrySeconds`; returns the stop. A flush that fails is retried at the next turn.
 */
function writeBackOwed(
  producer: NotificationProducer,
  settings: GatewayConfig['notifications'],
  logger: Pick<NotificationLogger, 'info' | 'warn'>,
): () => void {
  const flush = () =>
    void producer.flushOwed().then(
      ({ written, left }) => {
        if (written > 0 || left > 0) logger.info('owed notifications written back', { written, left });
      },
      (error: unknown) => logger.warn('owed notifications could not be read', { error: String(error) }),
    );
  flush();
  const timer = setInterval(flush, settings.owedRetrySeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

export interface EmbeddedNotificationParts {
  /** The gateway's DataSource, migrated; it stays open on `close()`. */
  readonly dataSource: DataSource;
  readonly repositories: Pick<NotificationPorts, 'hotlines' | 'people' | 'accounts' | 'teams' | 'schedules'>;
  readonly recordings: Pick<RecordingCarrier, 'fetchRecording'>;
  /** Null: no text messages. */
  readonly sms: SmsCarrier | null;
  /** Closed with the notifications. */
  readonly mailer: MailerPort & { close(): Promise<void> };
  readonly clock: Clock;
  readonly logger: NotificationLogger;
  /** Jobs timed, e-mails and texts counted. */
  readonly metrics: Metrics;
  /** Where `GET /voicemail/<token>` is served, for the links texted. */
  readonly publicUrl: string;
  readonly settings: GatewayConfig['notifications'];
  /** @defaultValue 10 000 (Apollo's drain takes as long) */
  readonly shutdownTimeoutMs?: number;
}

/**
 * The embedded default (no Redis): the worker's services on an `InProcessJobQueue` in this process,
 * over the gateway's database, carrier and mailer. Not durable by itself: what is owed is in the
 * database, and the reconcile pass at start enqueues it again.
 */
export function embeddedNotifications(parts: EmbeddedNotificationParts): GatewayNotifications {
  const { dataSource, clock, settings } = parts;
  const queue = new InProcessJobQueue<NotificationJobs>({
    clock,
    jobNames: [...NOTIFICATION_JOB_NAMES],
    backoffBaseMs: settings.backoffMs,
  });
  const documents = new SqlHotlineDocuments(dataSource);
  const gapStates = new DocumentGapAlertStates(documents);
  const services = createNotificationServices(
    {
      ...parts.repositories,
      ledger: ledgerOn(dataSource),
      gapStates,
      watchedHotlines: gapStates,
      settings: new DocumentNotificationSettings(documents, clock),
      links: new SqlVoicemailLinks(dataSource, { publicUrl: parts.publicUrl }),
      recordings: parts.recordings,
      mailer: countedMailer(parts.mailer, parts.metrics),
      sms: parts.sms && countedSms(parts.sms, parts.metrics),
      queue,
      clock,
    },
    { gapCheckIntervalMs: settings.gapCheckIntervalMinutes * 60_000, producer: producerOptions(settings) },
  );
  let processing: NotificationProcessing | undefined;
  const stopWriteBack = writeBackOwed(services.producer, settings, parts.logger);
  return {
    mode: 'embedded',
    runsJobs: settings.embeddedJobs,
    producer: services.producer,
    inspector: queue,
    async start() {
      if (!settings.embeddedJobs) return null;
      processing = await startNotificationProcessing(timedJobHost(queue, parts.metrics), {
        services,
        logger: parts.logger,
        reconcileEveryMs: settings.reconcileIntervalSeconds * 1000,
      });
      return processing.reconciled;
    },
    async close() {
      stopWriteBack();
      if (processing) await processing.stop(parts.shutdownTimeoutMs ?? 10_000);
      else await queue.close();
      await parts.mailer.close();
    },
  };
}

export interface RedisNotificationParts {
  readonly dataSource: DataSource;
  readonly redisUrl: string;
  /** `REDIS_PREFIX`, which the worker reads too. */
  readonly prefix: string;
  readonly clock: Clock;
  readonly settings: GatewayConfig['notifications'];
  readonly onError: (error: Error) => void;
  readonly logger: Pick<NotificationLogger, 'info' | 'warn'>;
}

/**
 * Production: the gateway only produces, on BullMQ under the prefix the worker reads; `apps/worker`
 * runs the jobs (several may). The Redis client is this gateway's own, released on close whatever its
 * state (a gateway stopped right after its start, or while Redis is away, leaves nothing reconnecting).
 */
export function redisNotifications(parts: RedisNotificationParts): GatewayNotifications {
  const redis = openRedis(parts.redisUrl, false);
  redis.client.on('error', parts.onError);
  const queue = new BullMqJobQueue<NotificationJobs>({
    connection: redis.client,
    prefix: parts.prefix,
    clock: parts.clock,
    jobNames: [...NOTIFICATION_JOB_NAMES],
    backoffBaseMs: parts.settings.backoffMs,
    onError: parts.onError,
  });
  const producer = new NotificationProducer({
    ledger: ledgerOn(parts.dataSource),
    queue,
    clock: parts.clock,
    gapCheckIntervalMs: parts.settings.gapCheckIntervalMinutes * 60_000,
    ...producerOptions(parts.settings),
  });
  const stopWriteBack = writeBackOwed(producer, parts.settings, parts.logger);
  return {
    mode: 'redis',
    runsJobs: false,
    producer,
    inspector: queue,
    start: async () => null,
    async close() {
      stopWriteBack();
      await queue.close();
      await redis.release();
    },
  };
}

/** SMTP when `SMTP_URL` is set, else the outbox folder (one `.eml` per message) a newcomer can open. */
export function openMailer(mail: GatewayConfig['mail']): MailerPort & { close(): Promise<void> } {
  return mail.smtpUrl
    ? smtpMailerFromUrl(mail.smtpUrl, 'SMTP_URL')
    : new OutboxMailer({
        directory: mail.outboxDir,
        from: EmailAddress.parse(mail.from, 'MAIL_FROM'),
        fromName: 'Dutyline',
      });
}
