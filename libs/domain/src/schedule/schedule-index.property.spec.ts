import fc from 'fast-check';
import { MINUTE_MS, formatInstant } from '../shared';
import { ReferenceSchedule } from '../testing/reference/on-call-reference';
import { PROPERTY_SEED, PROPERTY_TIMEOUT_MS, scheduleCaseArb } from '../testing/reference/random-schedule.fixtures';
import { ScheduleIndex } from './schedule-index';

// The index against a minute-by-minute re-reading of the raw slots and overrides (ADR 0001, ADR 0002),
// on random schedules around the nights clocks change in Paris, New York and Lord Howe, and elsewhere.
describe('ScheduleIndex (property)', () => {
  it(
    'names, at every real minute, the same levels, slot and overrides as the brute-force reference',
    () => {
      fc.assert(
        fc.property(scheduleCaseArb, ({ scene, slots, overrides }) => {
          const index = ScheduleIndex.build(scene.zone, slots, overrides);
          const reference = new ReferenceSchedule(scene.zone, slots, overrides);
          for (let at = scene.window.start; at < scene.window.end; at += MINUTE_MS) {
            const { levels, slotId, overrideIds } = index.onCallAt(at);
            const expected = reference.onCallAt(at);
            if (
              slotId !== expected.slotId ||
              JSON.stringify([levels, overrideIds]) !== JSON.stringify([expected.levels, expected.overrideIds])
            ) {
              expect({ at: formatInstant(at), levels, slotId, overrideIds }).toEqual({
                at: formatInstant(at),
                ...expected,
              });
            }
          }
        }),
        { seed: PROPERTY_SEED, numRuns: 50 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'returns as segments exactly the minutes someone is on duty, each with the levels in force then',
    () => {
      fc.assert(
        fc.property(scheduleCaseArb, ({ scene, slots, overrides }) => {
          const index = ScheduleIndex.build(scene.zone, slots, overrides);
          const reference = new ReferenceSchedule(scene.zone, slots, overrides);
          const { start, end } = scene.window;
          const fromSegments = new Map<number, string>();
          let previousEnd = start;
          for (const s of index.segments(start, end)) {
            expect(s.start).toBeGreaterThanOrEqual(previousEnd);
            expect(s.end).toBeGreaterThan(s.start);
            previousEnd = s.end;
            const levels = JSON.stringify(s.levels);
            for (let at = s.start; at < s.end; at += MINUTE_MS) fromSegments.set(at, levels);
          }
          for (let at = start; at < end; at += MINUTE_MS) {
            const { levels } = reference.onCallAt(at);
            const expected = levels.length > 0 ? JSON.stringify(levels) : undefined;
            if (fromSegments.get(at) !== expected)
              expect({ at: formatInstant(at), levels: fromSegments.get(at) }).toEqual({
                at: formatInstant(at),
                levels: expected,
              });
          }
        }),
        { seed: PROPERTY_SEED + 1, numRuns: 25 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
