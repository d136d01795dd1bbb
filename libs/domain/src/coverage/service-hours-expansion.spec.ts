import { ALWAYS, WeeklyWindowInput, serviceHours } from '../directory/service-hours';
import { HOUR_MS, LocalDateTime, TimeZone, ValidationError, formatInstant, parseInstant } from '../shared';
import { serviceRanges } from './service-hours-expansion';

const weekly = (...windows: WeeklyWindowInput[]) => serviceHours({ windows });
const range = (start: string, end: string) => ({ start: parseInstant(start), end: parseInstant(end) });
const local = (zone: string, wall: string) => TimeZone.of(zone).toInstant(LocalDateTime.parse(wall));
const shown = (ranges: { start: number; end: number }[]) =>
  ranges.map((r) => `${formatInstant(r.start)} → ${formatInstant(r.end)}`);
const EVERY_DAY = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const NIGHTS = weekly({ days: EVERY_DAY, start: '22:00', end: '06:00' });

describe('serviceRanges', () => {
  it('is the whole range for a hotline answered always', () => {
    expect(
      shown(serviceRanges(ALWAYS, TimeZone.of('Europe/Paris'), range('2027-03-27T10:00:00Z', '2027-03-29T10:00:00Z'))),
    ).toEqual(['2027-03-27T10:00:00.000Z → 2027-03-29T10:00:00.000Z']);
  });

  it('lays office hours on the working days of a week, in the zone, summer time after the change', () => {
    const office = weekly({ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00' });
    expect(
      shown(serviceRanges(office, TimeZone.of('Europe/Paris'), range('2027-03-26T00:00:00Z', '2027-03-31T00:00:00Z'))),
    ).toEqual([
      '2027-03-26T08:00:00.000Z → 2027-03-26T16:00:00.000Z', // Friday, winter time (+01:00)
      '2027-03-29T07:00:00.000Z → 2027-03-29T15:00:00.000Z', // Monday, summer time (+02:00)
      '2027-03-30T07:00:00.000Z → 2027-03-30T15:00:00.000Z',
    ]);
  });

  it.each([
    // zone, the evening the window starts, its real length in hours
    ['Europe/Paris', '2027-03-27', 7], // clocks go forward 02:00 → 03:00
    ['Europe/Paris', '2027-10-30', 9], // clocks go back 03:00 → 02:00
    ['Europe/Paris', '2027-06-12', 8],
    ['America/New_York', '2027-03-13', 7],
    ['America/New_York', '2027-11-06', 9],
    ['Australia/Lord_Howe', '2027-10-02', 7.5], // 30-minute shift forward
    ['Australia/Lord_Howe', '2027-04-03', 8.5], // 30-minute shift back
    ['Asia/Tokyo', '2027-03-27', 8],
    ['Asia/Tokyo', '2027-10-30', 8],
  ])('a 22:00 → 06:00 night starting %s %s lasts %s h', (zone, evening, hours) => {
    const from = local(zone, `${evening}T20:00`);
    const ranges = serviceRanges(NIGHTS, TimeZone.of(zone), { start: from, end: from + 20 * HOUR_MS });
    expect(ranges).toHaveLength(1);
    expect(ranges[0].start).toBe(local(zone, `${evening}T22:00`));
    expect((ranges[0].end - ranges[0].start) / HOUR_MS).toBe(hours);
  });

  it('starts an overnight window on its start day and ends it the next morning', () => {
    const weeknights = weekly({ days: ['FRI'], start: '18:00', end: '08:00' });
    expect(
      shown(
        serviceRanges(weeknights, TimeZone.of('Asia/Tokyo'), range('2027-01-01T00:00:00Z', '2027-01-10T00:00:00Z')),
      ),
    ).toEqual([
      '2027-01-01T09:00:00.000Z → 2027-01-01T23:00:00.000Z',
      '2027-01-08T09:00:00.000Z → 2027-01-08T23:00:00.000Z',
    ]);
  });

  it('finds the end of a window that began on the local day before the range', () => {
    // 2027-01-05T18:00Z is 03:00 on the 6th in Tokyo, inside the night that began at 22:00 on the 5th
    expect(
      shown(serviceRanges(NIGHTS, TimeZone.of('Asia/Tokyo'), range('2027-01-05T18:00:00Z', '2027-01-05T23:00:00Z'))),
    ).toEqual(['2027-01-05T18:00:00.000Z → 2027-01-05T21:00:00.000Z']);
  });

  it.each([
    [
      'touching windows of one day',
      [
        { days: ['MON'], start: '08:00', end: '18:00' },
        { days: ['MON'], start: '18:00', end: '08:00' },
      ],
      ['2027-01-04T07:00:00.000Z → 2027-01-05T07:00:00.000Z'],
    ],
    [
      'overlapping windows',
      [
        { days: ['MON'], start: '08:00', end: '12:00' },
        { days: ['MON'], start: '10:00', end: '14:00' },
      ],
      ['2027-01-04T07:00:00.000Z → 2027-01-04T13:00:00.000Z'],
    ],
    [
      "an overnight window running into the next day's window",
      [
        { days: ['MON'], start: '20:00', end: '09:00' },
        { days: ['TUE'], start: '08:00', end: '12:00' },
      ],
      ['2027-01-04T19:00:00.000Z → 2027-01-05T11:00:00.000Z'],
    ],
    [
      'full days (end = start) back to back',
      [{ days: EVERY_DAY, start: '00:00', end: '00:00' }],
      ['2027-01-03T23:00:00.000Z → 2027-01-06T23:00:00.000Z'],
    ],
  ])('merges %s', (_, windows, expected) => {
    const hours = weekly(...windows);
    expect(
      shown(serviceRanges(hours, TimeZone.of('Europe/Paris'), range('2027-01-03T23:00:00Z', '2027-01-06T23:00:00Z'))),
    ).toEqual(expected);
  });

  it('gives nothing for a window lying inside the hour clocks skip', () => {
    const skipped = weekly({ days: ['SUN'], start: '02:00', end: '02:45' });
    const paris = TimeZone.of('Europe/Paris');
    expect(serviceRanges(skipped, paris, range('2027-03-27T00:00:00Z', '2027-03-29T00:00:00Z'))).toEqual([]);
    expect(shown(serviceRanges(skipped, paris, range('2027-04-03T00:00:00Z', '2027-04-05T00:00:00Z')))).toEqual([
      '2027-04-04T00:00:00.000Z → 2027-04-04T00:45:00.000Z',
    ]);
  });

  it('gives the repeated hour once, from its first occurrence, when clocks go back', () => {
    const repeated = weekly({ days: ['SUN'], start: '02:00', end: '03:00' });
    expect(
      shown(
        serviceRanges(repeated, TimeZone.of('Europe/Paris'), range('2027-10-30T00:00:00Z', '2027-11-01T00:00:00Z')),
      ),
    ).toEqual([
      '2027-10-31T00:00:00.000Z → 2027-10-31T02:00:00.000Z', // 02:00 (+02:00) → 03:00 (+01:00): two real hours
    ]);
  });

  it('clips windows to the range', () => {
    const office = weekly({ days: EVERY_DAY, start: '09:00', end: '17:00' });
    expect(shown(serviceRanges(office, TimeZone.UTC, range('2027-01-04T12:00:00Z', '2027-01-05T10:00:00Z')))).toEqual([
      '2027-01-04T12:00:00.000Z → 2027-01-04T17:00:00.000Z',
      '2027-01-05T09:00:00.000Z → 2027-01-05T10:00:00.000Z',
    ]);
  });

  it.each([
    ['an end before the start', range('2027-01-02T00:00:00Z', '2027-01-01T00:00:00Z'), 'INVALID_RANGE', 'range.end'],
    ['an empty range', range('2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), 'INVALID_RANGE', 'range.end'],
    ['more than 400 days', range('2027-01-01T00:00:00Z', '2028-02-05T00:00:01Z'), 'RANGE_TOO_LONG', 'range.end'],
    ['a start that is not an instant', { start: Number.NaN, end: 0 }, 'INVALID_INSTANT', 'range.start'],
  ])('refuses %s', (_, bad, code, field) => {
    expect(() => serviceRanges(NIGHTS, TimeZone.UTC, bad)).toThrow(
      expect.objectContaining({ name: 'ValidationError', code, field }),
    );
    expect(() => serviceRanges(NIGHTS, TimeZone.UTC, bad)).toThrow(ValidationError);
  });
});
