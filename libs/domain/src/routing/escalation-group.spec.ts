import { AssigneeRef, HotlineInput, RingingStrategy, directoryOf } from '../directory';
import { LegOutcome } from '../ports/carrier.port';
import { parseInstant } from '../shared';
import { aHotline, aPerson, personRef, teamRef } from '../testing';
import { CallPlan, callPlan } from './call-plan';
import {
  EscalationAction,
  EscalationContext,
  EscalationEvent,
  EscalationState,
  isLegLive,
  onEscalationEvent,
  startEscalation,
} from './escalation';
import { alice, bob, carol, crew, dan, eve } from './routing.fixtures';

const AT = parseInstant('2026-10-25T01:30:00Z'); // 02:30 in Paris, the second time that night
const frank = aPerson({ id: 'frank', name: 'Frank', numbers: [{ number: '+33688888888', label: 'mobile' }] });
const directory = directoryOf([alice, bob, carol, dan, eve, frank], [crew]);

/** Crew (Bob; Carol's mobile and abroad numbers) all at once on level 0, Frank on level 1, then Dan and voicemail. */
const planFor = (
  levels: AssigneeRef[] = [teamRef(crew), personRef(frank)],
  options: Partial<HotlineInput> & { strategies?: RingingStrategy[] } = {},
): CallPlan =>
  callPlan({
    hotline: aHotline({
      id: 'hl-group',
      supervisorIds: ['dan'],
      scenario: [{ kind: 'supervisors' }, { kind: 'voicemail' }],
      levelStrategies: options.strategies ?? ['all-at-once'],
      ...options,
    }),
    onCall: { levels, slotId: 'slot-1', overrideIds: [] },
    directory,
    at: AT,
  });

const leg = (step: number, outcome: LegOutcome): EscalationEvent => ({ type: 'leg-outcome', step, outcome });
const HUNG_UP: EscalationEvent = { type: 'caller-hung-up' };

const who = (plan: CallPlan, index: number): string => {
  const step = plan.steps[index];
  return step.kind === 'dial' ? `${step.personName}/${step.label}` : step.kind;
};
const list = (plan: CallPlan, legs: readonly { step: number }[]) => legs.map((l) => who(plan, l.step)).join(' + ');
const showAction = (plan: CallPlan, action: EscalationAction): string => {
  switch (action.type) {
    case 'dial':
      return `dial ${who(plan, action.step)}`;
    case 'dial-group':
      return `dial ${list(plan, action.legs)}`;
    case 'bridge':
      return `bridge ${who(plan, action.step)}${action.drop ? `, drop ${list(plan, action.drop)}` : ''}`;
    case 'hang-up-leg':
      return `hang-up ${who(plan, action.step)}`;
    case 'hang-up-legs':
      return `hang-up ${list(plan, action.legs)}`;
    case 'record-voicemail':
      return 'voicemail';
    case 'play-message':
      return 'message';
    case 'none':
      return 'none';
  }
};
const showEnd = (state: EscalationState): string => {
  const o = state.outcome;
  if (!o) return `${state.phase}: pending`;
  if (o.kind === 'answered') return `${state.phase}: answered by ${who(state.plan, o.by.step)}`;
  if (o.kind === 'abandoned') return `${state.phase}: abandoned at ${who(state.plan, o.step)}`;
  return `${state.phase}: ${o.kind}`;
};
const showLegs = (state: EscalationState) =>
  state.legs.map((l) => `${who(state.plan, l.step)} ${l.outcome ?? 'ringing'}`);

/** Starts a call and feeds it `events`, the state stored as JSON in between, as the gateway does. */
function run(plan: CallPlan, events: readonly EscalationEvent[], context: EscalationContext = {}) {
  let { state, action } = startEscalation(plan, 'call-1', context);
  const actions = [showAction(plan, action)];
  for (const event of events) {
    ({ state, action } = onEscalationEvent(JSON.parse(JSON.stringify(state)), event, context));
    actions.push(showAction(plan, action));
  }
  return { state, actions };
}

