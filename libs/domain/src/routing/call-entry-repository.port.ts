import { Id, Instant, NotFound, NumberTaken, Result } from '../shared';
import { CallEntry } from './call-entry';

/** A hotline's entry (F25) as last saved. */
export interface StoredCallEntry {
  readonly accountId: Id;
  readonly entry: CallEntry;
  readonly updatedAt: Instant;
}

/** Which extra number is already taken, by its place in `entry.extraNumbers`. */
export interface ExtraNumberTaken extends NumberTaken {
  readonly index: number;
}

/**
 * Per-hotline entries (extra numbers, rules, front); deleting the hotline deletes its entry.
 * Failure contract: the repositories' one (shared/repository-refusals.ts).
 */
export interface CallEntryRepository {
  callEntry(accountId: Id, hotlineId: Id): Promise<StoredCallEntry | undefined>;
  /**
   * Creates or replaces the entry of `entry.hotlineId`. A hotline absent from the account:
   * `UNKNOWN_HOTLINE` at `hotlineId`. An extra number that is a hotline's own number or another
   * hotline's extra number: `NUMBER_TAKEN` with its index; nothing written.
   */
  saveCallEntry(stored: StoredCallEntry): Promise<Result<void, ExtraNumberTaken>>;
  deleteCallEntry(accountId: Id, hotlineId: Id): Promise<Result<void, NotFound>>;
  /** The hotline an extra number leads to, whatever its account (the answer path does not know it). */
  extraNumber(e164: string): Promise<{ readonly accountId: Id; readonly hotlineId: Id } | undefined>;
}
