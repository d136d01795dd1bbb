/** Which wall-clock range of a schedule an operation must read before it can compute its change. */

import { DAY_MS, LocalDate, LocalDateTime, LocalRange, LocalTime, SCHEDULE_LIMITS } from '@dutyline/domain';

/** How far a copied slot can reach past the days it starts on: the longest a slot may last. */
const LONGEST_SLOT_MS = SCHEDULE_LIMITS.maxSlotDays * DAY_MS;

/** The smallest range holding every `[start, end)` given (at least one). */
export function spanOf(ranges: readonly { readonly start: LocalDateTime; readonly end: LocalDateTime }[]): LocalRange {
  let start = ranges[0].start.wall;
  let end = ranges[0].end.wall;
  for (const r of ranges) {
    start = Math.min(start, r.start.wall, r.end.wall);
    end = Math.max(end, r.start.wall, r.end.wall);
  }
  // A reversed or empty input is refused by the domain afterwards; the read just needs a real range.
  return { start: LocalDateTime.ofWall(start), end: LocalDateTime.ofWall(Math.max(end, start + 60_000)) };
}

/**
 * What a copy must read: the `days` days from each source date (slots starting there are copied
 * whole) and, at each target date, the same days plus the reach of the longest possible slot
 * (the slots the copies can run into). One read of the envelope keeps the snapshot consistent.
 */
export function copyRange(sources: readonly LocalDate[], targets: readonly LocalDate[], days: number): LocalRange {
  const all = [...sources, ...targets];
  const first = Math.min(...all.map((d) => d.epochDay));
  const last = Math.max(...all.map((d) => d.epochDay));
  return {
    start: LocalDate.ofEpochDay(first).at(LocalTime.MIDNIGHT),
    end: LocalDateTime.ofWall(LocalDate.ofEpochDay(last + days).at(LocalTime.MIDNIGHT).wall + LONGEST_SLOT_MS),
  };
}

/** `days` days from `from`'s midnight, plus the reach of the longest possible slot. */
export function daysWithReach(from: LocalDate, days: number): LocalRange {
  return copyRange([from], [], days);
}

/** Days from `from`'s midnight, without reach: the source side of a copy. */
export function daysFrom(from: LocalDate, days: number): LocalRange {
  return { start: from.at(LocalTime.MIDNIGHT), end: from.plusDays(days).at(LocalTime.MIDNIGHT) };
}
