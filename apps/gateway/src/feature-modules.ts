import type { Type } from '@nestjs/common';
import { CalendarModule } from './calendar/calendar.module';
import { CallEntriesModule } from './call-entries/call-entries.module';
import { CallbackSettingsModule } from './callback-settings/callback-settings.module';
import { CallbacksModule } from './callbacks/callbacks.module';
import { CoverageModule } from './coverage/coverage.module';
import { DemoDataModule } from './demo-data/demo-data.module';
import { DirectoryModule } from './directory/directory.module';
import { HotlinesModule } from './hotlines/hotlines.module';
import { OnboardingModule } from './onboarding/onboarding.module';
import { PatternsModule } from './patterns/patterns.module';
import { QueuesModule } from './queues/queues.module';
import { ScheduleModule } from './schedule/schedule.module';
import { ShiftAlertsModule } from './shift-alerts/shift-alerts.module';

/**
 * The product's GraphQL features, one Nest module each (`src/<feature>/<feature>.module.ts`):
 * people, teams, hotlines, schedule, coverage… Add a module here and the AppModule imports it.
 * Everything a feature needs from the platform is global: repository tokens (database/repository.tokens),
 * CLOCK / ID_GENERATOR / LOGGER / GATEWAY_CONFIG (platform/platform.tokens), AuditTrail, Paginator.
 */
export const FEATURE_MODULES: Type[] = [
  DirectoryModule,
  HotlinesModule,
  ScheduleModule,
  PatternsModule,
  CoverageModule,
  CallbackSettingsModule,
  CallbacksModule,
  QueuesModule,
  DemoDataModule,
  CalendarModule,
  CallEntriesModule,
  OnboardingModule,
  ShiftAlertsModule,
];
