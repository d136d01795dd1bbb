import {
  AuditLog,
  Clock,
  HotlineRepository,
  Id,
  IdGenerator,
  PatternRepository,
  PersonRepository,
  ScheduleRepository,
  TeamRepository,
} from '@dutyline/domain';

/**
 * The schedule's ports. `ScheduleRepository.applyChange` refuses a write over a version it did not
 * read with the domain's `VersionConflictError`; the write path reads and computes again on it.
 */

/** Told after each schedule write, e.g. to drop a process-local routing cache. */
export type ScheduleChangeListener = (event: {
  readonly accountId: Id;
  readonly hotlineId: Id;
  readonly version: number;
}) => void;

export interface ScheduleServiceDeps {
  readonly hotlines: HotlineRepository;
  readonly schedules: ScheduleRepository;
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly patterns: PatternRepository;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Tries of one write when other writers keep moving the schedule's version. @defaultValue 3 */
  readonly maxAttempts?: number;
  readonly onScheduleChanged?: ScheduleChangeListener;
}
