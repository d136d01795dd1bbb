import fc from 'fast-check';
import { ScheduleIndex } from '../schedule/schedule-index';
import { formatInstant } from '../shared';
import { ReferenceSchedule, referencePlanSteps } from '../testing/reference/on-call-reference';
import {
  PROPERTY_DIRECTORY,
  PROPERTY_SEED,
  PROPERTY_TIMEOUT_MS,
  ScheduleCase,
  instantsArb,
  scheduleCaseArb,
} from '../testing/reference/random-schedule.fixtures';
import { planCall } from './call-plan';

const caseWithInstants = scheduleCaseArb.chain((c) => fc.tuple(fc.constant(c), instantsArb(c)));

// planCall over the schedule index against a plan built by hand from the reference's on-call levels,
// at random instants and on and around every slot and override boundary.
describe('planCall (property)', () => {
  it(
    'rings, at any instant, what a brute-force reading of the slots and overrides says, then the scenario',
    () => {
      fc.assert(
        fc.property(caseWithInstants, ([c, instants]: [ScheduleCase, number[]]) => {
          const index = ScheduleIndex.build(c.scene.zone, c.slots, c.overrides);
          const reference = new ReferenceSchedule(c.scene.zone, c.slots, c.overrides);
          for (const at of instants) {
            const plan = planCall({ hotline: c.hotline, schedule: index, directory: PROPERTY_DIRECTORY, at });
            const expected = reference.onCallAt(at);
            expect({
              at: formatInstant(plan.at),
              slotId: plan.slotId,
              overrideIds: plan.overrideIds,
              steps: plan.steps,
            }).toEqual({
              at: formatInstant(at),
              slotId: expected.slotId,
              overrideIds: expected.overrideIds,
              steps: referencePlanSteps(c.hotline, expected.levels, PROPERTY_DIRECTORY),
            });
            expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
          }
        }),
        { seed: PROPERTY_SEED, numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
