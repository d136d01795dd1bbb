import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DocumentGapAlertStates, type Metrics, ScheduleChangeTriggers } from '@dutyline/application';
import type {
  AccountRepository,
  Clock,
  HotlineRepository,
  PersonRepository,
  RecordingCarrier,
  ScheduleRepository,
  SmsCarrier,
  TeamRepository,
} from '@dutyline/domain';
import { SqlHotlineDocuments, SqlVoicemailLinks } from '@dutyline/persistence';
import type { VonageVoiceApi } from '@dutyline/vonage';
import type { DataSource } from 'typeorm';
import { jsonCallLogger } from '../calls/json-call-logger';
import { RECORDING_CARRIER, SMS_CARRIER, VONAGE_VOICE_API } from '../carrier/carrier.tokens';
import { INVALIDATION_BUS } from '../cluster/cluster.tokens';
import type { InvalidationBus } from '../cluster/invalidation-bus';
import type { GatewayConfig } from '../config/gateway-config';
import { DATA_SOURCE } from '../database/database.module';
import {
  ACCOUNT_REPOSITORY,
  HOTLINE_REPOSITORY,
  PERSON_REPOSITORY,
  SCHEDULE_REPOSITORY,
  TEAM_REPOSITORY,
} from '../database/repository.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { METRICS } from '../metrics/metrics.tokens';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, LOGGER } from '../platform/platform.tokens';
import { QUEUE_INSPECTOR } from '../queues/queues.tokens';
import { AddressMissLimiter } from './address-miss-limiter';
import {
  type GatewayNotifications,
  embeddedNotifications,
  openMailer,
  redisNotifications,
} from './gateway-notifications';
import {
  GATEWAY_NOTIFICATIONS,
  NOTIFICATION_EVENTS,
  VOICEMAIL_LINK_LIMITER,
  VOICEMAIL_LINK_RESOLVER,
} from './notifications.tokens';
import { followScheduleChanges } from './schedule-changes';
import { VoicemailLinkController } from './voicemail-link.controller';

/** Where the links texted with a voicemail point: `PUBLIC_URL`, else this gateway on localhost. */
const linkBase = (config: GatewayConfig) => config.publicUrl ?? `http://localhost:${config.port}`;

@Injectable()
class NotificationsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private unsubscribe?: () => void;

  constructor(
    @Inject(GATEWAY_NOTIFICATIONS) private readonly notifications: GatewayNotifications,
    @Inject(INVALIDATION_BUS) private readonly bus: InvalidationBus,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /** Embedded: the reconcile pass, then the jobs run here. A failure is logged and the gateway serves on: calls come first. */
  async onApplicationBootstrap(): Promise<void> {
    const { notifications, logger } = this;
    try {
      const reconciled = await notifications.start();
      logger.entry('info', 'notifications ready', {
        mode: notifications.mode,
        jobsRunHere: notifications.runsJobs,
        ...(reconciled ? { reconciled } : {}),
      });
    } catch (error) {
      logger.entry(
        'error',
        'the notification jobs could not start: voicemails and alerts stay owed in the database until a start succeeds',
        { error },
      );
      return;
    }
    if (notifications.mode === 'embedded' && !notifications.runsJobs) return;
    const triggers = new ScheduleChangeTriggers({
      hotlines: new DocumentGapAlertStates(new SqlHotlineDocuments(this.dataSource)),
      producer: notifications.producer,
    });
    this.unsubscribe = followScheduleChanges(this.bus, triggers, (error, topic) =>
      logger.entry('warn', 'a gap check could not be asked for after a change (the periodic check catches up)', {
        error,
        topic,
      }),
    );
  }

  /** Before the database closes: the running jobs may finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.notifications.close();
  }
}

/**
 * Voicemail e-mails, unanswered-call and gap alerts (F13, F14, F16), global:
 * - without `REDIS_URL` (the embedded default) the worker's jobs run in this process on the in-process
 *   queue, mail going to `SMTP_URL` or the outbox folder under DATA_DIR; with it, they are enqueued on
 *   BullMQ under `REDIS_PREFIX` for `apps/worker`;
 * - `NOTIFICATION_EVENTS` is the inbound call service's `CallEvents`; gap checks follow the routing
 *   writes announced on the invalidation bus; `QUEUE_INSPECTOR` is the queue's admin view;
 * - `GET /voicemail/:token` plays the recording a texted link opens.
 */
@Global()
@Module({})
export class NotificationsModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const providers = [
      provideFactory(
        GATEWAY_NOTIFICATIONS,
        [
          DATA_SOURCE,
          HOTLINE_REPOSITORY,
          PERSON_REPOSITORY,
          ACCOUNT_REPOSITORY,
          TEAM_REPOSITORY,
          SCHEDULE_REPOSITORY,
          RECORDING_CARRIER,
          SMS_CARRIER,
          VONAGE_VOICE_API,
          CLOCK,
          LOGGER,
          METRICS,
        ],
        (
          dataSource: DataSource,
          hotlines: HotlineRepository,
          people: PersonRepository,
          accounts: AccountRepository,
          teams: TeamRepository,
          schedules: ScheduleRepository,
          recordings: RecordingCarrier,
          sms: SmsCarrier,
          vonage: VonageVoiceApi | null,
          clock: Clock,
          logger: JsonLogger,
          metrics: Metrics,
        ): GatewayNotifications =>
          config.redisUrl !== null
            ? redisNotifications({
                dataSource,
                redisUrl: config.redisUrl,
                prefix: config.redisPrefix,
                clock,
                settings: config.notifications,
                onError: (error) => logger.entry('warn', 'redis: notification queue trouble', { error }),
                logger: jsonCallLogger(logger, 'notifications'),
              })
            : embeddedNotifications({
                dataSource,
                repositories: { hotlines, people, accounts, teams, schedules },
                recordings,
                clock,
                settings: config.notifications,
                // The simulator's texts are lines in the log; Vonage's need the API key.
                sms: vonage === null || config.vonage.apiKey !== null ? sms : null,
                mailer: openMailer(config.mail),
                logger: jsonCallLogger(logger, 'notifications'),
                publicUrl: linkBase(config),
                metrics,
              }),
      ),
      provideFactory(
        NOTIFICATION_EVENTS,
        [GATEWAY_NOTIFICATIONS],
        (notifications: GatewayNotifications) => notifications.producer,
      ),
      provideFactory(
        QUEUE_INSPECTOR,
        [GATEWAY_NOTIFICATIONS],
        (notifications: GatewayNotifications) => notifications.inspector,
      ),
      provideFactory(
        VOICEMAIL_LINK_RESOLVER,
        [DATA_SOURCE],
        (dataSource: DataSource) => new SqlVoicemailLinks(dataSource, { publicUrl: linkBase(config) }),
      ),
      provideFactory(VOICEMAIL_LINK_LIMITER, [], () => new AddressMissLimiter()),
    ];
    return {
      module: NotificationsModule,
      controllers: [VoicemailLinkController],
      providers: [...providers, NotificationsLifecycle],
      exports: [NOTIFICATION_EVENTS, QUEUE_INSPECTOR, VOICEMAIL_LINK_RESOLVER],
    };
  }
}
