import { Id } from '../shared';

/** A write would put two slots of a hotline at the same wall-clock time (mode `reject`). */
export interface SlotOverlapError {
  readonly code: 'SLOT_OVERLAP';
  /** The input that overlaps, e.g. `slots[3]`; the first one when several do. */
  readonly field: string;
  /** Every existing slot the write overlaps, by start. */
  readonly conflictingSlotIds: readonly Id[];
  readonly message: string;
}

/** The operation names slots that are not (or no longer) on the schedule. */
export interface SlotNotFoundError {
  readonly code: 'NOT_FOUND';
  /** The first unknown id's input, e.g. `id` or `ids[2]`. */
  readonly field: string;
  readonly missingIds: readonly Id[];
  readonly message: string;
}

/** Expected refusals of schedule operations. */
export type ScheduleError = SlotOverlapError | SlotNotFoundError;

/**
 * A write made for the version an editor loaded (`expectedVersion`) found the schedule at another
 * one: someone else changed it meanwhile, so the write is refused rather than applied over changes
 * the editor never saw.
 */
export interface ScheduleVersionConflictError {
  readonly code: 'SCHEDULE_VERSION_CONFLICT';
  readonly field: 'expectedVersion';
  /** The version the schedule is at now: reload at it. */
  readonly currentVersion: number;
  readonly message: string;
}

/** Refuses a write for `expectedVersion` when the schedule is at `currentVersion`; undefined when they agree (or none is expected). */
export function checkScheduleVersion(
  currentVersion: number,
  expectedVersion: number | null | undefined,
): ScheduleVersionConflictError | undefined {
  if (expectedVersion == null || expectedVersion === currentVersion) return undefined;
  return {
    code: 'SCHEDULE_VERSION_CONFLICT',
    field: 'expectedVersion',
    currentVersion,
    message: `The schedule was changed by someone else (version ${currentVersion}, you had ${expectedVersion}).`,
  };
}

export function slotOverlap(field: string, conflictingSlotIds: readonly Id[]): SlotOverlapError {
  return {
    code: 'SLOT_OVERLAP',
    field,
    conflictingSlotIds,
    message: `overlaps existing slot${conflictingSlotIds.length > 1 ? 's' : ''} ${conflictingSlotIds.join(', ')}; use mode "replace" to make room`,
  };
}

export function slotNotFound(field: string, missingIds: readonly Id[]): SlotNotFoundError {
  return { code: 'NOT_FOUND', field, missingIds, message: `no slot ${missingIds.join(', ')} on this schedule` };
}

/** Bounds on one write; anything larger is refused as invalid, never cut short. */
export const SCHEDULE_LIMITS = Object.freeze({
  /** A slot lasts at most 31 days of wall-clock time. */
  maxSlotDays: 31,
  /** One write adds at most 2,000 slots: a year of five shifts a day (1,830) fits. */
  maxSlotsPerWrite: 2000,
  /** Patterns and copies span at most 366 days. */
  maxRangeDays: 366,
  /** A week is repeated at most 52 times in one go. */
  maxRepeatWeeks: 52,
});

/** Ending an override at or after its end: it is already over by then. */
export interface OverrideEndedError {
  readonly code: 'OVERRIDE_ENDED';
  readonly field: 'at';
  readonly message: string;
}
