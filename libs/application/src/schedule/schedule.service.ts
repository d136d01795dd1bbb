import {
  Hotline,
  Id,
  InstantInput,
  OverrideEndedError,
  Override,
  Result,
  SCHEDULE_LIMITS,
  err,
  ok,
} from '@dutyline/domain';
import { Caller, LocalDateTimeInput, NotFoundRefusal, instantRangeOf, localRangeOf, notFound } from '../shared';
import { OverrideWrites } from './override-writes';
import { PatternWrites } from './pattern-writes';
import { ScheduleServiceDeps } from './ports';
import { ScheduleCopies } from './schedule-copies';
import {
  ApplyPatternInput,
  CopyDayInput,
  CopyToHotlineInput,
  CopyWeekInput,
  NewOverride,
  NewSlots,
  OverrideEnd,
  OverrideWrite,
  RepeatWeekInput,
  ScheduleRead,
  ScheduleRefusal,
  ScheduleWrite,
  SlotDeletion,
  SlotMove,
  SlotReassignment,
  SlotResize,
} from './schedule-types';
import { ScheduleWritePath } from './schedule-write-path';
import { SlotWrites } from './slot-writes';

/**
 * Schedule writes (F4–F7) and reads. Every write follows one path: validate the input with a dry
 * run of the domain operation (ValidationError with the input's field path, before any I/O), check
 * that assignees exist in the account (`UNKNOWN_ASSIGNEE` at `slots[2].assignees[0].id`), read the
 * slots overlapping the affected wall-clock range with the schedule's version, compute the change
 * with the pure domain operation and store it with `applyChange` under the version read, the audit
 * entry in the same transaction. When another writer moved the version meanwhile, it reads and
 * computes again, up to `maxAttempts` times, then rejects with the `VersionConflictError`
 * (the gateway's `CONFLICT`): no write is ever lost or applied over a schedule it did not see.
 * Expected refusals (`SLOT_OVERLAP`, `NOT_FOUND`) are `Result` values.
 *
 * The reads are here; each group of writes is its own class over the one write path (`ScheduleWritePath`).
 */
export class ScheduleService {
  private readonly path: ScheduleWritePath;
  private readonly slotWrites: SlotWrites;
  private readonly patternWrites: PatternWrites;
  private readonly copies: ScheduleCopies;
  private readonly overrideWrites: OverrideWrites;

  constructor(private readonly deps: ScheduleServiceDeps) {
    this.path = new ScheduleWritePath(deps);
    this.slotWrites = new SlotWrites(this.path, deps.ids);
    this.patternWrites = new PatternWrites(this.path, deps);
    this.copies = new ScheduleCopies(this.path, deps.ids);
    this.overrideWrites = new OverrideWrites(this.path, deps);
  }

  // -- reads ----------------------------------------------------------------------------------

  /** Slots overlapping `[from, to)` in the hotline's wall-clock time, at most `SCHEDULE_LIMITS.maxRangeDays` days. */
  async slots(
    caller: Caller,
    hotlineId: Id,
    { from, to }: { from: LocalDateTimeInput; to: LocalDateTimeInput },
  ): Promise<Result<ScheduleRead, NotFoundRefusal>> {
    const range = localRangeOf({ from, to }, SCHEDULE_LIMITS.maxRangeDays);
    const hotline = await this.path.findHotline(caller, hotlineId, 'hotlineId');
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    const view = await this.deps.schedules.slots(caller.accountId, hotline.id, range);
    if (!view) return err(notFound('hotline', hotlineId, 'hotlineId'));
    return ok({ hotline, slots: view.slots, version: view.version });
  }

