import {
  AccountRepository, ApiKeyRepository, AuditLog, HotlineRepository, PersonRepository, ScheduleRepository, TeamRepository,
} from '@dutyline/domain';
import { DataSource } from 'typeorm';
import { SqlAccountRepository } from './account.repository';
import { SqlApiKeyRepository } from './api-key.repository';
import { SqlAuditLog } from './audit-log.repository';
import { SqlHotlineRepository } from './hotline.repository';
import { SqlPersonRepository } from './person.repository';
import { SqlScheduleRepository } from './schedule.repository';
import { SqlTeamRepository } from './team.repository';

export { SqlAccountRepository, SqlApiKeyRepository, SqlAuditLog, SqlHotlineRepository, SqlPersonRepository, SqlScheduleRepository, SqlTeamRepository };

/** Every repository port, on one initialised and migrated DataSource. */
export interface SqlRepositories {
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly hotlines: HotlineRepository;
  readonly schedule: ScheduleRepository;
  readonly accounts: AccountRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly audit: AuditLog;
}

export function sqlRepositories(dataSource: DataSource): SqlRepositories {
  return {
    people: new SqlPersonRepository(dataSource),
    teams: new SqlTeamRepository(dataSource),
    hotlines: new SqlHotlineRepository(dataSource),
    schedule: new SqlScheduleRepository(dataSource),
    accounts: new SqlAccountRepository(dataSource),
    apiKeys: new SqlApiKeyRepository(dataSource),
    audit: new SqlAuditLog(dataSource),
  };
}
