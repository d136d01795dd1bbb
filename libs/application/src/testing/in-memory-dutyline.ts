import { Clock, IdGenerator } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { Application, ApplicationOptions, ApplicationPorts, createApplication } from '../application';
import { Caller } from '../shared';
import { InMemoryDatabase } from './in-memory-database';
import {
  InMemoryAccountRepository,
  InMemoryApiKeyRepository,
  InMemoryAuditLog,
  InMemoryCallbackSettingsRepository,
  InMemoryHotlineRepository,
  InMemoryPatternRepository,
  InMemoryPersonRepository,
  InMemoryScheduleRepository,
  InMemoryTeamRepository,
} from './in-memory-repositories';

/** Every port in memory over one shared state, with a manual clock and sequential ids. */
export class InMemoryDutyline implements ApplicationPorts {
  readonly db = new InMemoryDatabase();
  readonly people = new InMemoryPersonRepository(this.db);
  readonly teams = new InMemoryTeamRepository(this.db);
  readonly hotlines = new InMemoryHotlineRepository(this.db);
  readonly schedules = new InMemoryScheduleRepository(this.db);
  readonly versions = this.schedules;
  readonly audit = new InMemoryAuditLog(this.db);
  readonly patterns = new InMemoryPatternRepository(this.db);
  readonly callbackSettings = new InMemoryCallbackSettingsRepository(this.db);
  readonly accounts = new InMemoryAccountRepository(this.db);
  readonly apiKeys = new InMemoryApiKeyRepository(this.db);

  constructor(
    readonly clock: Clock = new ManualClock('2027-03-01T09:00:00Z'),
    readonly ids: IdGenerator = new SequentialIds('id'),
  ) {}

  /** The use cases over these ports. */
  application(options?: ApplicationOptions): Application {
    return createApplication(this, options);
  }
}

/** A user of `accountId` acting through the API. */
export const aCaller = (accountId = 'acct-a', userId = 'user-1'): Caller => ({
  accountId,
  actor: { kind: 'user', id: userId },
});