const GROUP = 'dial Bob/mobile + Carol/mobile + Carol/abroad';
type Case = [string, CallPlan, EscalationEvent[], string[], string, string[]];
const cases: Case[] = [
  [
    'the first to press 1 takes the call; the others are hung up at once',
    planFor(),
    [leg(1, 'answered'), leg(1, 'confirmed')],
    [GROUP, 'none', 'bridge Carol/mobile, drop Bob/mobile + Carol/abroad'],
    'connected: answered by Carol/mobile',
    ['Bob/mobile cancelled', 'Carol/mobile confirmed', 'Carol/abroad cancelled'],
  ],
  [
    'two pick up: the first key wins, the other announcing leg is dropped, its late key changes nothing',
    planFor(),
    [leg(0, 'answered'), leg(2, 'answered'), leg(2, 'confirmed'), leg(0, 'confirmed')],
    [GROUP, 'none', 'none', 'bridge Carol/abroad, drop Bob/mobile + Carol/mobile', 'none'],
    'connected: answered by Carol/abroad',
    ['Bob/mobile cancelled', 'Carol/mobile cancelled', 'Carol/abroad confirmed'],
  ],
  [
    'one leg ending changes nothing for the others; the group ends with its last leg, then the next level',
    planFor(),
    [leg(0, 'no-answer'), leg(2, 'busy'), leg(1, 'rejected'), leg(3, 'confirmed')],
    [GROUP, 'none', 'none', 'dial Frank/mobile', 'bridge Frank/mobile'],
    'connected: answered by Frank/mobile',
    ['Bob/mobile no-answer', 'Carol/mobile rejected', 'Carol/abroad busy', 'Frank/mobile confirmed'],
  ],
  [
    'a leg picked up but declined is hung up alone; the others keep ringing',
    planFor(),
    [leg(0, 'answered'), leg(0, 'declined'), leg(1, 'answered'), leg(1, 'confirmed')],
    [GROUP, 'none', 'hang-up Bob/mobile', 'none', 'bridge Carol/mobile, drop Carol/abroad'],
    'connected: answered by Carol/mobile',
    ['Bob/mobile declined', 'Carol/mobile confirmed', 'Carol/abroad cancelled'],
  ],
  [
    'an answering machine on the last live leg: the escalation goes on',
    planFor(),
    [leg(0, 'no-answer'), leg(1, 'no-answer'), leg(2, 'machine')],
    [GROUP, 'none', 'none', 'dial Frank/mobile'],
    'ringing: pending',
    ['Bob/mobile no-answer', 'Carol/mobile no-answer', 'Carol/abroad machine', 'Frank/mobile ringing'],
  ],
  [
    'the caller hangs up while the group rings: every live leg is hung up',
    planFor(),
    [leg(1, 'busy'), HUNG_UP, leg(0, 'confirmed')],
    [GROUP, 'none', 'hang-up Bob/mobile + Carol/abroad', 'none'],
    'ended: abandoned at Bob/mobile',
    ['Bob/mobile cancelled', 'Carol/mobile busy', 'Carol/abroad cancelled'],
  ],
  [
    'the caller hangs up with one leg still live: that leg is hung up',
    planFor(),
    [leg(0, 'no-answer'), leg(2, 'no-answer'), leg(1, 'answered'), HUNG_UP],
    [GROUP, 'none', 'none', 'none', 'hang-up Carol/mobile'],
    'ended: abandoned at Bob/mobile',
    ['Bob/mobile no-answer', 'Carol/mobile cancelled', 'Carol/abroad no-answer'],
  ],
  [
    'without confirmation the first pick-up takes the call',
    planFor(undefined, { requireAnswerConfirmation: false }),
    [leg(2, 'answered'), leg(0, 'answered')],
    [GROUP, 'bridge Carol/abroad, drop Bob/mobile + Carol/mobile', 'none'],
    'connected: answered by Carol/abroad',
    ['Bob/mobile cancelled', 'Carol/mobile cancelled', 'Carol/abroad answered'],
  ],
  [
    'replayed events change nothing',
    planFor(),
    [
      leg(0, 'no-answer'),
      leg(0, 'no-answer'),
      leg(1, 'answered'),
      leg(1, 'answered'),
      leg(1, 'confirmed'),
      leg(1, 'confirmed'),
    ],
    [GROUP, 'none', 'none', 'none', 'none', 'bridge Carol/mobile, drop Carol/abroad', 'none'],
    'connected: answered by Carol/mobile',
    ['Bob/mobile no-answer', 'Carol/mobile confirmed', 'Carol/abroad cancelled'],
  ],
  [
    'a level of one person with one number, all at once, rings as usual',
    planFor([personRef(bob), personRef(frank)]),
    [leg(0, 'no-answer'), leg(1, 'confirmed')],
    ['dial Bob/mobile', 'dial Frank/mobile', 'bridge Frank/mobile'],
    'connected: answered by Frank/mobile',
    ['Bob/mobile no-answer', 'Frank/mobile confirmed'],
  ],
  [
    'two all-at-once levels one after the other ring as two groups',
    planFor([teamRef(crew), personRef(alice)], { strategies: ['all-at-once', 'all-at-once'] }),
    [leg(0, 'busy'), leg(1, 'busy'), leg(2, 'busy'), leg(4, 'confirmed')],
    [GROUP, 'none', 'none', 'dial Alice/mobile + Alice/home', 'bridge Alice/home, drop Alice/mobile'],
    'connected: answered by Alice/home',
    ['Bob/mobile busy', 'Carol/mobile busy', 'Carol/abroad busy', 'Alice/mobile cancelled', 'Alice/home confirmed'],
  ],
];

