import { AssigneeRef, directoryOf, HotlineInput } from '../directory';
import { LegOutcome } from '../ports/carrier.port';
import { OnCall } from '../schedule/slot';
import { Instant, MINUTE_MS, parseInstant } from '../shared';
import { aHotline, aPerson, personRef, teamRef } from '../testing';
import { CallPlan, callPlan, planCall } from './call-plan';
import {
  EscalationAction,
  EscalationEvent,
  EscalationState,
  EscalationTransition,
  onEscalationEvent,
  startEscalation,
} from './escalation';
import { OnCallSource } from './on-call-source';
import { alice, bob, carol, crew, directory, pair } from './routing.fixtures';

const AT = parseInstant('2027-10-31T01:30:00Z'); // 02:30 in Paris, the second time that night
const hotline = (options: Partial<HotlineInput> = {}) =>
  aHotline({ id: 'hl-1', supervisorIds: ['dan', 'eve'], ...options });
const planFor = (levels: AssigneeRef[], options: Partial<HotlineInput> = {}): CallPlan =>
  callPlan({ hotline: hotline(options), onCall: { levels, slotId: 'slot-1', overrideIds: [] }, directory, at: AT });

const leg = (step: number, outcome: LegOutcome): EscalationEvent => ({ type: 'leg-outcome', step, outcome });
const HUNG_UP: EscalationEvent = { type: 'caller-hung-up' };
const COMPLETED: EscalationEvent = { type: 'call-completed' };
const recorded = (recording: string): EscalationEvent => ({ type: 'voicemail-recorded', recording });

/** `Name/label` of the dial step at `index`. */
const who = (plan: CallPlan, index: number): string => {
  const step = plan.steps[index];
  return step.kind === 'dial' ? `${step.personName}/${step.label}` : step.kind;
};
const showAction = (plan: CallPlan, action: EscalationAction): string => {
  switch (action.type) {
    case 'dial':
      return `dial ${who(plan, action.step)}`;
    case 'bridge':
      return `bridge ${who(plan, action.step)}`;
    case 'hang-up-leg':
      return `hang-up ${who(plan, action.step)}`;
    case 'dial-group':
    case 'hang-up-legs':
      return action.type; // the all-at-once cases are in escalation-group.spec.ts
    case 'record-voicemail':
      return action.greeting ? 'voicemail+greeting' : 'voicemail';
    case 'play-message':
      return 'message';
    case 'none':
      return 'none';
  }
};
const showEnd = (state: EscalationState): string => {
  const o = state.outcome;
  const outcome = !o
    ? 'pending'
    : o.kind === 'answered'
      ? `answered by ${who(state.plan, o.by.step)}`
      : o.kind === 'voicemail'
        ? `voicemail ${o.recording ?? '(none yet)'}`
        : o.kind === 'abandoned'
          ? `abandoned at ${who(state.plan, o.step)}`
          : 'message';
  return `${state.phase}: ${outcome}`;
};
const showLegs = (state: EscalationState) =>
  state.legs.map((l) => `${who(state.plan, l.step)} ${l.outcome ?? 'ringing'}`);

/** Starts a call and feeds it `events`, storing the state as JSON in between, as the gateway does. */
function run(plan: CallPlan, events: readonly EscalationEvent[]): { state: EscalationState; actions: string[] } {
  let { state, action }: EscalationTransition = startEscalation(plan, 'call-1');
  const actions = [showAction(plan, action)];
  for (const event of events) {
    const stored = JSON.parse(JSON.stringify(state));
    expect(stored).toEqual(state);
    ({ state, action } = onEscalationEvent(stored, event));
    actions.push(showAction(plan, action));
  }
  return { state, actions };
}

const CONFIRM_OFF = { requireAnswerConfirmation: false };
const SUPERVISORS_NONE = { supervisorIds: [] };

