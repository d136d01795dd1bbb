import { AuditEntry } from '../ports/audit-log.port';
import { Id, Instant, LocalRange, NotFound, Result } from '../shared';
import { ScheduleChange } from './schedule-change';
import { Override, Slot } from './slot';

/** A hotline's slots in some range, with the version of the whole schedule they were read at. */
export interface ScheduleView {
  readonly slots: readonly Slot[];
  readonly version: number;
}

/** What `applyChange` writes: the change, the schedule version it was made against, and audit entries to append with it. */
export interface ScheduleWrite {
  readonly expectedVersion: number;
  readonly change: ScheduleChange;
  readonly audit?: readonly AuditEntry[];
}

/** Which override `endOverride` stops, and when. */
export interface OverrideStop {
  readonly id: Id;
  readonly at: Instant;
}

/** Slots and overrides of the hotlines. Failure contract: the repositories' one (shared/repository-refusals.ts). */
export interface ScheduleRepository {
  /** Slots overlapping the half-open local `range`, ordered by start; undefined for an unknown hotline. */
  slots(accountId: Id, hotlineId: Id, range: LocalRange): Promise<ScheduleView | undefined>;
  /** The slots with these ids (absent ones left out); undefined for an unknown hotline. */
  slotsByIds(accountId: Id, hotlineId: Id, ids: readonly Id[]): Promise<ScheduleView | undefined>;
  /**
   * Applies `change` (updated slots replace the stored ones with their ids) in one transaction if the schedule is still at `expectedVersion`, and returns
   * the new version (one more). Rejects with `VersionConflictError` when another writer got there
   * first: nothing was written; reload, re-apply and retry. `audit` entries are appended in the
   * same transaction. Refused with a ValidationError (nothing written) when the hotline is unknown
   * (`UNKNOWN_HOTLINE`, `hotlineId`), a slot belongs to another hotline (`HOTLINE_MISMATCH`), an added
   * id exists (`DUPLICATE_ID`), an updated or removed id does not (`UNKNOWN_SLOT`), or an assignee is
   * absent from the account (`UNKNOWN_ASSIGNEE`, e.g. `added[0].assignees[1].id`).
   */
  applyChange(accountId: Id, hotlineId: Id, write: ScheduleWrite): Promise<{ version: number }>;

  /** Overrides overlapping the half-open real-time range `[from, to)`, ordered by creation (the last wins). */
  overrides(accountId: Id, hotlineId: Id, range: { readonly from: Instant; readonly to: Instant }): Promise<Override[]>;
  /**
   * Creates or replaces an override. Overrides are separate rows and do not move the schedule's
   * version. Unknown hotline or assignee: ValidationError as for `applyChange`.
   */
  saveOverride(accountId: Id, override: Override): Promise<void>;
  /** "Stop now": the override ends at `at` if it would end later; one that had not begun by `at` is removed. */
  endOverride(accountId: Id, hotlineId: Id, ending: OverrideStop): Promise<Result<void, NotFound>>;
  deleteOverride(accountId: Id, hotlineId: Id, id: Id): Promise<Result<void, NotFound>>;
}

/**
 * Optional ability of a schedule store: the schedule's current version alone, one key lookup,
 * cheaper than reading slots (routing checks it on every call to know whether cached slots are
 * still current). Failure contract: a rejection means the store is unreachable.
 */
export interface ScheduleVersionReader {
  /** The version `applyChange` last returned (0 for a new hotline); undefined for an unknown hotline. */
  scheduleVersion(accountId: Id, hotlineId: Id): Promise<number | undefined>;
}
