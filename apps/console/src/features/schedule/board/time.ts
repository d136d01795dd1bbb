import { DateTime } from 'luxon';

/** Every time computation of the board, in the hotline's IANA zone (never the browser's). */

export const VIEWS = ['day', 'week', 'twoWeeks'] as const;
export type View = (typeof VIEWS)[number];
export const SNAP_MINUTES = 15;
const WALL = "yyyy-MM-dd'T'HH:mm";

export interface BoardDay {
  /** `YYYY-MM-DD` in the hotline's zone. */
  readonly date: string;
  readonly start: DateTime;
  readonly startMs: number;
  readonly endMs: number;
  /** Real hours of the day: 23 or 25 when the clocks change. */
  readonly hours: number;
}

/** The visible range: whole days in the hotline's zone, from a Monday for the week views. */
export interface BoardRange {
  readonly view: View;
  readonly zone: string;
  readonly days: readonly BoardDay[];
  readonly startMs: number;
  readonly endMs: number;
  /** Wall-clock bounds for `schedule(from, to)`. */
  readonly fromWall: string;
  readonly toWall: string;
  /** Instants for `coverage`/`overrides`. */
  readonly fromIso: string;
  readonly toIso: string;
}

export function dayCount(view: View): number {
  return view === 'day' ? 1 : view === 'week' ? 7 : 14;
}

export function todayIn(zone: string): string {
  return DateTime.now().setZone(zone).toISODate()!;
}

/** The first day of the range holding `date` (`YYYY-MM-DD`): the date itself for a day, its Monday otherwise. */
export function rangeStartDate(view: View, date: string, zone: string): string {
  const day = DateTime.fromISO(date, { zone });
  const valid = day.isValid ? day : DateTime.now().setZone(zone);
  return (view === 'day' ? valid.startOf('day') : valid.startOf('week')).toISODate()!;
}

/** The range's wall-clock bounds (what `schedule` asks) from its dates alone: known before the hotline's zone is. */
export function wallBounds(view: View, date: string): { fromWall: string; toWall: string } {
  const first = DateTime.fromISO(rangeStartDate(view, date, 'UTC'), { zone: 'UTC' });
  return {
    fromWall: `${first.toISODate()}T00:00`,
    toWall: `${first.plus({ days: dayCount(view) }).toISODate()}T00:00`,
  };
}

export function boardRange(view: View, date: string, zone: string): BoardRange {
  const first = DateTime.fromISO(rangeStartDate(view, date, zone), { zone }).startOf('day');
  const days: BoardDay[] = [];
  for (let i = 0; i < dayCount(view); i++) {
    const start = first.plus({ days: i }).startOf('day');
    const end = start.plus({ days: 1 }).startOf('day');
    days.push({
      date: start.toISODate()!,
      start,
      startMs: start.toMillis(),
      endMs: end.toMillis(),
      hours: Math.round((end.toMillis() - start.toMillis()) / 36e5),
    });
  }
  const last = days[days.length - 1];
  const end = DateTime.fromMillis(last.endMs, { zone });
  return {
    view,
    zone,
    days,
    startMs: days[0].startMs,
    endMs: last.endMs,
    fromWall: first.toFormat(WALL),
    toWall: end.toFormat(WALL),
    fromIso: first.toUTC().toISO()!,
    toIso: end.toUTC().toISO()!,
  };
}

/** Moves the range by one step of its view (a day, a week or two weeks). */
export function shiftDate({
  view,
  date,
  zone,
  direction,
}: {
  view: View;
  date: string;
  zone: string;
  direction: -1 | 1;
}): string {
  return DateTime.fromISO(rangeStartDate(view, date, zone), { zone })
    .plus({ days: dayCount(view) * direction })
    .toISODate()!;
}

export function wall(dt: DateTime): string {
  return dt.toFormat(WALL);
}

export function instantMs(iso: string): number {
  return DateTime.fromISO(iso).toMillis();
}

