import { Id } from '@dutyline/domain';

/**
 * Optional ability of a schedule store: the schedule's current version alone, one key lookup,
 * cheaper than reading slots. Routing reads it on every call to know whether its cached slots are
 * still the schedule's, so a write on any instance is followed by the next call on every instance.
 * Failure contract: a rejection means the store is unreachable.
 */
export interface ScheduleVersionReader {
  /** The version `applyChange` last returned (0 for a new hotline); undefined for an unknown hotline. */
  scheduleVersion(accountId: Id, hotlineId: Id): Promise<number | undefined>;
}