type Case = [string, CallPlan, EscalationEvent[], string[], string, string[]];
const cases: Case[] = [
  [
    'answered on the first number, no confirmation asked',
    planFor([personRef(bob)], CONFIRM_OFF),
    [leg(0, 'answered'), HUNG_UP],
    ['dial Bob/mobile', 'bridge Bob/mobile', 'none'],
    'ended: answered by Bob/mobile',
    ['Bob/mobile answered'],
  ],
  [
    'picked up, then 1 pressed',
    planFor([personRef(bob)]),
    [leg(0, 'answered'), leg(0, 'confirmed')],
    ['dial Bob/mobile', 'none', 'bridge Bob/mobile'],
    'connected: answered by Bob/mobile',
    ['Bob/mobile confirmed'],
  ],
  [
    'busy, then the second number answers',
    planFor([personRef(alice)]),
    [leg(0, 'busy'), leg(1, 'confirmed')],
    ['dial Alice/mobile', 'dial Alice/home', 'bridge Alice/home'],
    'connected: answered by Alice/home',
    ['Alice/mobile busy', 'Alice/home confirmed'],
  ],
  [
    'three numbers, the middle one disabled, then a supervisor answers',
    planFor([personRef(carol)]),
    [leg(0, 'no-answer'), leg(1, 'failed'), leg(2, 'confirmed')],
    ['dial Carol/mobile', 'dial Carol/abroad', 'dial Dan/mobile', 'bridge Dan/mobile'],
    'connected: answered by Dan/mobile',
    ['Carol/mobile no-answer', 'Carol/abroad failed', 'Dan/mobile confirmed'],
  ],
  [
    'a team rings its members in order',
    planFor([teamRef(crew)]),
    [leg(0, 'rejected'), leg(1, 'confirmed')],
    ['dial Bob/mobile', 'dial Carol/mobile', 'bridge Carol/mobile'],
    'connected: answered by Carol/mobile',
    ['Bob/mobile rejected', 'Carol/mobile confirmed'],
  ],
  [
    'the same person on two levels is not redialled',
    planFor([personRef(alice), teamRef(pair)]),
    [leg(0, 'no-answer'), leg(1, 'no-answer'), leg(2, 'confirmed')],
    ['dial Alice/mobile', 'dial Alice/home', 'dial Bob/mobile', 'bridge Bob/mobile'],
    'connected: answered by Bob/mobile',
    ['Alice/mobile no-answer', 'Alice/home no-answer', 'Bob/mobile confirmed'],
  ],
  [
    'nobody answers: supervisors, then voicemail without greeting',
    planFor([personRef(bob)]),
    [leg(0, 'no-answer'), leg(1, 'busy'), leg(2, 'no-answer'), HUNG_UP, recorded('rec-1')],
    ['dial Bob/mobile', 'dial Dan/mobile', 'dial Eve/mobile', 'voicemail', 'none', 'none'],
    'ended: voicemail rec-1',
    ['Bob/mobile no-answer', 'Dan/mobile busy', 'Eve/mobile no-answer'],
  ],
  [
    'nobody answers: supervisors, then voicemail with a greeting',
    planFor([personRef(bob)], {
      supervisorIds: ['dan'],
      scenario: [{ kind: 'supervisors' }, { kind: 'voicemail', greeting: { text: 'Leave a message.' } }],
    }),
    [leg(0, 'no-answer'), leg(1, 'no-answer'), recorded('rec-2'), COMPLETED],
    ['dial Bob/mobile', 'dial Dan/mobile', 'voicemail+greeting', 'none', 'none'],
    'ended: voicemail rec-2',
    ['Bob/mobile no-answer', 'Dan/mobile no-answer'],
  ],
  [
    'the caller hangs up during the voicemail greeting: waiting for a recording that may come',
    planFor([personRef(bob)], SUPERVISORS_NONE),
    [leg(0, 'no-answer'), HUNG_UP, COMPLETED],
    ['dial Bob/mobile', 'voicemail', 'none', 'none'],
    'awaiting-recording: voicemail (none yet)',
    ['Bob/mobile no-answer'],
  ],
  [
    'a closing message, then hang up',
    planFor([personRef(bob)], { scenario: [{ kind: 'message', message: { text: 'Please call back later.' } }] }),
    [leg(0, 'no-answer'), COMPLETED],
    ['dial Bob/mobile', 'message', 'none'],
    'ended: message',
    ['Bob/mobile no-answer'],
  ],
  [
    'picked up but 1 not pressed, or something else pressed: next number',
    planFor([teamRef(crew)]),
    [
      leg(0, 'answered'),
      leg(0, 'not-confirmed'),
      leg(1, 'answered'),
      leg(1, 'declined'),
      leg(2, 'answered'),
      leg(2, 'confirmed'),
    ],
    ['dial Bob/mobile', 'none', 'dial Carol/mobile', 'none', 'dial Carol/abroad', 'none', 'bridge Carol/abroad'],
    'connected: answered by Carol/abroad',
    ['Bob/mobile not-confirmed', 'Carol/mobile declined', 'Carol/abroad confirmed'],
  ],
  [
    'an answering machine takes the leg: next number, even without confirmation',
    planFor([personRef(alice)], CONFIRM_OFF),
    [leg(0, 'machine'), leg(1, 'answered')],
    ['dial Alice/mobile', 'dial Alice/home', 'bridge Alice/home'],
    'connected: answered by Alice/home',
    ['Alice/mobile machine', 'Alice/home answered'],
  ],
  [
    'nobody on call: straight to the supervisors',
    planFor([]),
    [leg(0, 'confirmed')],
    ['dial Dan/mobile', 'bridge Dan/mobile'],
    'connected: answered by Dan/mobile',
    ['Dan/mobile confirmed'],
  ],
  [
    'nobody on call and no supervisors: straight to voicemail',
    planFor([], SUPERVISORS_NONE),
    [recorded('rec-3')],
    ['voicemail', 'none'],
    'ended: voicemail rec-3',
    [],
  ],
  [
    'the caller hangs up mid-cascade',
    planFor([personRef(alice)]),
    [leg(0, 'busy'), HUNG_UP, leg(1, 'no-answer'), COMPLETED],
    ['dial Alice/mobile', 'dial Alice/home', 'hang-up Alice/home', 'none', 'none'],
    'ended: abandoned at Alice/home',
    ['Alice/mobile busy', 'Alice/home cancelled'],
  ],
  [
    'the caller hangs up while the callee hears the announcement',
    planFor([personRef(bob)]),
    [leg(0, 'answered'), COMPLETED, leg(0, 'confirmed')],
    ['dial Bob/mobile', 'none', 'hang-up Bob/mobile', 'none'],
    'ended: abandoned at Bob/mobile',
    ['Bob/mobile cancelled'],
  ],
];

