import fc from 'fast-check';
import { RingingStrategy, directoryOf } from '../directory';
import { parseInstant } from '../shared';
import { aHotline, aPerson, aTeam, teamRef } from '../testing';
import { PROPERTY_SEED } from '../testing/reference/random-schedule.fixtures';
import { CallPlan, DialStep, callPlan } from './call-plan';

// A team of 1 to 6 people (some with two numbers, some with none enabled) on each of two levels, every
// strategy, any rotation counter: a strategy only reorders or groups a level, never adds or drops a number.
const people = Array.from({ length: 6 }, (_, i) =>
  aPerson({
    id: `p${i}`,
    name: `P${i}`,
    numbers: [
      { number: `+3361000001${i}`, label: 'mobile', enabled: i !== 4 },
      ...(i % 2 === 0 ? [{ number: `+3314000001${i}`, label: 'desk' }] : []),
    ],
  }),
);

const caseArb = fc.record({
  first: fc.subarray(people, { minLength: 1 }),
  second: fc.subarray(people, { minLength: 1 }),
  strategies: fc.array(fc.constantFrom<RingingStrategy>('in-order', 'balanced', 'all-at-once'), {
    minLength: 2,
    maxLength: 2,
  }),
  counters: fc.tuple(fc.integer({ min: -5, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
});

const dials = (plan: CallPlan) => plan.steps.filter((s): s is DialStep => s.kind === 'dial');

describe('ringing strategies (property)', () => {
  it('reorder or group a level, never add or drop a number; balanced starts at the counter among ringable people', () => {
    fc.assert(
      fc.property(caseArb, ({ first, second, strategies, counters }) => {
        const teams = [aTeam(first, { id: 't1', name: 'One' }), aTeam(second, { id: 't2', name: 'Two' })];
        const request = (levelStrategies: RingingStrategy[], rotation = {}) =>
          callPlan({
            hotline: aHotline({ id: 'hl-p', levelStrategies, scenario: [{ kind: 'voicemail' }] }),
            onCall: { levels: teams.map(teamRef), slotId: null, overrideIds: [] },
            directory: directoryOf(people, teams),
            at: parseInstant('2026-10-25T01:30:00Z'),
            rotation,
          });
        const plain = dials(request([]));
        const shaped = dials(request(strategies, { 0: counters[0], 1: counters[1] }));
        for (const level of [0, 1]) {
          const numbers = (steps: DialStep[]) => steps.filter((s) => s.level === level).map((s) => s.number);
          expect([...numbers(shaped)].sort()).toEqual([...numbers(plain)].sort());
          const grouped = shaped.filter((s) => s.level === level).map((s) => s.group);
          expect(grouped.every((g) => g === (strategies[level] === 'all-at-once' ? level : undefined))).toBe(true);
          const ringable = [...new Set(plain.filter((s) => s.level === level).map((s) => s.personId))];
          const firstRung = shaped.find((s) => s.level === level)?.personId;
          if (strategies[level] === 'balanced' && ringable.length > 0) {
            const n = ringable.length;
            expect(firstRung).toBe(ringable[((counters[level] % n) + n) % n]);
          } else {
            expect(firstRung).toBe(ringable[0]);
          }
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});
