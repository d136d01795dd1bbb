import {
  AccountRepository,
  ApiKeyRepository,
  CallbackSettingsRepository,
  Clock,
  HotlineRepository,
  Id,
  IdGenerator,
  Instant,
  PatternRepository,
  PersonRepository,
  ScheduleRepository,
  TeamRepository,
} from '@dutyline/domain';

/** How passwords are checked and hashed: the gateway's rules and KDF, so a password set here signs in there. */
export interface PasswordHashing {
  /** The password when it meets the rules; a ValidationError at `field` otherwise. */
  acceptable(password: string, field: string): string;
  hash(password: string): Promise<string>;
}

/**
 * Optional: tells every process serving the data that an account changed (disabled, enabled,
 * deleted), so what they cached of it goes. Failure contract: a rejection means the message did not
 * leave; the change itself is committed and processes follow when their caches expire.
 */
export interface AccountChangeAnnouncer {
  accountChanged(accountId: Id): Promise<void>;
}

export interface AccountAdministrationDeps {
  readonly accounts: AccountRepository;
  readonly passwords: PasswordHashing;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly announcer?: AccountChangeAnnouncer;
}

export interface AccountExportDeps {
  readonly accounts: AccountRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly hotlines: HotlineRepository;
  readonly schedules: ScheduleRepository;
  readonly patterns: PatternRepository;
  readonly callbackSettings: CallbackSettingsRepository;
  readonly clock: { now(): Instant };
}
