import fc from 'fast-check';
import { ScheduleIndex } from '../schedule/schedule-index';
import { Instant, MINUTE_MS, formatInstant } from '../shared';
import { ReferenceSchedule, referenceCoverage } from '../testing/reference/on-call-reference';
import {
  PROPERTY_DIRECTORY,
  PROPERTY_SEED,
  PROPERTY_TIMEOUT_MS,
  ScheduleCase,
  scheduleCaseArb,
} from '../testing/reference/random-schedule.fixtures';
import { coverageGaps } from './coverage-gaps';

/** A query range on whole minutes, strictly inside the case's window so the minute either side is known. */
const caseWithRange = scheduleCaseArb.chain((c) => {
  const minutes = (c.scene.window.end - c.scene.window.start) / MINUTE_MS;
  return fc
    .tuple(fc.integer({ min: 1, max: minutes - 2 }), fc.integer({ min: 1, max: minutes - 2 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]): [ScheduleCase, { start: Instant; end: Instant }] => [
      c,
      {
        start: c.scene.window.start + Math.min(a, b) * MINUTE_MS,
        end: c.scene.window.start + Math.max(a, b) * MINUTE_MS,
      },
    ]);
});

const minutesOf = (ranges: readonly { start: Instant; end: Instant }[]) =>
  ranges.flatMap((r) =>
    Array.from({ length: (r.end - r.start) / MINUTE_MS }, (_, i) => formatInstant(r.start + i * MINUTE_MS)),
  );

// Gaps against the minutes a brute-force reading of slots, overrides, reachability and service hours
// (24/7 or weekly, overnight windows included) finds uncovered.
describe('coverageGaps (property)', () => {
  it(
    'reports exactly the uncovered service minutes, as maximal runs with their reason, flags and key',
    () => {
      fc.assert(
        fc.property(caseWithRange, ([c, range]) => {
          const schedule = ScheduleIndex.build(c.scene.zone, c.slots, c.overrides);
          const reference = new ReferenceSchedule(c.scene.zone, c.slots, c.overrides);
          const gaps = coverageGaps({ hotline: c.hotline, schedule, directory: PROPERTY_DIRECTORY, range });

          const expected = referenceCoverage(
            { hotline: c.hotline, schedule: reference, directory: PROPERTY_DIRECTORY },
            range,
          );
          expect(minutesOf(gaps)).toEqual(expected.uncoveredMinutes.map(formatInstant));
          expect(gaps).toEqual(expected.gaps);
        }),
        { seed: PROPERTY_SEED, numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
