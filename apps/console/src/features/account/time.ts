import { DateTime } from 'luxon';

/**
 * Times of the account pages. On the Account page they are shown on the clock of the account's first
 * hotline (the zone is named in the column headers), never the browser's; without a hotline, in UTC.
 */

export const FALLBACK_ZONE = 'UTC';

/** `Mon 7 Dec 2026 18:00` on the zone's clock. */
export function formatInstant(instant: string, zone: string, locale: string): string {
  return DateTime.fromISO(instant).setZone(zone).setLocale(locale).toFormat('ccc d LLL yyyy HH:mm');
}

/** `in 3 days`, `in 5 hours`: how far an instant is from now, in words (no zone involved). */
export function relativeFromNow(instant: string, locale: string): string {
  return DateTime.fromISO(instant).setLocale(locale).toRelative() ?? '';
}

export const isPast = (instant: string, now: DateTime = DateTime.now()): boolean => DateTime.fromISO(instant) <= now;