  /** Overrides overlapping the real-time range `[from, to)`, at most 400 days, in creation order. */
  async overrides(
    caller: Caller,
    hotlineId: Id,
    { from, to }: { from: InstantInput; to: InstantInput },
  ): Promise<Result<{ hotline: Hotline; overrides: Override[] }, NotFoundRefusal>> {
    const range = instantRangeOf({ from, to }, 400);
    const hotline = await this.path.findHotline(caller, hotlineId, 'hotlineId');
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    return ok({
      hotline,
      overrides: await this.deps.schedules.overrides(caller.accountId, hotline.id, {
        from: range.start,
        to: range.end,
      }),
    });
  }

  // -- slots (F4): SlotWrites -------------------------------------------------------------------

  /** Creates slots in one batch; errors name `slots[i]…`. */
  createSlots(caller: Caller, hotlineId: Id, input: NewSlots): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.slotWrites.createSlots(caller, hotlineId, input);
  }

  /** Moves a slot to start at `start`, keeping its wall-clock length. */
  moveSlot(caller: Caller, hotlineId: Id, input: SlotMove): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.slotWrites.moveSlot(caller, hotlineId, input);
  }

  /** Gives a slot new bounds. */
  resizeSlot(caller: Caller, hotlineId: Id, input: SlotResize): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.slotWrites.resizeSlot(caller, hotlineId, input);
  }

  /** Removes slots; every id must be on the schedule (`NOT_FOUND` at `ids[i]` otherwise). */
  deleteSlots(caller: Caller, hotlineId: Id, input: SlotDeletion): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.slotWrites.deleteSlots(caller, hotlineId, input);
  }

  /** Replaces a slot's escalation levels. */
  reassignSlot(
    caller: Caller,
    hotlineId: Id,
    input: SlotReassignment,
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.slotWrites.reassignSlot(caller, hotlineId, input);
  }

  // -- patterns (F5): PatternWrites -------------------------------------------------------------

  /** One slot per window occurrence starting between `from` and `to` (see the domain's `applyPattern`). */
  applyPattern(
    caller: Caller,
    hotlineId: Id,
    input: ApplyPatternInput,
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.patternWrites.applyPattern(caller, hotlineId, input);
  }

  // -- copies (F6): ScheduleCopies --------------------------------------------------------------

  /** Copies the slots starting on `day` to each target date. */
  copyDay(caller: Caller, hotlineId: Id, input: CopyDayInput): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.copies.copyDay(caller, hotlineId, input);
  }

  /** Copies the week of Monday `week` to the weeks of the Mondays `targets`. */
  copyWeek(caller: Caller, hotlineId: Id, input: CopyWeekInput): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.copies.copyWeek(caller, hotlineId, input);
  }

  /** Copies the week of Monday `week` onto each of the `times` following weeks. */
  repeatWeek(caller: Caller, hotlineId: Id, input: RepeatWeekInput): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.copies.repeatWeek(caller, hotlineId, input);
  }

  /** Copies the slots of `sourceHotlineId` starting between `from` and `to` to `targetHotlineId`, keeping wall-clock times. */
  copyToHotline(caller: Caller, input: CopyToHotlineInput): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    return this.copies.copyToHotline(caller, input);
  }

  // -- overrides (F7): OverrideWrites -----------------------------------------------------------

  /** "Calls go to X until T", in force from `start` (now by default); the next call follows it. */
  createOverride(caller: Caller, hotlineId: Id, input: NewOverride): Promise<Result<OverrideWrite, NotFoundRefusal>> {
    return this.overrideWrites.createOverride(caller, hotlineId, input);
  }

  /**
   * "Back to the schedule now": ends the override at `at` (now by default); one that had not begun
   * is removed. `NOT_FOUND` when no such override is in force or ahead; `OVERRIDE_ENDED` cannot
   * happen then but is kept in the type for the domain's contract.
   */
  endOverride(
    caller: Caller,
    hotlineId: Id,
    input: OverrideEnd,
  ): Promise<Result<OverrideWrite, NotFoundRefusal | OverrideEndedError>> {
    return this.overrideWrites.endOverride(caller, hotlineId, input);
  }
}
