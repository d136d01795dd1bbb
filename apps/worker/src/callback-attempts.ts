import { randomBytes } from 'node:crypto';
import { CALLBACK_JOB_NAMES, CallbackAttemptJob, CallbackJobs, RoutingQueries, createCallbacks } from '@dutyline/application';
import { CarrierPort, Clock, DialRequest, Id, JobHandler, PhoneNumber } from '@dutyline/domain';
import { SqlCallbackIntakeSettingsStore, SqlCallbackRequestStore, sqlRepositories } from '@dutyline/persistence';
import { BullMqJobQueue } from '@dutyline/queue';
import { VonageVoiceApi, answerConfirmationNcco } from '@dutyline/vonage';
import type { DataSource } from 'typeorm';
import { WorkerLogger } from './adapters/json-logger';
import { WorkerConfig } from './config/worker-config';
import { Closable } from './container/tokens';

/**
 * The paths the gateway serves for outbound legs (its carrier's `OUTBOUND_WEBHOOKS`), each with
 * `?call=<the leg's call id>`: callback calls placed here report to the gateway like those it places.
 */
const OUTBOUND_WEBHOOKS = { event: '/vonage/outbound/event', confirmation: '/vonage/outbound/confirmation' } as const;

/**
 * The carrier port for the callback dialler on Vonage's REST API (through the worker's rate-limited
 * client): `dial` places the call whose callee hears the announcement and presses a key, reported to
 * the gateway at `PUBLIC_URL`. The dialler only dials; the legs are then steered by the gateway's
 * webhooks, so `transfer` and `hangup` take a Vonage call uuid.
 */
export function vonageCallbackCarrier(client: VonageVoiceApi, publicUrl: string): CarrierPort {
  const webhook = (path: string, callId: Id) => `${publicUrl.replace(/\/+$/, '')}${path}?call=${encodeURIComponent(callId)}`;
  return {
    async dial(request: DialRequest) {
      if (!request.confirmation) throw new Error('callback calls always ask the person called to press a key');
      const ncco = answerConfirmationNcco({ announcement: request.confirmation, eventUrl: webhook(OUTBOUND_WEBHOOKS.confirmation, request.callId) });
      const call = await client.createCall({
        to: request.to, from: request.from, ncco, eventUrl: webhook(OUTBOUND_WEBHOOKS.event, request.callId), ringingTimer: Math.min(120, Math.max(1, request.ringTimeoutSeconds)),
      });
      return { legId: call.uuid };
    },
    transfer: (uuid: Id, _to: PhoneNumber) => Promise.reject(new Error(`the worker does not steer live calls (${uuid})`)),
    hangup: (uuid: Id) => client.hangup(uuid),
  };
}

export interface CallbackAttemptParts {
  readonly config: Pick<WorkerConfig, 'redisUrl' | 'queuePrefix' | 'backoffMs' | 'publicUrl'>;
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
 * between a write and its enqueue). Resolves once registered and reconciled.
 */
export async function startCallbackAttempts(parts: CallbackAttemptParts): Promise<{ readonly scheduled: number }> {
  const { config, dataSource, clock, logger } = parts;
  const queue = new BullMqJobQueue<CallbackJobs>({
    connection: config.redisUrl, prefix: config.queuePrefix, clock, jobNames: [...CALLBACK_JOB_NAMES], backoffBaseMs: config.backoffMs,
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
    routing: new RoutingQueries({ ...repositories, schedules: repositories.schedule, versions: repositories.scheduleVersions, clock }),
    carrier: parts.voice ? vonageCallbackCarrier(parts.voice, config.publicUrl) : null,
    jobs: queue,
    audit: repositories.audit,
    clock,
    ids: { next: () => randomBytes(12).toString('base64url') },
    logger: { info: logger.info, warn: logger.warn, error: logger.error },
  });
  parts.host.register('callback.attempt', async (job, context) => {
    try {
      const outcome = await callbacks.dialler.runAttempt(job);
      logger.info('callback.attempt done', { job: 'callback.attempt', jobId: context.jobId, attempt: context.attempt, requestId: job.requestId, outcome });
    } catch (error) {
      logger.warn('callback.attempt failed', { job: 'callback.attempt', jobId: context.jobId, attempt: context.attempt, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  });
  const reconciled = await callbacks.dialler.reconcile();
  logger.info('callback jobs reconciled', reconciled);
  return reconciled;
}
