import { BullMqJobQueue, BullMqWorkerHost, RedisRateLimiter, openRedis } from '@dutyline/queue';
import { VonageSdkModule, rateLimiterFrom, vonageRateLimits } from '@dutyline/vonage';
import { Clock } from '@dutyline/domain';
import { openCarrier, openDatabase, openMailer } from './adapters/adapter-factories';
import { WorkerLogger } from './adapters/json-logger';
import { startCallbackAttempts } from './callback-attempts';
import { WorkerConfig } from './config/worker-config';
import { Closable } from './container/tokens';
import {
  CallbackJobs,
  NOTIFICATION_JOB_NAMES,
  NotificationJobs,
  ShiftAlertJobs,
  countedMailer,
  countedSms,
  timedJobHost,
} from '@dutyline/application';
import { workerMetrics } from './metrics-server';
import { NotificationRuntime, notificationContainer } from './notification-runtime';
import { openShiftAlertQueue, startShiftAlerts } from './shift-alerts';

export interface WorkerOverrides {
  /** @defaultValue the system clock */
  readonly clock?: Clock;
  /** The natively loaded Vonage SDK (Jest cannot load it; see `nativeVonageSdk`). */
  readonly vonageSdk?: VonageSdkModule;
}

/** The running worker; `metricsPort` serves `GET /metrics`. */
export type WorkerRuntime = NotificationRuntime & { readonly metricsPort: number };

const systemClock: Clock = { now: () => Date.now() };

/**
 * The worker process: BullMQ on `REDIS_URL`, the database, SMTP or the outbox, Vonage or the
 * simulator, from a validated config. Several may run at once on the same Redis and database.
 */
export async function startWorker(
  config: WorkerConfig,
  logger: WorkerLogger,
  overrides: WorkerOverrides = {},
): Promise<WorkerRuntime> {
  const clock = overrides.clock ?? systemClock;
  const closables: Closable[] = [];
  try {
    const telemetry = workerMetrics(config, logger);
    const { metrics } = telemetry;
    closables.push({ name: 'metrics', close: () => telemetry.close() });
    const dataSource = await openDatabase(config.database, (sql) => metrics.databaseStatement(sql));
    closables.push({ name: 'database', close: () => dataSource.destroy() });
    const opened = openMailer(config.mail);
    const mail = opened.description;
    const mailer = countedMailer(opened.mailer, metrics);
    closables.push({ name: 'mailer', close: () => mailer.close() });
    // Vonage's limits hold for the account: every gateway and worker instance draws from one window in Redis.
    const limiter = new RedisRateLimiter({
      connection: config.redisUrl,
      limits: vonageRateLimits(config.vonageLimits),
      prefix: config.queuePrefix,
    });
    closables.push({ name: 'rate limiter', close: () => limiter.close() });
    const carrier = await openCarrier(config.vonage, {
      sdk: overrides.vonageSdk,
      limiter: rateLimiterFrom(async (kind) => void (await limiter.acquire(kind))),
    });
    const onError = (error: Error) => logger.error('redis', { error: error.message });
    // The queue's own client, watched: when it connects again after losing Redis, the reconcile pass runs at once.
    const queueRedis = openRedis(config.redisUrl, false);
    const queueClient = queueRedis.client;
    queueClient.on('error', onError);
    closables.push({ name: 'queue connection', close: () => queueRedis.release() });
    const started: { runtime?: NotificationRuntime } = {};
    let lost = false;
    queueClient.on('close', () => (lost = true));
    queueClient.on('ready', () => {
      if (!lost || !started.runtime) return;
      lost = false;
      logger.info('redis is back: reconciling');
      void started.runtime.reconcileNow();
    });
    const queue = new BullMqJobQueue<NotificationJobs>({
      connection: queueClient,
      prefix: config.queuePrefix,
      clock,
      jobNames: [...NOTIFICATION_JOB_NAMES],
      backoffBaseMs: config.backoffMs,
      onError,
    });
    closables.push({ name: 'queue', close: () => queue.close() });
    const host = timedJobHost(
      new BullMqWorkerHost<NotificationJobs & CallbackJobs & ShiftAlertJobs>({
        connection: config.redisUrl,
        prefix: config.queuePrefix,
        concurrency: config.concurrency,
        lockSeconds: config.jobLockSeconds,
        onError,
      }),
      metrics,
    );
    const callbacks = await startCallbackAttempts({
      config,
      dataSource,
      clock,
      logger,
      host,
      voice: carrier.voice,
      closables,
    });
    const shiftAlertQueue = openShiftAlertQueue({ config, clock, logger, closables });
    telemetry.watch({ inspectors: [queue, callbacks.inspector, shiftAlertQueue], dataSource });
    const container = notificationContainer({
      clock,
      logger,
      dataSource,
      mailer,
      recordings: carrier.recordings,
      sms: carrier.sms && countedSms(carrier.sms, metrics),
      queue,
      host,
      inspector: queue,
      publicUrl: config.publicUrl,
      gapCheckIntervalMs: config.gapCheckIntervalMinutes * 60_000,
      closables,
    });
    logger.info('starting', {
      database: config.database.kind,
      mail,
      carrier: carrier.description,
      queuePrefix: config.queuePrefix,
      concurrency: config.concurrency,
    });
    await startShiftAlerts({
      notifications: container,
      dataSource,
      queue: shiftAlertQueue,
      host,
      publicUrl: config.publicUrl,
    });
    const metricsPort = await telemetry.listen();
    logger.info('metrics served', { port: metricsPort, path: '/metrics', token: config.metrics.token !== null });
    const runtime = (started.runtime = await NotificationRuntime.start(container, {
      shutdownTimeoutMs: config.shutdownTimeoutSeconds * 1000,
      reconcileEveryMs: config.reconcileIntervalSeconds * 1000,
    }));
    return Object.assign(runtime, { metricsPort });
  } catch (error) {
    for (const closable of closables.reverse()) await closable.close().catch(() => undefined);
    throw error;
  }
}
