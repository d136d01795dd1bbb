import {
  AccountRepository,
  ApiKeyRepository,
  AuditLog,
  CallbackSettingsRepository,
  HotlineRepository,
  PatternRepository,
  PersonRepository,
  ScheduleRepository,
  ScheduleVersionReader,
  TeamRepository,
} from '@dutyline/domain';
import { DataSource } from 'typeorm';
import { SqlAccountRepository } from './account.repository';
import { SqlApiKeyRepository } from './api-key.repository';
import { SqlAuditLog } from './audit-log.repository';
import { SqlCallbackSettingsRepository } from './callback-settings.repository';
import { SqlHotlineRepository } from './hotline.repository';
import { SqlPatternRepository } from './pattern.repository';
import { SqlPersonRepository } from './person.repository';
import { SqlScheduleRepository } from './schedule.repository';
import { SqlTeamRepository } from './team.repository';

export {
  SqlAccountRepository,
  SqlApiKeyRepository,
  SqlAuditLog,
  SqlCallbackSettingsRepository,
  SqlHotlineRepository,
  SqlPatternRepository,
  SqlPersonRepository,
  SqlScheduleRepository,
  SqlTeamRepository,
};

/** Every repository port, on one initialised and migrated DataSource. */
export interface SqlRepositories {
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly hotlines: HotlineRepository;
  readonly schedule: ScheduleRepository;
  /** The same store as `schedule`, by its optional ability. */
  readonly scheduleVersions: ScheduleVersionReader;
  readonly patterns: PatternRepository;
  readonly callbackSettings: CallbackSettingsRepository;
  readonly accounts: AccountRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly audit: AuditLog;
}

export function sqlRepositories(dataSource: DataSource): SqlRepositories {
  const schedule = new SqlScheduleRepository(dataSource);
  return {
    people: new SqlPersonRepository(dataSource),
    teams: new SqlTeamRepository(dataSource),
    hotlines: new SqlHotlineRepository(dataSource),
    schedule,
    scheduleVersions: schedule,
    patterns: new SqlPatternRepository(dataSource),
    callbackSettings: new SqlCallbackSettingsRepository(dataSource),
    accounts: new SqlAccountRepository(dataSource),
    apiKeys: new SqlApiKeyRepository(dataSource),
    audit: new SqlAuditLog(dataSource),
  };
}
