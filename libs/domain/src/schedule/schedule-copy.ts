/**
 * Copy options (F6): a day to other dates, a week to other weeks, a week repeated, a range of one
 * hotline's slots to another hotline.
 *
 * Which slots a copy takes: **a slot goes with the date it starts on**, whole. A slot starting
 * inside the copied days is copied from its start to its end, even when it ends after the last
 * day (Friday 18:00 → Monday 08:00 goes with the week of its Friday); a slot that started before
 * the first day is left out (it belongs to the day or week before). Patterns follow the same
 * rule, so copying a week onto the next one, or repeating it, tiles without gaps or pieces.
 * Clipping to the range was the alternative, and was not chosen: it cuts every night and weekend
 * at midnight into two slots, and a copied night would collide with the one already running into
 * the target day.
 *
 * Copies keep wall-clock times: 22:00→06:00 stays 22:00→06:00 in the target hotline's zone,
 * 7 h or 9 h of real time on DST nights (ADR 0001). Overlaps with slots already at the target
 * follow `mode` (ADR 0002); copies that would overlap each other (a slot longer than the distance
 * between two targets) are refused as `INPUTS_OVERLAP`.
 *
 * `existing` must hold the slots starting in the source days and every slot overlapping the
 * target days extended by the longest copied slot.
 */
import { Id, LocalDate, LocalTime, Result, invalid, ok } from '../shared';
import { NO_CHANGE, ScheduleChange, SlotWriteOptions, byStart } from './schedule-change';
import { SCHEDULE_LIMITS, ScheduleError } from './schedule-error';
import { assertHotline, inclusiveDates, localDate } from './schedule-inputs';
import { Slot } from './slot';
import { PlacementOptions, SlotPlacement, placeSlots, placementOptions } from './slot-placement';

type DateInput = LocalDate | string;

export interface CopyDayOptions extends SlotWriteOptions {
  readonly day: DateInput;
  readonly targets: readonly DateInput[];
}

/** Copies the slots starting on `day` to each of `targets`. */
export function copyDay(existing: readonly Slot[], options: CopyDayOptions): Result<ScheduleChange, ScheduleError> {
  const { day, targets } = options;
  assertHotline(existing, options.hotlineId);
  const source = localDate(day, 'day');
  const shifts = targetDates(targets, source, 'day').map((date, i) => ({
    field: `targets[${i}]`,
    days: source.daysUntil(date),
  }));
  const copies = copiesOf(existing, { first: source, days: 1, shifts, hotlineId: options.hotlineId });
  return writeCopies(existing, copies, placementOptions(options, 'targets'));
}

export interface CopyWeekOptions extends SlotWriteOptions {
  /** A Monday. */
  readonly week: DateInput;
  /** Mondays. */
  readonly targets: readonly DateInput[];
}

/** Copies the slots starting in the week of Monday `week` to the weeks of the Mondays `targets`. */
export function copyWeek(existing: readonly Slot[], options: CopyWeekOptions): Result<ScheduleChange, ScheduleError> {
  const { week, targets } = options;
  assertHotline(existing, options.hotlineId);
  const source = monday(week, 'week');
  const shifts = targetDates(targets, source, 'week').map((date, i) => ({
    field: `targets[${i}]`,
    days: source.daysUntil(date),
  }));
  const copies = copiesOf(existing, { first: source, days: 7, shifts, hotlineId: options.hotlineId });
  return writeCopies(existing, copies, placementOptions(options, 'targets'));
}

export interface RepeatWeekOptions extends SlotWriteOptions {
  /** A Monday. */
  readonly week: DateInput;
  readonly times: number;
}

/** Copies the week of Monday `week` onto each of the `times` weeks that follow it. */
export function repeatWeek(
  existing: readonly Slot[],
  options: RepeatWeekOptions,
): Result<ScheduleChange, ScheduleError> {
  const { week, times } = options;
  assertHotline(existing, options.hotlineId);
  const source = monday(week, 'week');
  if (!Number.isInteger(times) || times < 1 || times > SCHEDULE_LIMITS.maxRepeatWeeks) {
    invalid('INVALID_COUNT', 'times', `repeat a week 1 to ${SCHEDULE_LIMITS.maxRepeatWeeks} times`);
  }
  const shifts = Array.from({ length: times }, (_, k) => ({ field: 'times', days: 7 * (k + 1) }));
  const copies = copiesOf(existing, { first: source, days: 7, shifts, hotlineId: options.hotlineId });
  return writeCopies(existing, copies, placementOptions(options, 'times'));
}

