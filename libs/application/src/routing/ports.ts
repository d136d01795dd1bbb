import {
  Clock,
  HotlineRepository,
  Instant,
  PersonRepository,
  ScheduleRepository,
  RingRotation,
  ScheduleVersionReader,
  TeamRepository,
} from '@dutyline/domain';

/** One announced change: an invalidation topic (`hotline:<id>`, `account:<id>`, `number:<e164>`) in the order written. */
export interface LoggedChange {
  readonly seq: number;
  readonly topic: string;
}

/**
 * Routing changes announced through the database as well as the message bus, so an instance whose
 * bus is silent (a partition pub/sub cannot see) still learns them by reading what came after the
 * last sequence it saw. Failure contract: any rejection means the database is unreachable.
 */
export interface ChangeLog {
  append(topics: readonly string[], at: Instant): Promise<void>;
  /** The last sequence written (0 when none). */
  latest(): Promise<number>;
  /** Changes after `seq`, oldest first, at most `limit`. */
  since(seq: number, limit: number): Promise<LoggedChange[]>;
  /** Forgets the changes written before `before`. */
  purge(before: Instant): Promise<void>;
}

export interface RoutingQueriesDeps {
  readonly hotlines: HotlineRepository;
  readonly schedules: ScheduleRepository;
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly clock: Clock;
  /**
   * When given, slots read once are reused while the schedule's version (read on every call, one
   * key lookup) stays the same. Without it every call reads the slots.
   */
  readonly versions?: ScheduleVersionReader;
  /** Cached windows (hotline × local day). @defaultValue 1000 */
  readonly cacheSize?: number;
  /** The balanced levels' counters; without it every level starts at its first person. */
  readonly rotation?: RingRotation;
}
