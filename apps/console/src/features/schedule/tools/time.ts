import { DateTime } from 'luxon';

/**
 * Wall-clock arithmetic of the schedule tools, always in the HOTLINE's IANA zone (never the browser's).
 * Local values are the API's `YYYY-MM-DDTHH:MM` and `YYYY-MM-DD` strings.
 */

export const LOCAL_MINUTE = "yyyy-LL-dd'T'HH:mm";
export const LOCAL_DATE = 'yyyy-LL-dd';

/** The instant a wall-clock time of the zone designates, as ISO text with its offset. */
export function localToInstant(local: string, zone: string): string | null {
  const at = DateTime.fromISO(local, { zone });
  return at.isValid ? at.toISO({ suppressMilliseconds: true }) : null;
}

/** Date and time inputs (`YYYY-MM-DD`, `HH:MM`) joined to the instant they mean in the zone. */
export function dateAndTimeToInstant(date: string, time: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  return localToInstant(`${date}T${time}`, zone);
}

/** An instant seen on the zone's clock: `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function instantToDateAndTime(instant: string | DateTime, zone: string): { date: string; time: string } {
  const at = (typeof instant === 'string' ? DateTime.fromISO(instant) : instant).setZone(zone);
  return { date: at.toFormat(LOCAL_DATE), time: at.toFormat('HH:mm') };
}

/** Now on the zone's clock, rounded up to the next `minutes` (1 h 00 from 14:07 with 15 → 15:15). */
export function roundedUp(at: DateTime, minutes: number): DateTime {
  const start = at.startOf('minute');
  const over = start.minute % minutes;
  const rounded =
    over === 0 && start.second === 0 && at.millisecond === 0 ? start : start.plus({ minutes: minutes - over });
  return rounded.set({ second: 0, millisecond: 0 });
}

/** The date part of a wall-clock `YYYY-MM-DDTHH:MM`. */
export const dateOf = (local: string): string => local.slice(0, 10);

/** A calendar date moved by whole days (calendar arithmetic: no zone needed). */
export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toFormat(LOCAL_DATE);
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).startOf('week').toFormat(LOCAL_DATE);
}

/** Today on the zone's clock. */
export const todayIn = (zone: string): string => DateTime.now().setZone(zone).toFormat(LOCAL_DATE);

/** Whether a `YYYY-MM-DD` is a real date. */
export const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;

/** `Mon 7 Dec 18:00` in the language's words, for a wall-clock time of the zone. */
export function formatLocal(local: string, zone: string, locale: string): string {
  return DateTime.fromISO(local, { zone }).setLocale(locale).toFormat('ccc d LLL HH:mm');
}

/** A span between two instants or wall-clock times (ISO strings). */
export interface TimeRange {
  readonly start: string;
  readonly end: string;
}

/** `Mon 7 Dec 18:00 – Tue 8 Dec 08:00`, or `Mon 7 Dec 08:00 – 18:00` within one day. */
export function formatLocalRange({ start, end }: TimeRange, zone: string, locale: string): string {
  const endText =
    dateOf(start) === dateOf(end) ? DateTime.fromISO(end, { zone }).toFormat('HH:mm') : formatLocal(end, zone, locale);
  return `${formatLocal(start, zone, locale)} – ${endText}`;
}

/** An instant on the zone's clock, `Mon 7 Dec 18:00`. */
export function formatInstant(instant: string, zone: string, locale: string): string {
  return DateTime.fromISO(instant).setZone(zone).setLocale(locale).toFormat('ccc d LLL HH:mm');
}

/** `[start, end)` instants on the zone's clock. */
export function formatInstantRange({ start, end }: TimeRange, zone: string, locale: string): string {
  const from = DateTime.fromISO(start).setZone(zone);
  const to = DateTime.fromISO(end).setZone(zone);
  return formatLocalRange({ start: from.toFormat(LOCAL_MINUTE), end: to.toFormat(LOCAL_MINUTE) }, zone, locale);
}

/** `Mon 7 Dec 2026` for a calendar date. */
export function formatDate(date: string, locale: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).setLocale(locale).toFormat('ccc d LLL yyyy');
}

/** Hours and minutes of a duration: `14 h`, `25 h`, `7 h 30`. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}
