import fc from 'fast-check';
import { directoryOf } from '../directory';
import { LegOutcome } from '../ports/carrier.port';
import { parseInstant } from '../shared';
import { aHotline, aPerson, aTeam, teamRef } from '../testing';
import { PROPERTY_SEED, PROPERTY_TIMEOUT_MS } from '../testing/reference/random-schedule.fixtures';
import { CallPlan, callPlan } from './call-plan';
import {
  EscalationAction,
  EscalationEvent,
  EscalationState,
  isEscalationEnded,
  onEscalationEvent,
  startEscalation,
} from './escalation';

// A team of 2 to 4 people rung all at once, then a supervisor and voicemail; each leg's carrier events
// in its own order, the legs' events interleaved at random, some delivered twice, the caller hanging up
// at a random moment or not at all.
const people = [1, 2, 3, 4].map((n) =>
  aPerson({ id: `p${n}`, name: `P${n}`, numbers: [{ number: `+3361000000${n}`, label: 'mobile' }] }),
);
const supervisor = aPerson({ id: 'sup', name: 'Sup', numbers: [{ number: '+33619999999', label: 'mobile' }] });

const planOf = (size: number, requireAnswerConfirmation: boolean): CallPlan => {
  const team = aTeam(people.slice(0, size), { id: 'team', name: 'Team' });
  return callPlan({
    hotline: aHotline({
      id: 'hl-prop',
      supervisorIds: ['sup'],
      levelStrategies: ['all-at-once'],
      requireAnswerConfirmation,
    }),
    onCall: { levels: [teamRef(team)], slotId: null, overrideIds: [] },
    directory: directoryOf([...people, supervisor], [team]),
    at: parseInstant('2026-03-29T01:30:00Z'),
  });
};

/** What one leg's carrier reports, in order. */
const LEG_STORIES: readonly (readonly LegOutcome[])[] = [
  ['no-answer'],
  ['busy'],
  ['failed'],
  ['machine'],
  ['answered', 'confirmed'],
  ['answered', 'declined'],
  ['answered', 'not-confirmed'],
  ['answered'],
];

interface Scenario {
  readonly plan: CallPlan;
  readonly events: readonly EscalationEvent[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({ size: fc.integer({ min: 2, max: 4 }), confirm: fc.boolean() })
  .chain(({ size, confirm }) =>
    fc
      .record({
        stories: fc.array(fc.constantFrom(...LEG_STORIES), { minLength: size, maxLength: size }),
        order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        repeats: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        hangUpAt: fc.option(fc.nat({ max: 12 })),
      })
      .map(({ stories, order, repeats, hangUpAt }) => {
        // Interleave the legs' stories, each leg's events staying in its order.
        const queues = stories.map((story, step) => story.map((outcome) => ({ step, outcome })));
        const events: EscalationEvent[] = [];
        for (let i = 0; queues.some((q) => q.length > 0); i++) {
          const open = queues.filter((q) => q.length > 0);
          const next = open[(order[i % order.length] ?? 0) % open.length].shift()!;
          const event: EscalationEvent = { type: 'leg-outcome', step: next.step, outcome: next.outcome };
          events.push(event);
          if (repeats[i % repeats.length]) events.push(event);
        }
        if (hangUpAt !== null) events.splice(Math.min(hangUpAt, events.length), 0, { type: 'caller-hung-up' });
        return { plan: planOf(size, confirm), events };
      }),
  );

/** The legs an action hangs up. */
const hungUp = (action: EscalationAction): number[] => {
  if (action.type === 'bridge') return (action.drop ?? []).map((l) => l.step);
  if (action.type === 'hang-up-leg') return [action.step];
  if (action.type === 'hang-up-legs') return action.legs.map((l) => l.step);
  return [];
};

function play(plan: CallPlan, events: readonly EscalationEvent[]) {
  let { state, action } = startEscalation(plan, 'call-p');
  const actions: EscalationAction[] = [action];
  for (const event of events) {
    ({ state, action } = onEscalationEvent(state, event));
    actions.push(action);
  }
  return { state, actions };
}

const groupSteps = (plan: CallPlan) => plan.steps.flatMap((s, i) => (s.kind === 'dial' && s.group === 0 ? [i] : []));
const OPTIONS = { seed: PROPERTY_SEED, numRuns: 300 };

describe('escalation of an all-at-once level (property)', () => {
  it(
    'at most one answerer, and it is the leg that took the call first',
    () => {
      fc.assert(
        fc.property(scenarioArb, ({ plan, events }) => {
          const { state } = play(plan, events);
          const takers = state.legs.filter(
            (l) => l.outcome === 'confirmed' || (l.outcome === 'answered' && state.answeredBy?.step === l.step),
          );
          expect(takers.length).toBeLessThanOrEqual(1);
          if (state.answeredBy) expect(takers.map((l) => l.step)).toEqual([state.answeredBy.step]);
          const taking = plan.requireAnswerConfirmation ? 'confirmed' : 'answered';
          const firstTake = events.findIndex((e) => e.type === 'leg-outcome' && e.outcome === taking);
          const hangUp = events.findIndex((e) => e.type === 'caller-hung-up');
          if (firstTake >= 0 && (hangUp < 0 || firstTake < hangUp)) {
            const first = events[firstTake] as Extract<EscalationEvent, { type: 'leg-outcome' }>;
            expect(state.answeredBy?.step).toBe(first.step);
          }
        }),
        OPTIONS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'replayed or reordered deliveries of events already applied never change the result',
    () => {
      fc.assert(
        fc.property(scenarioArb, fc.array(fc.nat()), ({ plan, events }, picks) => {
          const once = play(plan, events);
          const replayed = picks.map((p) => events[p % Math.max(1, events.length)]).filter(Boolean);
          const again = play(plan, [...events, ...replayed, ...[...events].reverse()]);
          if (isEscalationEnded(once.state) || once.state.phase === 'connected')
            expect(again.state).toEqual(once.state);
          else
            expect([again.state.answeredBy, again.state.outcome?.kind]).toEqual([
              once.state.answeredBy,
              once.state.outcome?.kind,
            ]);
          for (const action of again.actions.slice(once.actions.length)) expect(action.type).not.toBe('bridge');
        }),
        OPTIONS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'once connected or abandoned, no leg of the group is left live, and each is hung up at most once',
    () => {
      fc.assert(
        fc.property(scenarioArb, ({ plan, events }) => {
          const { state, actions } = play(plan, events);
          const group = groupSteps(plan);
          const hung = actions.flatMap(hungUp);
          expect(new Set(hung).size).toBe(hung.length);
          const settled: EscalationState['phase'][] = ['connected', 'ended'];
          if (settled.includes(state.phase) && state.step <= group[group.length - 1]) {
            const live = state.legs.filter(
              (l) =>
                group.includes(l.step) &&
                l.step !== state.answeredBy?.step &&
                (l.outcome === null || l.outcome === 'answered'),
            );
            expect(live).toEqual([]);
          }
          for (const l of state.legs.filter((l) => l.outcome === 'cancelled')) expect(hung).toContain(l.step);
        }),
        OPTIONS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