describe('escalation of an all-at-once level (F26)', () => {
  it.each(cases)('%s', (_name, plan, events, actions, end, legs) => {
    const result = run(plan, events);
    expect(result.actions).toEqual(actions);
    expect(showEnd(result.state)).toBe(end);
    expect(showLegs(result.state)).toEqual(legs);
  });

  it('a person at their cap is skipped in the group, logged without ringing; the rest ring together', () => {
    const plan = planFor();
    const result = run(plan, [leg(2, 'confirmed')], { unavailable: new Set(['bob']) });
    expect(result.actions).toEqual(['dial Carol/mobile + Carol/abroad', 'bridge Carol/abroad, drop Carol/mobile']);
    expect(showLegs(result.state)).toEqual([
      'Bob/mobile skipped-busy',
      'Carol/mobile cancelled',
      'Carol/abroad confirmed',
    ]);
  });

  it('a group left with one number rings it alone; with none, the escalation goes past it', () => {
    expect(run(planFor(), [], { unavailable: new Set(['carol']) }).actions).toEqual(['dial Bob/mobile']);
    const past = run(planFor(), [], { unavailable: new Set(['carol', 'bob']) });
    expect(past.actions).toEqual(['dial Frank/mobile']);
    expect(showLegs(past.state)).toEqual([
      'Bob/mobile skipped-busy',
      'Carol/mobile skipped-busy',
      'Carol/abroad skipped-busy',
      'Frank/mobile ringing',
    ]);
  });

  it('tells which legs still ring or announce: every live leg of the group, none once connected', () => {
    const plan = planFor();
    const ringing = run(plan, [leg(1, 'busy'), leg(2, 'answered')]).state;
    expect([0, 1, 2, 3].map((step) => isLegLive(ringing, step))).toEqual([true, false, true, false]);
    const connected = run(plan, [leg(2, 'answered'), leg(2, 'confirmed')]).state;
    expect([0, 1, 2].map((step) => isLegLive(connected, step))).toEqual([false, false, false]);
    const single = run(planFor(undefined, { strategies: [] }), []).state;
    expect([0, 1].map((step) => isLegLive(single, step))).toEqual([true, false]);
  });

  it('records the answerer with its level and team, and leaves no group once past it', () => {
    const { state } = run(planFor(), [leg(0, 'answered'), leg(0, 'confirmed')]);
    expect(state.answeredBy).toEqual({
      step: 0,
      number: '+33622222222',
      personId: 'bob',
      personName: 'Bob',
      via: 'on-call',
      level: 0,
      teamId: 'crew',
    });
    const moved = run(planFor(), [leg(0, 'busy'), leg(1, 'busy'), leg(2, 'busy')]).state;
    expect([moved.step, moved.group]).toEqual([3, undefined]);
    expect('group' in moved).toBe(false);
  });
});
