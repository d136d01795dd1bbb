import { AssigneeRef, HotlineInput } from '../directory';
import { LegOutcome } from '../ports/carrier.port';
import { parseInstant } from '../shared';
import { aHotline, personRef } from '../testing';
import { CallPlan, callPlan } from './call-plan';
import {
  CallFact,
  CallRecord,
  CallTimeline,
  callComment,
  callRecord,
  startCallTimeline,
  updateCallTimeline,
} from './call-log';
import { EscalationEvent, EscalationState, onEscalationEvent, startEscalation } from './escalation';
import { alice, bob, directory } from './routing.fixtures';

// 02:30 in Paris on the night clocks go back: the log only holds instants, so the hour comes twice harmlessly.
const T0 = '2027-10-31T01:30:00Z';
const at = (seconds: number): number => parseInstant(T0) + seconds * 1000;
const planFor = (levels: AssigneeRef[], options: Partial<HotlineInput> = {}): CallPlan =>
  callPlan({
    hotline: aHotline({ id: 'hl-1', name: 'Boiler room', supervisorIds: ['dan'], ...options }),
    onCall: { levels, slotId: 'slot-1', overrideIds: [] },
    directory,
    at: at(0),
  });

/** An event as the carrier reports it: what the state machine is told, and the fact the timeline keeps. */
interface Delivery {
  readonly event: EscalationEvent;
  readonly fact: CallFact;
}
const ended = (
  s: number,
  step: number,
  { outcome, detail = null, sipCode = null }: { outcome: LegOutcome; detail?: string | null; sipCode?: number | null },
): Delivery => ({
  event: { type: 'leg-outcome', step, outcome },
  fact: { kind: 'leg-ended', step, at: at(s), detail, sipCode, carrierLegId: `leg-${step}` },
});
const picked = (s: number, step: number): Delivery => ({
  event: { type: 'leg-outcome', step, outcome: 'answered' },
  fact: { kind: 'leg-answered', step, at: at(s), carrierLegId: `leg-${step}` },
});
const pressed = (s: number, step: number, outcome: 'confirmed' | 'declined' | 'not-confirmed'): Delivery => ({
  event: { type: 'leg-outcome', step, outcome },
  fact: { kind: 'confirmation', step, at: at(s) },
});
const hungUp = (s: number, durationSeconds: number | null = null): Delivery => ({
  event: { type: 'call-completed' },
  fact: { kind: 'call-ended', at: at(s), durationSeconds },
});
const recorded = (s: number, recording: string): Delivery => ({
  event: { type: 'voicemail-recorded', recording },
  fact: { kind: 'recording', at: at(s) },
});

/** Starts the call at T0 and applies each delivery as the inbound call service does, through JSON. */
function replay(plan: CallPlan, deliveries: readonly Delivery[], caller: string | null = '+33612345678'): CallRecord {
  let state: EscalationState = startEscalation(plan, 'call-1').state;
  let timeline: CallTimeline = startCallTimeline(state, at(0));
  for (const { event, fact } of deliveries) {
    const stored = JSON.parse(JSON.stringify({ state, timeline }));
    const next = onEscalationEvent(stored.state, event).state;
    timeline = updateCallTimeline(stored.timeline, { before: stored.state, after: next, fact });
    state = next;
  }
  return callRecord({
    id: 'call-1',
    accountId: 'acct-test',
    hotlineId: 'hl-1',
    carrier: 'simulator',
    carrierCallId: 'sim-1',
    caller,
    planSource: 'schedule',
    state,
    timeline,
    comments: [],
  });
}

const legs = (record: CallRecord) =>
  record.legs.map((l) => `${l.personName}/${l.label} ${l.outcome} rang ${l.ringSeconds ?? '-'}s`);