describe('escalation: every path through a call', () => {
  it.each(cases)('%s', (_name, plan, events, actions, end, legs) => {
    const result = run(plan, events);
    expect(result.actions).toEqual(actions);
    expect(showEnd(result.state)).toBe(end);
    expect(showLegs(result.state)).toEqual(legs);
  });

  it('records who answered: person, number, level and the team they were rung through', () => {
    const { state } = run(planFor([teamRef(crew)]), [leg(0, 'busy'), leg(1, 'confirmed')]);
    const by = {
      step: 1,
      number: '+33633333333',
      personId: 'carol',
      personName: 'Carol',
      via: 'on-call',
      level: 0,
      teamId: 'crew',
    };
    expect(state.answeredBy).toEqual(by);
    expect(state.outcome).toEqual({ kind: 'answered', by });
  });

  it('dials with the ring timeout of the number and the confirmation rule of the hotline', () => {
    const timed = aPerson({
      id: 'timed',
      name: 'Timed',
      numbers: [{ number: '+33688888888', ringTimeoutSeconds: 40 }],
    });
    const plan = callPlan({
      hotline: hotline(),
      onCall: { levels: [personRef(timed)], slotId: null, overrideIds: [] },
      directory: directoryOf([timed]),
      at: AT,
    });
    expect(startEscalation(plan, 'call-9').action).toEqual({
      type: 'dial',
      step: 0,
      number: '+33688888888',
      ringTimeoutSeconds: 40,
      requireConfirmation: true,
    });
  });

  it('never dials a number twice in one call, even when the plan lists it twice', () => {
    const plan = planFor([personRef(alice)], SUPERVISORS_NONE);
    const [mobile, home, voicemail] = plan.steps;
    if (mobile.kind !== 'dial') throw new Error('the plan should start with a dial step');
    const twice: CallPlan = { ...plan, steps: [mobile, home, { ...mobile, label: 'again' }, voicemail] };
    expect(run(twice, [leg(0, 'busy'), leg(1, 'busy')]).actions).toEqual([
      'dial Alice/mobile',
      'dial Alice/home',
      'voicemail',
    ]);
  });
});

