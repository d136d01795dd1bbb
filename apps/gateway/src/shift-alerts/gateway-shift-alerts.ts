import {
  DocumentGapAlertStates,
  NotificationLogger,
  SHIFT_ALERT_JOB_NAMES,
  type ShiftAlertJobs,
  type ShiftAlertPorts,
  type ShiftAlertServices,
  createShiftAlertServices,
  startShiftAlertProcessing,
} from '@dutyline/application';
import type { Clock, MailerPort, SmsCarrier } from '@dutyline/domain';
import { SqlHotlineDocuments, SqlShiftAlertLedger, SqlShiftAlertSettings } from '@dutyline/persistence';
import { BullMqJobQueue, InProcessJobQueue, openRedis } from '@dutyline/queue';
import type { DataSource } from 'typeorm';
import type { GatewayConfig } from '../config/gateway-config';

/** The shift-start alerts of a gateway (F27): the services, and the jobs run here in the embedded default. */
export interface GatewayShiftAlerts {
  /** `embedded`: an in-process queue (jobs run here unless `EMBEDDED_JOBS=false`); `redis`: enqueued for `apps/worker`. */
  readonly mode: 'embedded' | 'redis';
  readonly services: ShiftAlertServices;
  /** Embedded with `EMBEDDED_JOBS` on: handlers registered, every hotline planned, jobs taken. False when nothing runs here. */
  start(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ShiftAlertParts {
  /** The gateway's DataSource, migrated; it stays open on `close()`. */
  readonly dataSource: DataSource;
  readonly repositories: Pick<ShiftAlertPorts, 'hotlines' | 'people' | 'teams' | 'schedules'>;
  /** Null: no text messages. */
  readonly sms: SmsCarrier | null;
  /** Closed with the alerts. */
  readonly mailer: MailerPort & { close(): Promise<void> };
  readonly clock: Clock;
  readonly logger: NotificationLogger;
  readonly config: Pick<GatewayConfig, 'redisUrl' | 'redisPrefix' | 'notifications'>;
  /** Where `GET /shift-alerts/ack/<token>` is served. */
  readonly publicUrl: string;
}

/**
 * Without `REDIS_URL` the jobs run in this process on an in-process queue of their own (the embedded
 * default); with it, the gateway only enqueues on BullMQ (one queue per job name, under
 * `REDIS_PREFIX`) and `apps/worker` runs them. Either way the job ids are the same.
 */
export function gatewayShiftAlerts(parts: ShiftAlertParts): GatewayShiftAlerts {
  const { config, clock } = parts;
  const redis = config.redisUrl === null ? null : openRedis(config.redisUrl, false);
  const jobNames = [...SHIFT_ALERT_JOB_NAMES];
  const queue =
    redis === null
      ? new InProcessJobQueue<ShiftAlertJobs>({ clock, jobNames, backoffBaseMs: config.notifications.backoffMs })
      : new BullMqJobQueue<ShiftAlertJobs>({
          connection: redis.client,
          prefix: config.redisPrefix,
          clock,
          jobNames,
          backoffBaseMs: config.notifications.backoffMs,
          onError: (error) => parts.logger.warn('redis: shift-alert queue trouble', { error: String(error) }),
        });
  const documents = new SqlHotlineDocuments(parts.dataSource);
  const watchedHotlines = new DocumentGapAlertStates(documents);
  const services = createShiftAlertServices({
    ...parts.repositories,
    settings: new SqlShiftAlertSettings(parts.dataSource),
    ledger: new SqlShiftAlertLedger(parts.dataSource),
    watchedHotlines,
    mailer: parts.mailer,
    sms: parts.sms,
    queue,
    cancelling: { canceller: queue, plans: documents },
    clock,
    publicUrl: parts.publicUrl,
  });
  return {
    mode: redis === null ? 'embedded' : 'redis',
    services,
    async start() {
      if (!(queue instanceof InProcessJobQueue) || !config.notifications.embeddedJobs) return false;
      await startShiftAlertProcessing(queue, { services, hotlines: watchedHotlines, logger: parts.logger });
      return true;
    },
    async close() {
      await queue.close();
      await redis?.release();
      await parts.mailer.close();
    },
  };
}