describe('call log: a record from the escalation and the instants of its events', () => {
  it.each<[string, CallPlan, Delivery[], Partial<CallRecord>, string[]]>([
    [
      'answered on the first number after pressing 1',
      planFor([personRef(bob)]),
      [picked(12, 0), pressed(15, 0, 'confirmed'), hungUp(95, 95)],
      { outcome: 'answered', answeredAt: at(15), endedAt: at(95), timeToAnswerSeconds: 15, durationSeconds: 95 },
      ['Bob/mobile confirmed rang 12s'],
    ],
    [
      'busy, then the second number answers',
      planFor([personRef(alice)]),
      [ended(3, 0, { outcome: 'busy', sipCode: 486 }), picked(10, 1), pressed(14, 1, 'confirmed'), hungUp(74)],
      { outcome: 'answered', timeToAnswerSeconds: 14, durationSeconds: 74 },
      ['Alice/mobile busy rang 3s', 'Alice/home confirmed rang 7s'],
    ],
    [
      'nobody answers: the supervisor, then a voicemail',
      planFor([personRef(bob)]),
      [
        ended(30, 0, { outcome: 'no-answer', detail: 'timeout' }),
        ended(60, 1, { outcome: 'no-answer', detail: 'unavailable' }),
        recorded(85, 'rec-1'),
        hungUp(86, 86),
      ],
      {
        outcome: 'voicemail',
        voicemailRecording: 'rec-1',
        answeredAt: null,
        timeToAnswerSeconds: null,
        durationSeconds: 86,
      },
      ['Bob/mobile no-answer rang 30s', 'Dan/mobile no-answer rang 30s'],
    ],
    [
      'the caller hangs up while the number rings',
      planFor([personRef(bob)]),
      [hungUp(8)],
      { outcome: 'abandoned', endedAt: at(8), durationSeconds: 8 },
      ['Bob/mobile cancelled rang 8s'],
    ],
    [
      'an answering machine takes the leg',
      planFor([personRef(alice)]),
      [picked(5, 0), ended(9, 0, { outcome: 'machine' }), picked(20, 1), pressed(22, 1, 'confirmed')],
      { outcome: 'answered', endedAt: null, durationSeconds: null },
      ['Alice/mobile machine rang 5s', 'Alice/home confirmed rang 11s'],
    ],
    [
      'still ringing',
      planFor([personRef(bob)]),
      [],
      { outcome: 'in-progress', answeredAt: null, endedAt: null, durationSeconds: null },
      ['Bob/mobile ringing rang -s'],
    ],
  ])('%s', (_name, plan, deliveries, expected, expectedLegs) => {
    const record = replay(plan, deliveries);
    expect(record).toMatchObject(expected);
    expect(legs(record)).toEqual(expectedLegs);
  });

  it('keeps the carrier details of a leg that did not connect, and who answered', () => {
    const record = replay(planFor([personRef(alice)]), [
      ended(3, 0, { outcome: 'busy', sipCode: 486 }),
      ended(33, 1, { outcome: 'rejected', detail: 'declined', sipCode: 603 }),
      pressed(40, 2, 'confirmed'),
    ]);
    expect(record.legs.map((l) => [l.outcome, l.detail, l.sipCode, l.startedAt, l.endedAt])).toEqual([
      ['busy', null, 486, at(0), at(3)],
      ['rejected', 'declined', 603, at(3), at(33)],
      ['confirmed', null, null, at(33), null],
    ]);
    expect(record.answeredBy).toMatchObject({ personId: 'dan', via: 'supervisor', step: 2 });
    expect(record).toMatchObject({
      hotlineName: 'Boiler room',
      hotlineNumber: '+33140000000',
      carrier: 'simulator',
      carrierCallId: 'sim-1',
    });
  });

  it('keeps a withheld caller as null', () => {
    expect(replay(planFor([personRef(bob)]), [], null).caller).toBeNull();
  });

  it('takes the measured length when the carrier gives none', () => {
    expect(replay(planFor([personRef(bob)]), [pressed(4, 0, 'confirmed'), hungUp(64)]).durationSeconds).toBe(64);
  });
});

