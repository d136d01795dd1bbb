import { type CalendarFeed, TimeZone, parseInstant } from '@dutyline/domain';
import ical, { type VEvent } from 'node-ical';
import { icalendarText } from './ical-feed';

const paris = TimeZone.of('Europe/Paris');
const event = (uid: string, start: string, end: string) => ({
  uid,
  start: parseInstant(start),
  end: parseInstant(end),
  timeZone: paris,
  summary: uid,
  description: '',
});

describe('the iCalendar text of a feed', () => {
  // 2027-10-31 in Paris: 02:00–03:00 happens twice (CEST, then CET).
  const feed: CalendarFeed = {
    name: 'Maintenance — on call',
    events: [
      event('night@dutyline', '2027-10-30T20:00:00Z', '2027-10-31T05:00:00Z'),
      event('first-pass@dutyline', '2027-10-31T00:15:00Z', '2027-10-31T00:45:00Z'),
      event('second-pass@dutyline', '2027-10-31T01:15:00Z', '2027-10-31T01:45:00Z'),
    ],
  };
  const text = icalendarText(feed, parseInstant('2027-10-01T08:00:00Z'));
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

  it('writes times in the zone, and in UTC within a repeated hour (readers disagree on which pass a wall-clock time there means)', () => {
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20271030T220000\r\nDTEND;TZID=Europe/Paris:20271031T060000');
    expect(text).toContain('DTSTART:20271031T001500Z');
    expect(text).toContain('DTSTART:20271031T011500Z');
    expect(events.map((e) => [e.uid, e.start.toISOString(), e.end?.toISOString()])).toEqual([
      ['night@dutyline', '2027-10-30T20:00:00.000Z', '2027-10-31T05:00:00.000Z'],
      ['first-pass@dutyline', '2027-10-31T00:15:00.000Z', '2027-10-31T00:45:00.000Z'],
      ['second-pass@dutyline', '2027-10-31T01:15:00.000Z', '2027-10-31T01:45:00.000Z'],
    ]);
  });

  it('keeps DTSTAMP in UTC and names the calendar', () => {
    expect(text).toContain('DTSTAMP:20271001T080000Z');
    expect(text).toContain('X-WR-CALNAME:Maintenance — on call');
  });
});
