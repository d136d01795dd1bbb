import { assigneeList } from '../directory/assignee';
import { LocalDate, LocalTime, Result, WeekdaySet, invalid, ok, requireText, validatingUnder } from '../shared';
import { NO_CHANGE, ScheduleChange, SlotWriteOptions } from './schedule-change';
import { SCHEDULE_LIMITS, ScheduleError } from './schedule-error';
import { assertHotline, inclusiveDates } from './schedule-inputs';
import { Slot } from './slot';
import { SlotPlacement, placeSlots, placementOptions } from './slot-placement';
import { AssigneeInput } from './slot-operations';

const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const MAX_WINDOWS = 28;

/**
 * One weekly window of a pattern, in the hotline's wall-clock time: it starts on each of `days` at
 * `start` and ends `endDayOffset` days later at `end` (Fri 18:00 + 3 days 08:00 = Mon 08:00).
 * It lasts more than nothing and at most a week.
 */
export interface PatternWindow {
  readonly days: WeekdaySet;
  readonly start: LocalTime;
  readonly endDayOffset: number;
  readonly end: LocalTime;
}

/** A reusable weekly on-call period (F5): windows that never overlap one another, week after week. */
export interface OnCallPattern {
  readonly name: string;
  readonly windows: readonly PatternWindow[];
}

export interface PatternWindowInput {
  /** `['MON', 'TUE']` */
  readonly days: readonly string[];
  /** `18:00` */
  readonly start: string;
  /** `08:00` */
  readonly end: string;
  /** Days from the start day to the end day, 0 to 7. @defaultValue 0 when `end` is after `start`, else 1 (overnight). */
  readonly endDayOffset?: number;
}

export interface OnCallPatternInput {
  readonly name: string;
  readonly windows: readonly PatternWindowInput[];
}

/** Validates a pattern; errors name their path (`windows[1].endDayOffset`). */
export function onCallPattern(input: OnCallPatternInput): OnCallPattern {
  const name = requireText(input?.name, 'name', 120);
  const windowInputs = input?.windows;
  if (!Array.isArray(windowInputs) || windowInputs.length === 0)
    invalid('REQUIRED', 'windows', 'give at least one window');
  if (windowInputs.length > MAX_WINDOWS) invalid('TOO_MANY', 'windows', `a pattern has at most ${MAX_WINDOWS} windows`);
  const windows = windowInputs.map((w, i) => validatingUnder(`windows[${i}]`, () => patternWindow(w)));
  assertWindowsApart(windows);
  return { name, windows };
}

function patternWindow(input: PatternWindowInput): PatternWindow {
  const days = WeekdaySet.of(input?.days, 'days');
  const start = LocalTime.parse(input?.start, 'start');
  const end = LocalTime.parse(input?.end, 'end');
  const endDayOffset = input.endDayOffset ?? (end.minuteOfDay > start.minuteOfDay ? 0 : 1);
  if (!Number.isInteger(endDayOffset) || endDayOffset < 0 || endDayOffset > 7) {
    invalid('INVALID_DAY_OFFSET', 'endDayOffset', 'a window ends 0 to 7 days after the day it starts');
  }
  const window = { days, start, endDayOffset, end };
  const length = windowMinutes(window);
  if (length <= 0) invalid('INVALID_RANGE', 'end', 'a window must end after it starts');
  if (length > WEEK_MINUTES) invalid('RANGE_TOO_LONG', 'endDayOffset', 'a window lasts at most a week');
  return window;
}

const windowMinutes = (w: PatternWindow) => w.endDayOffset * DAY_MINUTES + w.end.minuteOfDay - w.start.minuteOfDay;

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Occurrences placed on one week, as minutes from Monday 00:00, must not overlap, nor run into next week's. */
function assertWindowsApart(windows: readonly PatternWindow[]): void {
  const occurrences = windows.flatMap((w, index) =>
    ISO_WEEKDAYS.filter((day) => w.days.has(day)).map((day) => {
      const start = (day - 1) * DAY_MINUTES + w.start.minuteOfDay;
      return { index, start, end: start + windowMinutes(w) };
    }),
  );
  occurrences.sort((a, b) => a.start - b.start);
  occurrences.forEach((current, i) => {
    const next = occurrences[i + 1] ?? { ...occurrences[0], start: occurrences[0].start + WEEK_MINUTES };
    if (current.end > next.start) {
      const field =
        current.index === next.index
          ? `windows[${current.index}].days`
          : `windows[${Math.max(current.index, next.index)}]`;
      invalid('INPUTS_OVERLAP', field, `windows[${current.index}] overlaps windows[${next.index}] in the week`);
    }
  });
}

/** Monday to Friday, 08:00 → 18:00. */
export const OFFICE_HOURS: OnCallPattern = onCallPattern({
  name: 'Office hours',
  windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', end: '18:00' }],
});

/** Monday to Thursday nights, 18:00 → 08:00 the next morning (Friday night belongs to the weekend). */
export const WEEKNIGHTS: OnCallPattern = onCallPattern({
  name: 'Weeknights',
  windows: [{ days: ['MON', 'TUE', 'WED', 'THU'], start: '18:00', end: '08:00', endDayOffset: 1 }],
});

/** Friday 18:00 → Monday 08:00. */
export const WEEKEND: OnCallPattern = onCallPattern({
  name: 'Weekend',
  windows: [{ days: ['FRI'], start: '18:00', end: '08:00', endDayOffset: 3 }],
});

/** The built-in patterns; together they cover the week exactly once. */
export const PRESET_PATTERNS: readonly OnCallPattern[] = [OFFICE_HOURS, WEEKNIGHTS, WEEKEND];

export interface ApplyPatternOptions extends SlotWriteOptions {
  /** First date on which windows start. */
  readonly from: LocalDate | string;
  /** Last date on which windows start (included); a window starting that day runs to its end. */
  readonly to: LocalDate | string;
  /** Escalation levels of every slot created. */
  readonly assignees: readonly AssigneeInput[];
}

/**
 * Creates one slot per window occurrence starting between `from` and `to` (F5). A window belongs
 * to the date it starts on: one starting before `from` is not created even if it runs into the
 * range, one starting on `to` is created whole. Wall-clock times are kept on DST nights (ADR 0001).
 * Overlaps with existing slots follow `mode` (ADR 0002); the field of a conflict is `windows[i]`.
 */
export function applyPattern(
  existing: readonly Slot[],
  pattern: OnCallPattern,
  options: ApplyPatternOptions,
): Result<ScheduleChange, ScheduleError> {
  assertHotline(existing, options.hotlineId);
  const { from, days } = inclusiveDates(options.from, options.to);
  const assignees = assigneeList(options.assignees, 'assignees');
  const placements: SlotPlacement[] = [];
  for (let d = 0; d < days; d++) {
    const date = from.plusDays(d);
    pattern.windows.forEach((w, i) => {
      if (!w.days.has(date.weekday)) return;
      const start = date.at(w.start);
      placements.push({
        field: `windows[${i}]`,
        hotlineId: options.hotlineId,
        start,
        end: start.plusMinutes(windowMinutes(w)),
        assignees,
      });
    });
  }
  if (placements.length === 0) return ok(NO_CHANGE);
  if (placements.length > SCHEDULE_LIMITS.maxSlotsPerWrite) {
    invalid(
      'TOO_MANY',
      'to',
      `this would create ${placements.length} slots, more than ${SCHEDULE_LIMITS.maxSlotsPerWrite} in one write`,
    );
  }
  return placeSlots(existing, placements, placementOptions(options, 'to'));
}
