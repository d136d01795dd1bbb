import { Global, Module } from '@nestjs/common';
import { type Application, DocumentNotificationSettings, createApplication } from '@dutyline/application';
import { SqlHotlineDocuments } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/database.module';
import type {
  AuditLog,
  CallbackSettingsRepository,
  Clock,
  HotlineRepository,
  IdGenerator,
  PatternRepository,
  PersonRepository,
  RingRotation,
  ScheduleRepository,
  ScheduleVersionReader,
  TeamRepository,
} from '@dutyline/domain';
import {
  AUDIT_LOG,
  CALLBACK_SETTINGS_REPOSITORY,
  HOTLINE_REPOSITORY,
  PATTERN_REPOSITORY,
  PERSON_REPOSITORY,
  SCHEDULE_REPOSITORY,
  SCHEDULE_VERSION_READER,
  TEAM_REPOSITORY,
} from '../database/repository.tokens';
import { provideFactory, token } from '../platform/injection-token';
import { CLOCK, ID_GENERATOR } from '../platform/platform.tokens';
import { RING_ROTATION, ROUTING_CHANGES, type RoutingChanges } from '../cluster/cluster.tokens';

/**
 * The use cases of @dutyline/application (directory, hotlines, schedule, patterns, routing, coverage,
 * callback settings) wired over the SQL repositories: what feature resolvers delegate to.
 * `constructor(@Inject(APPLICATION) private readonly app: Application) {}` then
 * `this.app.directory.createPerson(callerOf(actor), input)`.
 */
export const APPLICATION = token<Application>('Application');

@Global()
@Module({
  providers: [
    provideFactory(
      APPLICATION,
      [
        PERSON_REPOSITORY,
        TEAM_REPOSITORY,
        HOTLINE_REPOSITORY,
        SCHEDULE_REPOSITORY,
        SCHEDULE_VERSION_READER,
        PATTERN_REPOSITORY,
        CALLBACK_SETTINGS_REPOSITORY,
        AUDIT_LOG,
        CLOCK,
        ID_GENERATOR,
        ROUTING_CHANGES,
        DATA_SOURCE,
        RING_ROTATION,
      ],
      (
        people: PersonRepository,
        teams: TeamRepository,
        hotlines: HotlineRepository,
        schedules: ScheduleRepository,
        versions: ScheduleVersionReader,
        patterns: PatternRepository,
        callbackSettings: CallbackSettingsRepository,
        audit: AuditLog,
        clock: Clock,
        ids: IdGenerator,
        changes: RoutingChanges,
        dataSource: DataSource,
        rotation: RingRotation,
      ) =>
        createApplication(
          changes.announcing({
            people,
            teams,
            hotlines,
            schedules,
            versions,
            patterns,
            callbackSettings,
            audit,
            clock,
            ids,
            notificationSettings: new DocumentNotificationSettings(new SqlHotlineDocuments(dataSource), clock),
            rotation,
          }),
        ),
    ),
  ],
  exports: [APPLICATION],
})
export class ApplicationModule {}