describe('escalation: stale, duplicated and reordered events', () => {
  it.each(cases)(
    '%s: delivering every event twice, or the whole sequence twice, ends the same',
    (_name, plan, events) => {
      const once = run(plan, events).state;
      expect(
        run(
          plan,
          events.flatMap((e) => [e, e]),
        ).state,
      ).toEqual(once);
      expect(run(plan, [...events, ...events]).state).toEqual(once);
    },
  );

  const plan = planFor([personRef(alice)]);
  const base = [leg(0, 'busy'), leg(1, 'no-answer'), leg(2, 'confirmed')];
  it.each<[string, EscalationEvent[]]>([
    ['a late duplicate of an earlier step', [leg(0, 'busy'), leg(1, 'no-answer'), leg(0, 'busy'), leg(2, 'confirmed')]],
    [
      'stale events for earlier steps, in swapped order',
      [leg(0, 'busy'), leg(1, 'no-answer'), leg(1, 'answered'), leg(0, 'no-answer'), leg(2, 'confirmed')],
    ],
    [
      'an event for a step not dialled yet',
      [leg(0, 'busy'), leg(3, 'confirmed'), leg(1, 'no-answer'), leg(2, 'confirmed')],
    ],
    [
      'a recording reported while a number rings',
      [leg(0, 'busy'), recorded('rec-x'), leg(1, 'no-answer'), leg(2, 'confirmed')],
    ],
    ['events after connection', [...base, leg(2, 'busy'), leg(1, 'answered'), recorded('rec-x')]],
  ])('%s: same state as without them', (_name, events) => {
    expect(run(plan, events).state).toEqual(run(plan, base).state);
  });

  it.each<[string, EscalationEvent[], EscalationEvent]>([
    ['an outcome for an earlier step', [leg(0, 'busy')], leg(0, 'no-answer')],
    ['a second pick-up while waiting for 1', [leg(0, 'answered')], leg(0, 'answered')],
    ['a second confirmation once connected', [leg(0, 'confirmed')], leg(0, 'confirmed')],
  ])('%s returns the very same state and no action', (_name, before, stale) => {
    const { state } = run(plan, before);
    const after = onEscalationEvent(state, stale);
    expect(after.state).toBe(state);
    expect(after.action).toEqual({ type: 'none' });
  });

  it.each<[string, CallPlan, EscalationEvent[]]>([
    ['answered', plan, [leg(0, 'confirmed'), HUNG_UP]],
    ['voicemail', plan, [leg(0, 'busy'), leg(1, 'busy'), leg(2, 'busy'), leg(3, 'busy'), recorded('rec-1')]],
    ['message', planFor([], { scenario: [{ kind: 'message', message: { text: 'Closed.' } }] }), []],
    ['abandoned', plan, [HUNG_UP]],
  ])('once ended (%s), no event changes anything', (_name, endedPlan, events) => {
    const ended = run(endedPlan, [...events, COMPLETED]).state;
    expect(ended.phase).toBe('ended');
    for (const event of [
      leg(ended.step, 'confirmed'),
      leg(ended.step, 'busy'),
      HUNG_UP,
      COMPLETED,
      recorded('rec-late'),
    ]) {
      expect(onEscalationEvent(ended, event)).toEqual({ state: ended, action: { type: 'none' } });
    }
  });
});

describe('escalation: a live call follows its snapshot', () => {
  /** A schedule whose on-call list the test changes while a call is under way. */
  class ChangingSchedule implements OnCallSource {
    levels: AssigneeRef[] = [];
    onCallAt(_at: Instant): OnCall {
      return { levels: this.levels, slotId: `slot-${this.levels.map((l) => l.id).join('-')}`, overrideIds: [] };
    }
  }

  it('keeps ringing the plan it started with after the schedule changes; the next call follows the change (F7)', () => {
    const schedule = new ChangingSchedule();
    schedule.levels = [personRef(bob)];
    const plan = planCall({ hotline: hotline(), schedule, directory, at: AT });
    const started = startEscalation(plan, 'call-1');

    schedule.levels = [personRef(alice)]; // "send calls to Alice from now on"

    const next = onEscalationEvent(started.state, leg(0, 'no-answer'));
    expect(showAction(plan, next.action)).toBe('dial Dan/mobile');
    expect(next.state.plan).toEqual(plan);
    expect(next.state.plan.slotId).toBe('slot-bob');
    const nextCall = planCall({ hotline: hotline(), schedule, directory, at: AT + MINUTE_MS });
    expect(showAction(nextCall, startEscalation(nextCall, 'call-2').action)).toBe('dial Alice/mobile');
  });
});

describe('escalation: refused input', () => {
  const plan = planFor([personRef(bob)]);
  const [dial, ...scenario] = plan.steps;
  it.each<[string, () => unknown, string, string]>([
    [
      'a plan without a final step',
      () => startEscalation({ ...plan, steps: [dial] }, 'call-1'),
      'INVALID_PLAN',
      'plan.steps[0]',
    ],
    [
      'a plan with a final step before the end',
      () => startEscalation({ ...plan, steps: [scenario[scenario.length - 1], dial, ...scenario] }, 'call-1'),
      'INVALID_PLAN',
      'plan.steps[0]',
    ],
    ['a plan without steps', () => startEscalation({ ...plan, steps: [] }, 'call-1'), 'INVALID_PLAN', 'plan.steps'],
    ['a call id that is not an id', () => startEscalation(plan, 'call 1'), 'INVALID_ID', 'callId'],
    [
      'an unknown leg outcome',
      () => onEscalationEvent(startEscalation(plan, 'c').state, leg(0, 'completed' as LegOutcome)),
      'INVALID_EVENT',
      'event.outcome',
    ],
    [
      'a negative step',
      () => onEscalationEvent(startEscalation(plan, 'c').state, leg(-1, 'busy')),
      'INVALID_EVENT',
      'event.step',
    ],
    [
      'a recording without a reference',
      () => onEscalationEvent(startEscalation(plan, 'c').state, recorded(' ')),
      'INVALID_EVENT',
      'event.recording',
    ],
    [
      'an unknown event',
      () => onEscalationEvent(startEscalation(plan, 'c').state, { type: 'ringing' } as unknown as EscalationEvent),
      'INVALID_EVENT',
      'event.type',
    ],
  ])('%s', (_name, act, code, field) => {
    expect(act).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));
  });
});
