/**
 * A brute-force reading of the tz database through `Intl`, independent of `TimeZone`'s cached rules,
 * to check the local ↔ instant rule the other references trust.
 */
import { HOUR_MS, Instant, MINUTE_MS } from '../../shared';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** What a wall clock in `zone` shows at `at`, to the minute, as ms since 1970-01-01T00:00 "wall UTC". */
export function intlWallMinute(zone: string, at: Instant): number {
  const parts = formatterFor(zone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
}

/**
 * The documented local → instant rule, by search: the first real minute whose wall clock shows `wall`
 * or later. That is the first occurrence of a repeated time, and for a skipped time the instant the
 * clocks jumped. `wall` is on a whole minute. Only minutes between `wall − the largest offset` and
 * `wall − the smallest offset` can qualify, the offsets being those Intl shows every six hours within
 * two days (every offset lasting six hours or more is seen).
 */
export function intlToInstant(zone: string, wall: number): Instant {
  const offsets: number[] = [];
  for (let at = wall - 48 * HOUR_MS; at <= wall + 48 * HOUR_MS; at += 6 * HOUR_MS)
    offsets.push(intlWallMinute(zone, at) - at);
  for (let at = wall - Math.max(...offsets); at <= wall - Math.min(...offsets); at += MINUTE_MS) {
    if (intlWallMinute(zone, at) >= wall) return at;
  }
  throw new Error(`no instant in ${zone} shows ${new Date(wall).toISOString()} or later`);
}
