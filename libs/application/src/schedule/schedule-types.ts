/** What the schedule service's reads and writes take and answer. */

import {
  AssigneeInput,
  Hotline,
  Id,
  InstantInput,
  OverlapMode,
  Override,
  ScheduleChange,
  ScheduleError,
  ScheduleVersionConflictError,
  Slot,
  SlotInput,
} from '@dutyline/domain';
import { DateInput, LocalDateTimeInput, NotFoundRefusal } from '../shared';

/** What a write did (or, in a dry run, would do), and the hotline (its zone resolves the wall-clock times). */
export interface ScheduleWrite extends ScheduleChange {
  readonly hotline: Hotline;
  /** The schedule's version after the write (unchanged when nothing had to change, and in a dry run). */
  readonly version: number;
  /** The slots of `removedIds` as they were before the change, in that order. */
  readonly removed: readonly Slot[];
}

export interface ScheduleRead {
  readonly hotline: Hotline;
  /** Slots overlapping the range asked, by start. */
  readonly slots: readonly Slot[];
  readonly version: number;
}

export type ScheduleRefusal = ScheduleError | NotFoundRefusal | ScheduleVersionConflictError;

/** What every schedule write may add to its input. */
export interface WriteControl {
  /**
   * The schedule version the editor loaded. When the schedule is at another version by the time the
   * write would be applied, nothing is written and the write is refused with
   * `SCHEDULE_VERSION_CONFLICT` (never retried over the other editor's change). @defaultValue none: the write is applied at whatever version it finds
   */
  readonly expectedVersion?: number | null;
  /** Compute the change and answer it without storing it (no audit entry, no change event). @defaultValue false */
  readonly dryRun?: boolean | null;
}

export interface WriteOptions extends WriteControl {
  /** What to do with slots in the way (ADR 0002). @defaultValue 'reject' */
  readonly mode?: OverlapMode;
}

/** A batch of new slots; errors name `slots[i]…`. */
export interface NewSlots extends WriteOptions {
  readonly slots: readonly SlotInput[];
}

/** Slot `id` to start at `start`, keeping its wall-clock length. */
export interface SlotMove extends WriteOptions {
  readonly id: Id;
  readonly start: LocalDateTimeInput;
}

/** Slot `id`'s new bounds. */
export interface SlotResize extends WriteOptions {
  readonly id: Id;
  readonly start: LocalDateTimeInput;
  readonly end: LocalDateTimeInput;
}

/** Slots to remove; errors name `ids[i]`. */
export interface SlotDeletion extends WriteControl {
  readonly ids: readonly Id[];
}

/** Slot `id`'s new escalation levels. */
export interface SlotReassignment extends WriteControl {
  readonly id: Id;
  readonly assignees: readonly AssigneeInput[];
}

export interface ApplyPatternInput extends WriteOptions {
  /** A preset (`preset-weeknights`) or one of the account's patterns. */
  readonly patternId: Id;
  /** First date on which windows start. */
  readonly from: DateInput;
  /** Last date on which windows start (included). */
  readonly to: DateInput;
  readonly assignees: readonly AssigneeInput[];
}

export interface CopyDayInput extends WriteOptions {
  readonly day: DateInput;
  readonly targets: readonly DateInput[];
}

export interface CopyWeekInput extends WriteOptions {
  /** The source week's Monday. */
  readonly week: DateInput;
  /** Target weeks' Mondays. */
  readonly targets: readonly DateInput[];
}

export interface RepeatWeekInput extends WriteOptions {
  readonly week: DateInput;
  readonly times: number;
}

export interface CopyToHotlineInput extends WriteOptions {
  /** `expectedVersion` is the target hotline's. */
  readonly sourceHotlineId: Id;
  readonly targetHotlineId: Id;
  readonly from: DateInput;
  readonly to: DateInput;
  /** @defaultValue `from` */
  readonly targetFrom?: DateInput | null;
}

export interface NewOverride {
  /** @defaultValue now */
  readonly start?: InstantInput | null;
  readonly end: InstantInput;
  readonly assignees: readonly AssigneeInput[];
  /** @defaultValue null: the whole escalation list */
  readonly level?: number | null;
  readonly reason?: string | null;
}

/** Override `id` to end `at` (now by default). */
export interface OverrideEnd {
  readonly id: Id;
  readonly at?: InstantInput | null;
}

export interface OverrideWrite {
  readonly hotline: Hotline;
  /** The override as it now stands; null when ending it removed it (it had not begun). */
  readonly override: Override | null;
}
