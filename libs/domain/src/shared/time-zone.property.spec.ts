import fc from 'fast-check';
import { intlToInstant, intlWallMinute } from '../testing/reference/intl-wall-clock';
import {
  CLOCK_CHANGES,
  PROPERTY_SEED,
  PROPERTY_TIMEOUT_MS,
  ZONES,
} from '../testing/reference/random-schedule.fixtures';
import { DAY_MS, HOUR_MS, MINUTE_MS, formatInstant } from './instant';
import { LocalDateTime } from './local-date-time';
import { TimeZone } from './time-zone';

// The property tests of the schedule, routing and coverage trust TimeZone; here it meets a plain Intl search.
const ANYTIME = fc
  .integer({ min: Date.parse('2026-01-01') / MINUTE_MS, max: Date.parse('2028-12-31') / MINUTE_MS })
  .map((m) => m * MINUTE_MS);
const zoneArb = fc.constantFrom(...ZONES);

/** The instants those zones changed their clocks in 2027, a few minutes either side, or anything 2026–2028. */
const TRANSITIONS: readonly [string, string][] = [
  ['Europe/Paris', '2027-03-28T01:00:00Z'],
  ['Europe/Paris', '2027-10-31T01:00:00Z'],
  ['America/New_York', '2027-03-14T07:00:00Z'],
  ['America/New_York', '2027-11-07T06:00:00Z'],
  ['Australia/Lord_Howe', '2027-04-03T15:00:00Z'],
  ['Australia/Lord_Howe', '2027-10-02T15:30:00Z'],
];
const zoneAndInstantArb = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...TRANSITIONS),
      fc.oneof(fc.integer({ min: -3 * MINUTE_MS, max: 3 * MINUTE_MS }), fc.constantFrom(-1, 0)),
    )
    .map(([[zone, t], ms]) => [zone, Date.parse(t) + ms] as const),
  fc
    .tuple(zoneArb, ANYTIME, fc.integer({ min: 0, max: MINUTE_MS - 1 }))
    .map(([zone, m, ms]) => [zone, m + ms] as const),
);

/** Wall-clock minutes in the small hours of a day the zone changes its clocks, or anything 2026–2028. */
const zoneAndWallArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(...CLOCK_CHANGES), fc.integer({ min: 0, max: 4 * 60 }))
    .map(([[zone, day], m]) => [zone, Date.parse(day) + m * MINUTE_MS] as const),
  fc.tuple(zoneArb, ANYTIME),
);

describe('TimeZone (property)', () => {
  it(
    'shows at any instant the wall clock Intl shows',
    () => {
      fc.assert(
        fc.property(zoneAndInstantArb, ([zone, at]) => {
          expect(Math.floor(TimeZone.of(zone).toLocal(at).wall / MINUTE_MS) * MINUTE_MS).toBe(intlWallMinute(zone, at));
        }),
        { seed: PROPERTY_SEED, numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'maps a wall-clock time to the first real minute showing it or later (first occurrence; after a gap, the jump)',
    () => {
      fc.assert(
        fc.property(zoneAndWallArb, ([zone, wall]) => {
          const actual = TimeZone.of(zone).toInstant(LocalDateTime.ofWall(wall));
          expect(formatInstant(actual)).toBe(formatInstant(intlToInstant(zone, wall)));
        }),
        { seed: PROPERTY_SEED, numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'never maps a later wall-clock time to an earlier instant',
    () => {
      fc.assert(
        fc.property(
          zoneAndWallArb,
          fc.integer({ min: 1, max: (DAY_MS + 3 * HOUR_MS) / MINUTE_MS }),
          ([zone, wall], later) => {
            const tz = TimeZone.of(zone);
            expect(tz.toInstant(LocalDateTime.ofWall(wall + later * MINUTE_MS))).toBeGreaterThanOrEqual(
              tz.toInstant(LocalDateTime.ofWall(wall)),
            );
          },
        ),
        { seed: PROPERTY_SEED, numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
