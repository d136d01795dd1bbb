import { ServiceHours, WeeklyWindow } from '../directory/service-hours';
import { DAY_MS, Instant, InstantRange, IsoWeekday, LocalDate, MINUTE_MS, TimeZone } from '../shared';
import { coverageRange } from './coverage-range';
import { WallClockResolver } from './wall-clock-resolver';

/**
 * The real-time ranges `[start, end)` within `range` during which a hotline is meant to be answered:
 * in order, clipped to `range`, merged where they touch or overlap.
 *
 * Each weekly window is resolved day by day exactly as `TimeZone.toInstant` does, so a 22:00→06:00 window
 * lasts 7 h on the night clocks go forward and 9 h on the night they go back, and a window lying wholly
 * inside a skipped hour lasts nothing that night. `end <= start` runs into the next day (`08:00→08:00`
 * is a full day). Validates `range` as `coverageRange` does.
 */
export function serviceRanges(hours: ServiceHours, zone: TimeZone, range: InstantRange): InstantRange[] {
  coverageRange(range);
  return expandServiceHours(hours, zone, range);
}

/** `serviceRanges` without validating `range` again (callers have done it). */
export function expandServiceHours(hours: ServiceHours, zone: TimeZone, range: InstantRange): InstantRange[] {
  if (hours.kind === 'always') return [{ start: range.start, end: range.end }];
  const windows = [...hours.windows].sort((a, b) => a.start.minuteOfDay - b.start.minuteOfDay);
  // A window lasts at most one wall-clock day, so one day of margin on each side finds every window
  // reaching into the range, even across a repeated hour around midnight.
  const firstDay = zone.toLocal(range.start).date.epochDay - 1;
  const lastDay = zone.toLocal(range.end).date.epochDay + 1;
  const resolver = new WallClockResolver(zone, firstDay, lastDay + 1);
  const merged: { start: Instant; end: Instant }[] = [];
  let weekday = LocalDate.ofEpochDay(firstDay).weekday;
  for (let day = firstDay; day <= lastDay; day++, weekday = weekday === 7 ? 1 : ((weekday + 1) as IsoWeekday)) {
    for (const window of windows) {
      if (!window.days.has(weekday)) continue;
      const [start, end] = resolve(window, day, resolver);
      const clippedStart = Math.max(start, range.start);
      const clippedEnd = Math.min(end, range.end);
      if (clippedEnd <= clippedStart) continue;
      const last = merged[merged.length - 1];
      // Starts arrive in order (days ascending, windows by start time, toInstant is monotone).
      if (last && clippedStart <= last.end) last.end = Math.max(last.end, clippedEnd);
      else merged.push({ start: clippedStart, end: clippedEnd });
    }
  }
  return merged;
}

/** Total length (ms) of ranges that do not overlap. */
export const totalLength = (ranges: readonly InstantRange[]): number =>
  ranges.reduce((sum, r) => sum + (r.end - r.start), 0);

// Read once: the loops below run for every window of every day of every hotline.
const DAY = DAY_MS;
const MINUTE = MINUTE_MS;

function resolve(window: WeeklyWindow, epochDay: number, resolver: WallClockResolver): [Instant, Instant] {
  const startWall = epochDay * DAY + window.start.minuteOfDay * MINUTE;
  const endDay = window.end.minuteOfDay <= window.start.minuteOfDay ? epochDay + 1 : epochDay;
  const endWall = endDay * DAY + window.end.minuteOfDay * MINUTE;
  return [resolver.toInstant(startWall), resolver.toInstant(endWall)];
}