/** The instant a wall-clock `YYYY-MM-DDTHH:MM` designates in the zone. */
export function fromWall(value: string, zone: string): DateTime {
  return DateTime.fromISO(value, { zone });
}

/** Position (0…1) of an instant on the range's axis: proportional to real time, so a 23-hour day is narrower. */
export function fraction(range: BoardRange, ms: number): number {
  return (ms - range.startMs) / (range.endMs - range.startMs);
}

/** The wall-clock time at an instant, rounded to the nearest quarter of an hour, in the zone. */
export function snapped(ms: number, zone: string): DateTime {
  const local = DateTime.fromMillis(ms, { zone });
  const hour = local.startOf('hour');
  const minutes = Math.round((ms - hour.toMillis()) / 60_000 / SNAP_MINUTES) * SNAP_MINUTES;
  return hour.plus({ minutes });
}

/** The instant at a fraction of the axis, snapped. */
export function snappedAt(range: BoardRange, frac: number): DateTime {
  const clamped = Math.min(1, Math.max(0, frac));
  return snapped(range.startMs + clamped * (range.endMs - range.startMs), range.zone);
}

export function luxonLocale(language: string): string {
  return language.startsWith('fr') ? 'fr-FR' : 'en-GB';
}

/** `Mon 7 Dec 18:00` (English) / `lun. 7 déc. 18:00` (French). */
export function formatMoment(dt: DateTime, language: string): string {
  return dt.setLocale(luxonLocale(language)).toFormat('ccc d LLL HH:mm');
}

/** `Mon 7 Dec 18:00 – Tue 8 Dec 08:00`, or `Mon 7 Dec 10:00 – 14:00` within one day. */
export function formatSpan(
  start: DateTime,
  end: DateTime,
  { language, alwaysBothDays = true }: { language: string; alwaysBothDays?: boolean },
): string {
  const sameDay = start.hasSame(end, 'day');
  const endText = !alwaysBothDays && sameDay ? end.toFormat('HH:mm') : formatMoment(end, language);
  return `${formatMoment(start, language)} – ${endText}`;
}

export function formatDayHeader(day: BoardDay, language: string): string {
  return day.start.setLocale(luxonLocale(language)).toFormat('ccc d LLL');
}

export function formatRangeTitle(range: BoardRange, language: string): string {
  const first = range.days[0].start.setLocale(luxonLocale(language));
  const last = range.days[range.days.length - 1].start.setLocale(luxonLocale(language));
  if (range.days.length === 1) return first.toFormat('cccc d LLLL yyyy');
  return `${first.toFormat('d LLL')} – ${last.toFormat('d LLL yyyy')}`;
}

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];
export function weekdayCode(dt: DateTime): WeekdayCode {
  return WEEKDAYS[dt.weekday - 1];
}

export interface Window {
  readonly days: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly endDayOffset?: number;
}

/** Occurrences of weekly windows (service hours, pattern windows) over the days around the range, as instants. */
export function windowOccurrences(
  windows: readonly Window[],
  { firstDate, dayCountToScan, zone }: { firstDate: DateTime; dayCountToScan: number; zone: string },
): { startMs: number; endMs: number; startDate: string }[] {
  const result: { startMs: number; endMs: number; startDate: string }[] = [];
  for (let i = -7; i < dayCountToScan; i++) {
    const day = firstDate.plus({ days: i }).startOf('day');
    for (const w of windows) {
      if (!w.days.includes(weekdayCode(day))) continue;
      const offset = w.endDayOffset ?? (w.end <= w.start ? 1 : 0);
      const start = DateTime.fromISO(`${day.toISODate()}T${w.start}`, { zone });
      const end = DateTime.fromISO(`${day.plus({ days: offset }).toISODate()}T${w.end}`, { zone });
      result.push({ startMs: start.toMillis(), endMs: end.toMillis(), startDate: day.toISODate()! });
    }
  }
  return result.sort((a, b) => a.startMs - b.startMs);
}
