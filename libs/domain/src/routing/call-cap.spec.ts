import { AssigneeRef, HotlineInput, directoryOf, person } from '../directory';
import { LegOutcome } from '../ports/carrier.port';
import { Id, Instant, parseInstant } from '../shared';
import { aHotline, personRef, teamRef } from '../testing';
import { cappedPersons, personsAtTheirCap } from './call-cap';
import { callRecord, startCallTimeline, updateCallTimeline } from './call-log';
import { CallPlan, callPlan } from './call-plan';
import { EscalationAction, EscalationEvent, EscalationState, onEscalationEvent, startEscalation } from './escalation';
import { alice, bob, carol, crew, dan, eve } from './routing.fixtures';

/** Both Europe/Paris clock-change nights, at an hour that exists twice or not at all. */
const NIGHTS: [string, Instant][] = [
  ['spring-forward night', parseInstant('2026-03-29T01:30:00Z')],
  ['fall-back night', parseInstant('2026-10-25T01:30:00Z')],
];
/** Takes two calls at once. */
const frank = person({
  id: 'frank',
  accountId: alice.accountId,
  name: 'Frank',
  colour: '#1f77b4',
  contactNumbers: [{ number: '+33688888888', label: 'mobile' }],
  maxSimultaneousCalls: 2,
});
const directory = directoryOf([alice, bob, carol, dan, eve, frank], [crew]);

const planAt = (at: Instant, levels: AssigneeRef[], options: Partial<HotlineInput> = {}): CallPlan =>
  callPlan({
    hotline: aHotline({ id: 'hl-1', supervisorIds: ['dan', 'eve'], ...options }),
    onCall: { levels, slotId: 'slot-1', overrideIds: [] },
    directory,
    at,
  });
const leg = (step: number, outcome: LegOutcome): EscalationEvent => ({ type: 'leg-outcome', step, outcome });

const who = (plan: CallPlan, index: number): string => {
  const step = plan.steps[index];
  return step.kind === 'dial' ? `${step.personName}/${step.label}` : step.kind;
};
const showAction = (plan: CallPlan, action: EscalationAction): string =>
  action.type === 'dial' ? `dial ${who(plan, action.step)}` : action.type;
const showLegs = (state: EscalationState) =>
  state.legs.map((l) => `${who(state.plan, l.step)} ${l.outcome ?? 'ringing'}`);

/** Starts a call and feeds it `events`; `busy` persons are unavailable at every move, as the gateway reads them. */
function run(plan: CallPlan, { busy, events }: { busy: Id[]; events: EscalationEvent[] }) {
  const unavailable = new Set(busy);
  let { state, action } = startEscalation(plan, 'call-1', { unavailable });
  const actions = [showAction(plan, action)];
  for (const event of events) {
    ({ state, action } = onEscalationEvent(JSON.parse(JSON.stringify(state)), event, { unavailable }));
    actions.push(showAction(plan, action));
  }
  return { state, actions };
}

type Case = [string, AssigneeRef[], Partial<HotlineInput>, Id[], EscalationEvent[], string[], string, string[]];
const NO_SUPERVISORS = { supervisorIds: [] };
const cases: Case[] = [
  [
    'a busy person is skipped without ringing: the next person rings at once',
    [personRef(alice), personRef(bob)],
    {},
    ['alice'],
    [leg(2, 'confirmed')],
    ['dial Bob/mobile', 'bridge'],
    'connected',
    ['Alice/mobile skipped-busy', 'Alice/home skipped-busy', 'Bob/mobile confirmed'],
  ],
  [
    'a busy person further down is skipped when the cascade reaches them',
    [personRef(bob), personRef(alice)],
    {},
    ['alice'],
    [leg(0, 'no-answer'), leg(3, 'confirmed')],
    ['dial Bob/mobile', 'dial Dan/mobile', 'bridge'],
    'connected',
    ['Bob/mobile no-answer', 'Alice/mobile skipped-busy', 'Alice/home skipped-busy', 'Dan/mobile confirmed'],
  ],
  [
    'a busy team member is skipped, the others ring in order',
    [teamRef(crew)],
    {},
    ['bob'],
    [leg(1, 'no-answer'), leg(2, 'confirmed')],
    ['dial Carol/mobile', 'dial Carol/abroad', 'bridge'],
    'connected',
    ['Bob/mobile skipped-busy', 'Carol/mobile no-answer', 'Carol/abroad confirmed'],
  ],
  [
    'everyone busy, supervisors too: straight to voicemail',
    [personRef(bob)],
    {},
    ['bob', 'dan', 'eve'],
    [],
    ['record-voicemail'],
    'voicemail',
    ['Bob/mobile skipped-busy', 'Dan/mobile skipped-busy', 'Eve/mobile skipped-busy'],
  ],
  [
    'everyone busy with a closing message: the message',
    [personRef(bob)],
    { ...NO_SUPERVISORS, scenario: [{ kind: 'message', message: { text: 'Call back later.' } }] },
    ['bob'],
    [],
    ['play-message'],
    'message',
    ['Bob/mobile skipped-busy'],
  ],
  [
    'the caller hangs up while the next person rings: that leg is cancelled, the skipped one stays skipped',
    [personRef(bob), personRef(carol)],
    NO_SUPERVISORS,
    ['bob'],
    [{ type: 'caller-hung-up' }],
    ['dial Carol/mobile', 'hang-up-leg'],
    'ended',
    ['Bob/mobile skipped-busy', 'Carol/mobile cancelled'],
  ],
  [
    'nobody busy: the cascade is unchanged',
    [personRef(bob), personRef(carol)],
    {},
    [],
    [leg(0, 'busy'), leg(1, 'confirmed')],
    ['dial Bob/mobile', 'dial Carol/mobile', 'bridge'],
    'connected',
    ['Bob/mobile busy', 'Carol/mobile confirmed'],
  ],
];

