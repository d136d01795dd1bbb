import { randomBytes } from 'node:crypto';
import {
  CALLBACK_JOB_NAMES,
  CallbackAttemptJob,
  CallbackJobs,
  RoutingQueries,
  createCallbacks,
} from '@dutyline/application';
import { Clock, JobHandler, JobQueueInspector } from '@dutyline/domain';
import { SqlCallbackIntakeSettingsStore, SqlCallbackRequestStore, sqlRepositories } from '@dutyline/persistence';
import { BullMqJobQueue } from '@dutyline/queue';
import { VonageCarrier, VonageVoiceApi } from '@dutyline/vonage';
import type { DataSource } from 'typeorm';
import { WorkerLogger } from './adapters/json-logger';
import { WorkerConfig } from './config/worker-config';
import { Closable } from './container/tokens';

export interface CallbackAttemptParts {
  readonly config: Pick<
    WorkerConfig,
    'redisUrl' | 'queuePrefix' | 'backoffMs' | 'publicUrl' | 'reconcileIntervalSeconds'
  >;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly logger: WorkerLogger;
  /** The worker's host (it serves the notification jobs too); registered before it starts. */
  readonly host: { register(name: 'callback.attempt', handler: JobHandler<CallbackAttemptJob>): void };
  /** Vonage's REST client; null (the simulator): attempts fail and are kept for inspection. */
  readonly voice: VonageVoiceApi | null;
  /** The queue opened here is closed with the worker's other resources. */
  readonly closables: Closable[];
}

/**
 * Callback attempts in the worker (F20, automatic mode): the `callback.attempt` processor on the
 * worker's host, its own producer for the next attempts (same prefix as the gateway's), and the
 * reconcile pass that enqueues again whatever the database says is due (a flushed Redis, a crash
 * between a write and its enqueue), at start and every `RECONCILE_INTERVAL_SECONDS`. Resolves once
 * registered and reconciled, with the queue's inspector.
 */
export async function startCallbackAttempts(
  parts: CallbackAttemptParts,
): Promise<{ readonly scheduled: number; readonly inspector: JobQueueInspector }> {
  const { config, dataSource, clock, logger } = parts;
  const queue = new BullMqJobQueue<CallbackJobs>({
    connection: config.redisUrl,
    prefix: config.queuePrefix,
    clock,
    jobNames: [...CALLBACK_JOB_NAMES],
    backoffBaseMs: config.backoffMs,
    onError: (error) => logger.error('redis', { error: error.message }),
  });
  parts.closables.push({ name: 'callback queue', close: () => queue.close() });
  const repositories = sqlRepositories(dataSource);
  const callbacks = createCallbacks({
    store: new SqlCallbackRequestStore(dataSource),
    intake: new SqlCallbackIntakeSettingsStore(dataSource),
    settings: repositories.callbackSettings,
    hotlines: repositories.hotlines,
    teams: repositories.teams,
    people: repositories.people,
    routing: new RoutingQueries({
      ...repositories,
      schedules: repositories.schedule,
      versions: repositories.scheduleVersions,
      clock,
    }),
    // The worker only dials; the gateway's webhooks steer the legs it places.
    carrier: parts.voice ? new VonageCarrier(parts.voice, { publicUrl: config.publicUrl, sms: false }) : null,
    jobs: queue,
    audit: repositories.audit,
    clock,
    ids: { next: () => randomBytes(12).toString('base64url') },
    logger: { info: logger.info, warn: logger.warn, error: logger.error },
  });
  parts.host.register('callback.attempt', async (job, context) => {
    try {
      const outcome = await callbacks.dialler.runAttempt(job);
      logger.info('callback.attempt done', {
        job: 'callback.attempt',
        jobId: context.jobId,
        attempt: context.attempt,
        requestId: job.requestId,
        outcome,
      });
    } catch (error) {
      logger.warn('callback.attempt failed', {
        job: 'callback.attempt',
        jobId: context.jobId,
        attempt: context.attempt,
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  });
  const reconciled = await callbacks.dialler.reconcile();
  logger.info('callback jobs reconciled', reconciled);
  // Again every RECONCILE_INTERVAL_SECONDS: a job the gateway could not enqueue (Redis away) is owed in the database.
  const timer = setInterval(() => {
    callbacks.dialler
      .reconcile()
      .catch((error: unknown) =>
        logger.warn('callback reconcile failed; the next one catches up', { error: String(error) }),
      );
  }, config.reconcileIntervalSeconds * 1000);
  timer.unref();
  parts.closables.push({ name: 'callback reconcile', close: async () => clearInterval(timer) });
  return { ...reconciled, inspector: queue };
}
