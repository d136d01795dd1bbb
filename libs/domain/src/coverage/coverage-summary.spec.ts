import { directoryOf } from '../directory/team';
import { HOUR_MS, LocalDateTime, TimeZone, parseInstant } from '../shared';
import { aHotline, aPerson, personRef } from '../testing/builders';
import { coverageSummary } from './coverage-summary';
import { fixedSegments, onCall } from './segment-source.fixtures';

const alice = aPerson({ id: 'alice' });
const directory = directoryOf([alice]);
const A = personRef(alice);
const allDay = aHotline({ id: 'hl-247', timeZone: 'Europe/Paris' });
const office = aHotline({
  id: 'hl-office',
  timeZone: 'Europe/Paris',
  serviceHours: { windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00' }] },
});
const range = (start: string, end: string) => ({ start: parseInstant(start), end: parseInstant(end) });
const JUNE_1 = range('2027-06-01T00:00:00Z', '2027-06-02T00:00:00Z');
const paris = (wall: string) => TimeZone.of('Europe/Paris').toInstant(LocalDateTime.parse(wall));

describe('coverageSummary', () => {
  it.each([
    ['held all day', [onCall('2027-06-01T00:00:00Z', '2027-06-02T00:00:00Z', [A])], 24, 1, true, 0],
    [
      'with a 6-hour hole',
      [
        onCall('2027-06-01T00:00:00Z', '2027-06-01T12:00:00Z', [A]),
        onCall('2027-06-01T18:00:00Z', '2027-06-02T00:00:00Z', [A]),
      ],
      18,
      0.75,
      false,
      1,
    ],
    ['with nobody', [], 0, 0, false, 1],
  ])('tells whether a 24/7 hotline is held: %s', (_, segments, coveredHours, fraction, fullyCovered, gapCount) => {
    const summary = coverageSummary({ hotline: allDay, schedule: fixedSegments(segments), directory, range: JUNE_1 });
    expect(summary).toMatchObject({
      hotlineId: 'hl-247',
      start: JUNE_1.start,
      end: JUNE_1.end,
      serviceMs: 24 * HOUR_MS,
      alwaysInService: true,
      fullyCovered,
    });
    expect(summary.coveredMs / HOUR_MS).toBe(coveredHours);
    expect(summary.coveredFraction).toBe(fraction);
    expect(summary.gaps).toHaveLength(gapCount);
  });

  it('counts only office hours as service time', () => {
    // Monday 7 June to Monday 14 June 2027, Paris summer time: five days of 8 hours.
    const week = range('2027-06-06T22:00:00Z', '2027-06-13T22:00:00Z');
    const mondayOnly = fixedSegments([onCall('2027-06-07T07:00:00Z', '2027-06-07T15:00:00Z', [A])]);
    const summary = coverageSummary({ hotline: office, schedule: mondayOnly, directory, range: week });
    expect(summary).toMatchObject({
      serviceMs: 40 * HOUR_MS,
      coveredMs: 8 * HOUR_MS,
      coveredFraction: 0.2,
      fullyCovered: false,
      alwaysInService: false,
    });
    expect(summary.gaps.map((g) => g.reason)).toEqual([
      'nobody-scheduled',
      'nobody-scheduled',
      'nobody-scheduled',
      'nobody-scheduled',
    ]);
  });

  it('has nothing to cover over a weekend of an office-hours hotline', () => {
    const weekend = range('2027-06-12T00:00:00Z', '2027-06-13T20:00:00Z');
    expect(coverageSummary({ hotline: office, schedule: fixedSegments([]), directory, range: weekend })).toMatchObject({
      serviceMs: 0,
      coveredMs: 0,
      coveredFraction: 1,
      fullyCovered: true,
      gaps: [],
    });
  });

  it.each([
    ['2027-03-28', 23],
    ['2027-10-31', 25],
    ['2027-06-13', 24],
  ])('measures the local day %s of a 24/7 hotline as %s real hours', (day, hours) => {
    const next = LocalDateTime.parse(`${day}T00:00`).plusDays(1).toString();
    const summary = coverageSummary({
      hotline: allDay,
      schedule: fixedSegments([]),
      directory,
      range: { start: paris(`${day}T00:00`), end: paris(next) },
    });
    expect(summary.serviceMs / HOUR_MS).toBe(hours);
    expect(summary.coveredMs).toBe(0);
  });

  it('is plain data', () => {
    const summary = coverageSummary({ hotline: allDay, schedule: fixedSegments([]), directory, range: JUNE_1 });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
