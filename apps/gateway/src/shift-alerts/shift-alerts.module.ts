import { BeforeApplicationShutdown, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DocumentGapAlertStates, ScheduleChangeTriggers } from '@dutyline/application';
import type {
  Clock,
  HotlineRepository,
  PersonRepository,
  ScheduleRepository,
  SmsCarrier,
  TeamRepository,
} from '@dutyline/domain';
import { SqlHotlineDocuments } from '@dutyline/persistence';
import type { VonageVoiceApi } from '@dutyline/vonage';
import type { DataSource } from 'typeorm';
import { jsonCallLogger } from '../calls/json-call-logger';
import { SMS_CARRIER, VONAGE_VOICE_API } from '../carrier/carrier.tokens';
import { INVALIDATION_BUS } from '../cluster/cluster.tokens';
import type { InvalidationBus } from '../cluster/invalidation-bus';
import type { GatewayConfig } from '../config/gateway-config';
import { DATA_SOURCE } from '../database/database.module';
import {
  HOTLINE_REPOSITORY,
  PERSON_REPOSITORY,
  SCHEDULE_REPOSITORY,
  TEAM_REPOSITORY,
} from '../database/repository.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { openMailer } from '../notifications/gateway-notifications';
import { followScheduleChanges } from '../notifications/schedule-changes';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, GATEWAY_CONFIG, LOGGER } from '../platform/platform.tokens';
import { type GatewayShiftAlerts, gatewayShiftAlerts } from './gateway-shift-alerts';
import { ShiftAlertAckController } from './shift-alert-ack.controller';
import { ShiftAlertsResolver } from './shift-alerts.resolver';
import { GATEWAY_SHIFT_ALERTS } from './shift-alerts.tokens';

@Injectable()
class ShiftAlertsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private unsubscribe?: () => void;

  constructor(
    @Inject(GATEWAY_SHIFT_ALERTS) private readonly alerts: GatewayShiftAlerts,
    @Inject(INVALIDATION_BUS) private readonly bus: InvalidationBus,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /**
   * Embedded, the jobs run here; plans then follow every routing write announced on the bus, as they
   * do with Redis (where the worker runs them). A failure is logged: calls come first.
   */
  async onApplicationBootstrap(): Promise<void> {
    let runsHere = false;
    try {
      runsHere = await this.alerts.start();
      this.logger.entry('info', 'shift alerts ready', { mode: this.alerts.mode, jobsRunHere: runsHere });
    } catch (error) {
      this.logger.entry('error', 'the shift-alert jobs could not start (the next start plans every hotline)', {
        error,
      });
      return;
    }
    // Embedded without jobs (EMBEDDED_JOBS=false): nothing would ever take what a change asks for.
    if (this.alerts.mode === 'embedded' && !runsHere) return;
    const triggers = new ScheduleChangeTriggers({
      hotlines: new DocumentGapAlertStates(new SqlHotlineDocuments(this.dataSource)),
      producer: { scheduleChanged: (hotline) => this.alerts.services.planner.scheduleChanged(hotline) },
    });
    this.unsubscribe = followScheduleChanges(this.bus, triggers, (error, topic) =>
      this.logger.entry('warn', 'shift alerts could not be planned after a change (the hourly plan catches up)', {
        error,
        topic,
      }),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.alerts.close();
  }
}

/**
 * Shift-start alerts (F27): `shiftAlertSettings`, `updateShiftAlertSettings`, `shiftAlerts`, and the
 * acknowledgement link `GET /shift-alerts/ack/:token`. The jobs run in this process without `REDIS_URL`
 * (unless `EMBEDDED_JOBS=false`), in `apps/worker` with it.
 */
@Module({
  controllers: [ShiftAlertAckController],
  providers: [
    provideFactory(
      GATEWAY_SHIFT_ALERTS,
      [
        GATEWAY_CONFIG,
        DATA_SOURCE,
        HOTLINE_REPOSITORY,
        PERSON_REPOSITORY,
        TEAM_REPOSITORY,
        SCHEDULE_REPOSITORY,
        SMS_CARRIER,
        VONAGE_VOICE_API,
        CLOCK,
        LOGGER,
      ],
      (
        config: GatewayConfig,
        dataSource: DataSource,
        hotlines: HotlineRepository,
        people: PersonRepository,
        teams: TeamRepository,
        schedules: ScheduleRepository,
        sms: SmsCarrier,
        vonage: VonageVoiceApi | null,
        clock: Clock,
        logger: JsonLogger,
      ): GatewayShiftAlerts =>
        gatewayShiftAlerts({
          dataSource,
          repositories: { hotlines, people, teams, schedules },
          // The simulator's texts are lines in the log; Vonage's need the API key.
          sms: vonage === null || config.vonage.apiKey !== null ? sms : null,
          mailer: openMailer(config.mail),
          clock,
          logger: jsonCallLogger(logger, 'shift-alerts'),
          config,
          publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
        }),
    ),
    ShiftAlertsResolver,
    ShiftAlertsLifecycle,
  ],
})
export class ShiftAlertsModule {}
