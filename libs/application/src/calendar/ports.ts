import {
  AuditLog,
  CalendarFeedOwner,
  Clock,
  HotlineRepository,
  Id,
  IdGenerator,
  PersonRepository,
  ScheduleRepository,
  TeamRepository,
} from '@dutyline/domain';

/**
 * The secret tokens of calendar feeds, one per person or hotline. Failure contract: a rejection
 * means the store is unreachable; nothing was written.
 */
export interface CalendarFeedTokens {
  /** The owner's current token; the first ask issues one (two first asks at once agree on one). */
  currentToken(accountId: Id, owner: CalendarFeedOwner): Promise<string>;
  /** Replaces the owner's token: from now on the old one opens nothing, anywhere. Resolves with the new one. */
  rotateToken(accountId: Id, owner: CalendarFeedOwner): Promise<string>;
  /** The feed a token opens; `undefined` for a malformed, unknown or replaced token (answer 404 alike). */
  resolveToken(token: string): Promise<{ readonly accountId: Id; readonly owner: CalendarFeedOwner } | undefined>;
}

export interface CalendarFeedsDeps {
  readonly hotlines: HotlineRepository;
  readonly schedules: ScheduleRepository;
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly tokens: CalendarFeedTokens;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
