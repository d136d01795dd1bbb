import { Clock, JobQueueInspector } from '@dutyline/domain';
import { SqlDeliveryLedger } from '@dutyline/persistence';
import { BullMqJobQueue, InProcessJobQueue } from '@dutyline/queue';
import { VonageRateLimiter, VonageSdkModule } from '@dutyline/vonage';
import type { DataSource } from 'typeorm';
import { openCarrier, openMailer } from './adapters/adapter-factories';
import { WorkerLogger, silentLogger } from './adapters/json-logger';
import { VonageWorkerConfig } from './config/worker-config';
import { Closable } from './container/tokens';
import {
  DEFAULT_GAP_CHECK_INTERVAL_MS, NOTIFICATION_JOB_NAMES, NotificationJobs, NotificationProducer, ReconcileReport,
} from './notifications-api';
import { NotificationRuntime, notificationContainer } from './notification-runtime';

const systemClock: Clock = { now: () => Date.now() };

/**
 * What the gateway holds: `events` is the inbound call service's `CallEvents` and has
 * `scheduleChanged(hotline)` for schedule, override, hotline or people changes; `inspector` shows
 * queue depths and failed jobs to admins (and retries one).
 */
export interface NotificationsHandle {
  readonly events: NotificationProducer;
  readonly inspector: JobQueueInspector;
  close(): Promise<void>;
}

export interface EmbeddedNotificationsOptions {
  /** The gateway's DataSource, initialised and migrated; it stays open on `close()`. */
  readonly dataSource: DataSource;
  /** `SMTP_URL`, or null for the outbox folder. */
  readonly smtpUrl: string | null;
  /** @defaultValue `./outbox` */
  readonly outboxDir?: string;
  /** Sender of outbox messages. @defaultValue `dutyline@localhost.localdomain` */
  readonly mailFrom?: string;
  /** Null: the simulator's recordings, no SMS. */
  readonly vonage: VonageWorkerConfig | null;
  /** Where the gateway serves `/voicemail/<token>`, e.g. `http://localhost:3000`. */
  readonly publicUrl: string;
  /** @defaultValue the system clock */
  readonly clock?: Clock;
  /** @defaultValue silent */
  readonly logger?: WorkerLogger;
  /** @defaultValue 60 */
  readonly gapCheckIntervalMinutes?: number;
  /** @defaultValue 2000 */
  readonly backoffMs?: number;
  /** @defaultValue 10000 */
  readonly shutdownTimeoutMs?: number;
  readonly vonageSdk?: VonageSdkModule;
  /** The gateway's own Vonage limiter, so both draw from one window. @defaultValue a window of their own */
  readonly vonageLimiter?: VonageRateLimiter;
}

/**
 * The embedded default (`npm start` without Redis): the same processors in this process on an
 * `InProcessJobQueue`, mail to SMTP if configured, else to the outbox folder. Not durable by itself:
 * what is owed is in the database, and the reconcile pass at start enqueues it again.
 */
export async function startEmbeddedNotifications(options: EmbeddedNotificationsOptions): Promise<NotificationsHandle & { readonly reconciled: ReconcileReport }> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const gapCheckIntervalMs = (options.gapCheckIntervalMinutes ?? DEFAULT_GAP_CHECK_INTERVAL_MS / 60_000) * 60_000;
  const { mailer } = openMailer({ smtpUrl: options.smtpUrl, outboxDir: options.outboxDir ?? 'outbox', from: options.mailFrom ?? 'dutyline@localhost.localdomain' });
  const carrier = await openCarrier(options.vonage, { sdk: options.vonageSdk, limiter: options.vonageLimiter });
  const queue = new InProcessJobQueue<NotificationJobs>({ clock, jobNames: [...NOTIFICATION_JOB_NAMES], backoffBaseMs: options.backoffMs });
  const closables: Closable[] = [{ name: 'mailer', close: () => mailer.close() }];
  const container = notificationContainer({
    clock, logger, dataSource: options.dataSource, mailer, recordings: carrier.recordings, sms: carrier.sms, queue, host: queue, inspector: queue,
    publicUrl: options.publicUrl, gapCheckIntervalMs, closables,
  });
  const runtime = await NotificationRuntime.start(container, { shutdownTimeoutMs: options.shutdownTimeoutMs ?? 10_000 });
  const events = new NotificationProducer({ ledger: new SqlDeliveryLedger(options.dataSource), queue, clock, gapCheckIntervalMs });
  return { events, inspector: queue, reconciled: runtime.reconciled, close: () => runtime.stop() };
}

export interface NotificationProducerOptions {
  readonly dataSource: DataSource;
  /** The worker's `REDIS_URL` and `QUEUE_PREFIX`. */
  readonly redisUrl: string;
  /** @defaultValue `dutyline` */
  readonly queuePrefix?: string;
  readonly clock?: Clock;
  /** @defaultValue 2000 */
  readonly backoffMs?: number;
  /** @defaultValue 60, as the worker's `GAP_CHECK_INTERVAL_MINUTES` */
  readonly gapCheckIntervalMinutes?: number;
  readonly onError?: (error: Error) => void;
}

/** Production (Redis): the gateway only produces; `apps/worker` processes (several may run). */
export function connectNotificationProducer(options: NotificationProducerOptions): NotificationsHandle {
  const clock = options.clock ?? systemClock;
  const queue = new BullMqJobQueue<NotificationJobs>({
    connection: options.redisUrl, prefix: options.queuePrefix ?? 'dutyline', clock, jobNames: [...NOTIFICATION_JOB_NAMES],
    backoffBaseMs: options.backoffMs, onError: options.onError,
  });
  const events = new NotificationProducer({
    ledger: new SqlDeliveryLedger(options.dataSource), queue, clock, gapCheckIntervalMs: (options.gapCheckIntervalMinutes ?? 60) * 60_000,
  });
  return { events, inspector: queue, close: () => queue.close() };
}
