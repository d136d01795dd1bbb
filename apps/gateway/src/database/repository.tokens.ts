import type {
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
import { token } from '../platform/injection-token';

/*
 * One typed token per repository port of `@dutyline/domain` (ports/repositories.port.ts): inject
 * with `@Inject(PERSON_REPOSITORY) private readonly people: PersonRepository`. The DatabaseModule
 * (global) binds them to the SQL repositories of `@dutyline/persistence`; tests may bind fakes.
 */
export const PERSON_REPOSITORY = token<PersonRepository>('PersonRepository');
export const TEAM_REPOSITORY = token<TeamRepository>('TeamRepository');
export const HOTLINE_REPOSITORY = token<HotlineRepository>('HotlineRepository');
export const SCHEDULE_REPOSITORY = token<ScheduleRepository>('ScheduleRepository');
export const SCHEDULE_VERSION_READER = token<ScheduleVersionReader>('ScheduleVersionReader');
export const PATTERN_REPOSITORY = token<PatternRepository>('PatternRepository');
export const CALLBACK_SETTINGS_REPOSITORY = token<CallbackSettingsRepository>('CallbackSettingsRepository');
export const ACCOUNT_REPOSITORY = token<AccountRepository>('AccountRepository');
export const API_KEY_REPOSITORY = token<ApiKeyRepository>('ApiKeyRepository');
export const AUDIT_LOG = token<AuditLog>('AuditLog');

/** Is the database answering? Failure contract: rejects when it is not (unreachable, timed out). */
export interface DatabaseProbe {
  ping(): Promise<void>;
}
export const DATABASE_PROBE = token<DatabaseProbe>('DatabaseProbe');
