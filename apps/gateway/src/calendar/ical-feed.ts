import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { type CalendarFeed, type Instant, type TimeZone, isWritableInZone } from '@dutyline/domain';
import { ICalCalendar, ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';

/** How often calendar apps that honour it (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`) fetch again. */
const REFRESH_SECONDS = 15 * 60;

const vtimezones = new Map<string, string | null>();
/** The zone's VTIMEZONE (tzurl's data), or null when the library has none for it. */
function vtimezoneOf(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone) ?? null;
}

/**
 * Whether the event can be written as wall-clock times under its zone's TZID and read back as the
 * same instants: the zone has a VTIMEZONE, and neither end lies in a repeated hour (where readers
 * disagree on which pass a local time means). Otherwise the event is written in UTC.
 */
const writableInZone = (zone: TimeZone, start: Instant, end: Instant): boolean =>
  vtimezoneOf(zone.name) !== null && isWritableInZone(zone, start) && isWritableInZone(zone, end);

/**
 * The feed as iCalendar text (RFC 5545): one VEVENT per shift with its stable UID, times in the
 * hotline's zone with that zone's VTIMEZONE, `X-WR-CALNAME` the feed's name. Times are handed over
 * as luxon DateTimes in the zone (a JS Date with a zone would be written as UTC clock time under
 * the TZID). No calendar-wide zone, so DTSTAMP stays in UTC as the RFC wants.
 */
export function icalendarText(feed: CalendarFeed, now: Instant): string {
  const calendar = new ICalCalendar({
    name: feed.name,
    prodId: { company: 'Dutyline', product: 'On-call calendar feeds', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
  });
  calendar.timezone({ name: null, generator: vtimezoneOf });
  const stamp = DateTime.fromMillis(now, { zone: 'utc' });
  for (const event of feed.events) {
    const zone = writableInZone(event.timeZone, event.start, event.end) ? event.timeZone.name : null;
    calendar.createEvent({
      id: event.uid,
      start: DateTime.fromMillis(event.start, { zone: zone ?? 'utc' }),
      end: DateTime.fromMillis(event.end, { zone: zone ?? 'utc' }),
      timezone: zone,
      stamp,
      summary: event.summary,
      description: event.description,
    });
  }
  return calendar.toString();
}
