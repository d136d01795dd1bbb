import { Module } from '@nestjs/common';
import { CalendarFeeds } from '@dutyline/application';
import type {
  AuditLog,
  Clock,
  HotlineRepository,
  IdGenerator,
  PersonRepository,
  ScheduleRepository,
  TeamRepository,
} from '@dutyline/domain';
import { SqlCalendarFeedTokens } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { AuthModule } from '../auth/auth.module';
import type { GatewayConfig } from '../config/gateway-config';
import { DATA_SOURCE } from '../database/database.module';
import {
  AUDIT_LOG,
  HOTLINE_REPOSITORY,
  PERSON_REPOSITORY,
  SCHEDULE_REPOSITORY,
  TEAM_REPOSITORY,
} from '../database/repository.tokens';
import { AddressMissLimiter } from '../notifications/address-miss-limiter';
import { provideFactory } from '../platform/injection-token';
import { CLOCK, GATEWAY_CONFIG, ID_GENERATOR } from '../platform/platform.tokens';
import { CalendarFeedController } from './calendar-feed.controller';
import {
  CalendarFeedAccess,
  CalendarFeedsResolver,
  HotlineCalendarResolver,
  PersonCalendarResolver,
} from './calendar-feeds.resolver';
import { CALENDAR_FEEDS, CALENDAR_FEED_LIMITER, CALENDAR_FEED_URL } from './calendar.tokens';

/** Where feeds are served: `PUBLIC_URL`, else this gateway on localhost. */
const feedBase = (config: GatewayConfig) => (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');

/**
 * Calendar feeds (iCal) of people and hotlines: `calendarUrl` on `Person` and `Hotline`,
 * `rotateCalendarToken`, and `GET /calendar/<token>.ics`. The tokens are sealed under `AUTH_SECRET`.
 */
@Module({
  imports: [AuthModule],
  controllers: [CalendarFeedController],
  providers: [
    provideFactory(
      CALENDAR_FEEDS,
      [
        DATA_SOURCE,
        GATEWAY_CONFIG,
        HOTLINE_REPOSITORY,
        SCHEDULE_REPOSITORY,
        PERSON_REPOSITORY,
        TEAM_REPOSITORY,
        AUDIT_LOG,
        CLOCK,
        ID_GENERATOR,
      ],
      (
        dataSource: DataSource,
        config: GatewayConfig,
        hotlines: HotlineRepository,
        schedules: ScheduleRepository,
        people: PersonRepository,
        teams: TeamRepository,
        audit: AuditLog,
        clock: Clock,
        ids: IdGenerator,
      ) =>
        new CalendarFeeds({
          hotlines,
          schedules,
          people,
          teams,
          audit,
          clock,
          ids,
          tokens: new SqlCalendarFeedTokens(dataSource, { secret: config.authSecret.value }, clock),
        }),
    ),
    provideFactory(
      CALENDAR_FEED_URL,
      [GATEWAY_CONFIG],
      (config: GatewayConfig) => (token: string) => `${feedBase(config)}/calendar/${token}.ics`,
    ),
    provideFactory(CALENDAR_FEED_LIMITER, [], () => new AddressMissLimiter()),
    CalendarFeedAccess,
    PersonCalendarResolver,
    HotlineCalendarResolver,
    CalendarFeedsResolver,
  ],
})
export class CalendarModule {}