describe('call log: duplicated and reordered deliveries give the same record', () => {
  const plan = planFor([personRef(alice)]);
  const sequences: [string, Delivery[]][] = [
    [
      'answered after a busy number',
      [ended(3, 0, { outcome: 'busy', sipCode: 486 }), picked(10, 1), pressed(14, 1, 'confirmed'), hungUp(74, 74)],
    ],
    [
      'voicemail',
      [
        ended(20, 0, { outcome: 'no-answer' }),
        ended(50, 1, { outcome: 'no-answer' }),
        ended(80, 2, { outcome: 'busy' }),
        recorded(99, 'rec-9'),
        hungUp(100, 100),
      ],
    ],
    ['abandoned', [ended(20, 0, { outcome: 'failed', detail: 'cannot_route', sipCode: 404 }), hungUp(30, 30)]],
  ];

  it.each(sequences)('%s: every delivery twice', (_name, deliveries) => {
    expect(
      replay(
        plan,
        deliveries.flatMap((d) => [d, d]),
      ),
    ).toEqual(replay(plan, deliveries));
  });

  it.each(sequences)('%s: the whole sequence delivered again', (_name, deliveries) => {
    expect(replay(plan, [...deliveries, ...deliveries])).toEqual(replay(plan, deliveries));
  });

  it.each<[string, Delivery[], Delivery[]]>([
    [
      'the pick-up reported after the key press',
      [picked(10, 0), pressed(14, 0, 'confirmed'), hungUp(74, 74)],
      [pressed(14, 0, 'confirmed'), picked(10, 0), hungUp(74, 74)],
    ],
    [
      'the end of the call before the recording',
      [
        ended(20, 0, { outcome: 'no-answer' }),
        ended(50, 1, { outcome: 'no-answer' }),
        ended(80, 2, { outcome: 'busy' }),
        recorded(99, 'rec-9'),
        hungUp(100, 100),
      ],
      [
        ended(20, 0, { outcome: 'no-answer' }),
        ended(50, 1, { outcome: 'no-answer' }),
        ended(80, 2, { outcome: 'busy' }),
        hungUp(100, 100),
        recorded(99, 'rec-9'),
      ],
    ],
    [
      'two reports of the end, the later one first',
      [pressed(14, 0, 'confirmed'), hungUp(74, 74), hungUp(75, 75)],
      [pressed(14, 0, 'confirmed'), hungUp(75, 75), hungUp(74, 74)],
    ],
  ])('%s', (_name, inOrder, reordered) => {
    expect(replay(plan, reordered)).toEqual(replay(plan, inOrder));
  });

  it('ignores a stale outcome for a leg that has moved on, details included', () => {
    const base = [ended(3, 0, { outcome: 'busy', sipCode: 486 }), picked(10, 1)];
    expect(replay(plan, [...base, ended(11, 0, { outcome: 'failed', detail: 'cannot_route', sipCode: 404 })])).toEqual(
      replay(plan, base),
    );
  });
});

describe('call log: a leg the carrier placed itself (an all-at-once group)', () => {
  const plan = planFor([personRef(alice), personRef(bob)]);
  const start = startEscalation(plan, 'call-1').state;
  const placed = (s: number, step: number, carrierLegId: string): CallFact => ({
    kind: 'leg-placed',
    step,
    at: at(s),
    carrierLegId,
  });
  const legOf = (timeline: CallTimeline) => timeline.legs.find((leg) => leg.step === 0);

  it.each<[string, readonly CallFact[], string | null]>([
    ['placed: its id, to hang it up from any instance', [placed(1, 0, 'uuid-a')], 'uuid-a'],
    ['placed twice (a retry): the first id stays', [placed(1, 0, 'uuid-a'), placed(2, 0, 'uuid-b')], 'uuid-a'],
    ['a step no leg has: nothing', [placed(1, 7, 'uuid-a')], null],
  ])('%s', (_name, facts, expected) => {
    let timeline = startCallTimeline(start, at(0));
    for (const fact of facts) timeline = updateCallTimeline(timeline, { before: start, after: start, fact });
    expect(legOf(timeline)).toMatchObject({ carrierLegId: expected, answeredAt: null, endedAt: null });
    expect(timeline.legs.some((leg) => leg.step === 7)).toBe(false);
  });
});

describe('call comments', () => {
  const author = { kind: 'user', id: 'u-1' } as const;
  it('trims the text and keeps author and instant', () => {
    expect(callComment({ id: 'c-1', author, text: '  Called back, boiler fixed. ', at: at(0) })).toEqual({
      id: 'c-1',
      author,
      text: 'Called back, boiler fixed.',
      at: at(0),
    });
  });

  it.each<[string, Parameters<typeof callComment>[0], string, string]>([
    ['an empty text', { id: 'c-1', author, text: '  ', at: at(0) }, 'REQUIRED', 'text'],
    ['a text too long', { id: 'c-1', author, text: 'x'.repeat(2001), at: at(0) }, 'TOO_LONG', 'text'],
    ['a bad id', { id: 'c 1', author, text: 'ok', at: at(0) }, 'INVALID_ID', 'id'],
  ])('refuses %s', (_name, input, code, field) => {
    expect(() => callComment(input)).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));
  });
});