export interface CopyToHotlineOptions extends SlotWriteOptions {
  /** First source date. */
  readonly from: DateInput;
  /** Last source date, included. */
  readonly to: DateInput;
  /** Where the copy of `from` lands at the target. @defaultValue `from` (the same dates) */
  readonly targetFrom?: DateInput;
}

/**
 * Copies the slots of one hotline starting between `from` and `to` to the hotline `hotlineId`,
 * whose slots are `targetExisting`; wall-clock times are kept in the target's own zone.
 */
export function copyToHotline(
  sourceSlots: readonly Slot[],
  targetExisting: readonly Slot[],
  options: CopyToHotlineOptions,
): Result<ScheduleChange, ScheduleError> {
  assertHotline(targetExisting, options.hotlineId);
  if (sourceSlots.length > 0) assertHotline(sourceSlots, sourceSlots[0].hotlineId);
  const { from, days } = inclusiveDates(options.from, options.to);
  const targetFrom = options.targetFrom === undefined ? from : localDate(options.targetFrom, 'targetFrom');
  if (sourceSlots[0]?.hotlineId === options.hotlineId && targetFrom.equals(from)) {
    invalid('SAME_AS_SOURCE', 'targetFrom', 'copying a range onto itself changes nothing');
  }
  const shifts = [{ field: 'targetFrom', days: from.daysUntil(targetFrom) }];
  const copies = copiesOf(sourceSlots, { first: from, days, shifts, hotlineId: options.hotlineId });
  return writeCopies(targetExisting, copies, placementOptions(options, 'to'));
}

/** Which source days a copy takes, where their copies land and for which hotline. */
interface CopyPlan {
  readonly first: LocalDate;
  readonly days: number;
  /** One copy per shift, by this many days; `field` is the input blamed for it. */
  readonly shifts: readonly { field: string; days: number }[];
  readonly hotlineId: Id;
}

/** The slots starting in the `days` days from `first`, shifted by each of `shifts`, for `hotlineId`. */
function copiesOf(source: readonly Slot[], { first, days, shifts, hotlineId }: CopyPlan): SlotPlacement[] {
  const from = first.at(LocalTime.MIDNIGHT);
  const until = first.plusDays(days).at(LocalTime.MIDNIGHT);
  const chosen = source.filter((s) => !s.start.isBefore(from) && s.start.isBefore(until)).sort(byStart);
  return shifts.flatMap((shift) =>
    chosen.map((s) => ({
      field: shift.field,
      hotlineId,
      start: s.start.plusDays(shift.days),
      end: s.end.plusDays(shift.days),
      assignees: s.assignees,
    })),
  );
}

function writeCopies(
  existing: readonly Slot[],
  copies: SlotPlacement[],
  placement: PlacementOptions,
): Result<ScheduleChange, ScheduleError> {
  if (copies.length === 0) return ok(NO_CHANGE);
  if (copies.length > SCHEDULE_LIMITS.maxSlotsPerWrite) {
    invalid(
      'TOO_MANY',
      placement.batchField,
      `this would create ${copies.length} slots, more than ${SCHEDULE_LIMITS.maxSlotsPerWrite} in one write`,
    );
  }
  return placeSlots(existing, copies, placement);
}

function monday(input: DateInput, field: string): LocalDate {
  const date = localDate(input, field);
  if (date.weekday !== 1) invalid('NOT_A_MONDAY', field, `a week is given by its Monday; ${date} is not one`);
  return date;
}

/** Distinct target dates, none the source itself (Mondays for weeks). */
function targetDates(inputs: readonly DateInput[], source: LocalDate, unit: 'day' | 'week'): LocalDate[] {
  const weeks = unit === 'week';
  const max = weeks ? SCHEDULE_LIMITS.maxRepeatWeeks : SCHEDULE_LIMITS.maxRangeDays;
  if (!Array.isArray(inputs) || inputs.length === 0) invalid('REQUIRED', 'targets', 'give at least one target date');
  if (inputs.length > max) invalid('TOO_MANY', 'targets', `at most ${max} targets at once`);
  const dates = inputs.map((input, i) => (weeks ? monday(input, `targets[${i}]`) : localDate(input, `targets[${i}]`)));
  dates.forEach((date, i) => {
    if (date.equals(source)) invalid('SAME_AS_SOURCE', `targets[${i}]`, `${date} is the source itself`);
    if (dates.findIndex((d) => d.equals(date)) !== i)
      invalid('DUPLICATE_DATE', `targets[${i}]`, `${date} is already a target`);
  });
  return dates;
}