describe.each(NIGHTS)('the cap on simultaneous calls, on the %s', (_night, at) => {
  it.each(cases)('%s', (_name, levels, options, busy, events, actions, phase, legs) => {
    const result = run(planAt(at, levels, options), { busy, events });
    expect(result.actions).toEqual(actions);
    expect(result.state.phase).toBe(phase);
    expect(showLegs(result.state)).toEqual(legs);
  });

  it('records skipped legs in the call log as ending where they start, without ringing', () => {
    const plan = planAt(at, [personRef(bob), personRef(carol)]);
    const unavailable = new Set(['bob']);
    const started = startEscalation(plan, 'call-1', { unavailable }).state;
    const startTimeline = startCallTimeline(started, at);
    const fact = { kind: 'confirmation' as const, step: 1, at: at + 12_000 };
    const after = onEscalationEvent(started, leg(1, 'confirmed'), { unavailable }).state;
    const timeline = updateCallTimeline(startTimeline, { before: started, after, fact });
    const record = callRecord({
      ...{ id: 'call-1', accountId: 'acct-test', hotlineId: 'hl-1', carrier: 'simulator', carrierCallId: 'sim-1' },
      ...{ caller: null, planSource: 'schedule', state: after, timeline, comments: [] },
    });
    expect(record.legs.map((l) => [l.personName, l.outcome, l.ringSeconds])).toEqual([
      ['Bob', 'skipped-busy', 0],
      ['Carol', 'confirmed', 12],
    ]);
    expect(record.answeredBy?.personId).toBe('carol');
  });
});

describe('who is at their cap', () => {
  const plan = planAt(NIGHTS[0][1], [personRef(alice), personRef(frank)]);
  type CapCase = [string, [Id, number][], Id[]];
  it.each<CapCase>([
    ['nobody on a call', [], []],
    ['a person with the default cap of 1 on one call', [['alice', 1]], ['alice']],
    ['a cap of 2 lets a second call through', [['frank', 1]], []],
    ['a cap of 2 reached', [['frank', 2]], ['frank']],
    [
      'over the cap (counts raced)',
      [
        ['frank', 3],
        ['alice', 2],
      ],
      ['alice', 'frank'],
    ],
    ['counts of persons outside the plan are ignored', [['stranger', 5]], []],
  ])('%s', (_name, counts, expected) => {
    expect([...personsAtTheirCap(plan, new Map(counts))].sort()).toEqual(expected);
  });

  it('reads the persons with a cap, once each; steps without a cap (emergency numbers, old plans) are never capped', () => {
    expect(cappedPersons(plan)).toEqual(['alice', 'frank', 'dan', 'eve']);
    const uncapped: CallPlan = {
      ...plan,
      steps: plan.steps.map((step) => (step.kind === 'dial' ? { ...step, maxSimultaneousCalls: undefined } : step)),
    };
    expect(cappedPersons(uncapped)).toEqual([]);
    expect(personsAtTheirCap(uncapped, new Map([['alice', 9]])).size).toBe(0);
  });
});
