// A hotline's call history as the inbound service stores it: each call started on a plan snapshot
// (three on-call levels, a supervisor, voicemail) and moved by carrier events through the domain's
// escalation, so outcomes, legs and timelines are the product's own.
import {
  CallFact,
  CallPlan,
  DialStep,
  EscalationEvent,
  Hotline,
  Instant,
  Person,
  onEscalationEvent,
  startCallTimeline,
  startEscalation,
  updateCallTimeline,
} from '@dutyline/domain';
import type { StoredCall } from '@dutyline/application';
import { Random, between, seededRandom } from '../bench/support/domain-fixtures';

const DAY = 86_400_000;

export interface CallHistoryRequest {
  readonly hotline: Hotline;
  readonly people: readonly Person[];
  /** The history ends here (excluded). */
  readonly until: Instant;
  readonly days: number;
  /** On average; each day has between none and twice as many. */
  readonly callsPerDay: number;
  readonly seed: number;
}

type Ending = 'answered' | 'voicemail' | 'abandoned';

/** The calls of `days` days before `until`, oldest first; the same request gives the same calls. */
export function callHistory(request: CallHistoryRequest): StoredCall[] {
  const { hotline, until, days, callsPerDay } = request;
  const random = seededRandom(request.seed);
  const plan = planTemplate(hotline, request.people);
  const calls: StoredCall[] = [];
  const start = until - days * DAY;
  for (let d = 0; d < days; d++) {
    const count = between(random, 0, 2 * callsPerDay);
    const times = Array.from({ length: count }, () => start + d * DAY + Math.floor(random() * (DAY - 3_600_000)));
    for (const at of times.sort((a, b) => a - b))
      calls.push(storedCall(random, { plan: { ...plan, at }, id: `${hotline.id}-c${calls.length}`, at }));
  }
  return calls;
}

/** The hotline's usual plan: the first number of three people as levels 0 to 2, a supervisor, voicemail. */
function planTemplate(line: Hotline, people: readonly Person[]): CallPlan {
  const reachable = people.filter((p) => p.contactNumbers.length > 0);
  const supervisor = people.find((p) => p.id === line.supervisorIds[0]);
  const levels = reachable.filter((p) => p !== supervisor).slice(0, 3);
  const dial = (p: Person, level: number | null): DialStep => ({
    kind: 'dial',
    number: p.contactNumbers[0].number.e164,
    label: p.contactNumbers[0].label,
    ringTimeoutSeconds: p.contactNumbers[0].ringTimeout.seconds,
    personId: p.id,
    personName: p.name,
    via: level === null ? 'supervisor' : 'on-call',
    level,
    teamId: null,
  });
  return {
    hotline: {
      id: line.id,
      accountId: line.accountId,
      name: line.name,
      number: line.number.e164,
      language: line.language,
    },
    at: 0,
    slotId: null,
    overrideIds: [],
    greeting: null,
    requireAnswerConfirmation: line.requireAnswerConfirmation,
    callerIdMode: line.callerIdMode,
    steps: [
      ...levels.map((p, level) => dial(p, level)),
      ...(supervisor ? [dial(supervisor, null)] : []),
      { kind: 'voicemail', greeting: null },
    ],
    route: { dialled: line.number.e164, entryHotlineId: line.id, via: 'direct' },
  };
}

function storedCall(random: Random, { plan, id, at }: { plan: CallPlan; id: string; at: Instant }): StoredCall {
  const roll = random();
  const ending: Ending = roll < 0.75 ? 'answered' : roll < 0.9 ? 'voicemail' : 'abandoned';
  let { state } = startEscalation(plan, id);
  let timeline = startCallTimeline(state, at);
  let t = at;
  const apply = (event: EscalationEvent, fact: CallFact) => {
    const next = onEscalationEvent(state, event).state;
    timeline = updateCallTimeline(timeline, { before: state, after: next, fact });
    state = next;
  };
  const unanswered = ending === 'voicemail' ? Infinity : ending === 'answered' && random() < 0.25 ? 1 : 0;
  for (let k = 0; k < unanswered && state.phase === 'ringing'; k++) {
    t += between(random, 10, 30) * 1000;
    apply(
      { type: 'leg-outcome', step: state.step, outcome: 'no-answer' },
      { kind: 'leg-ended', step: state.step, at: t },
    );
  }
  if (ending === 'answered' && state.phase === 'ringing') {
    const step = state.step;
    t += between(random, 4, 20) * 1000;
    apply({ type: 'leg-outcome', step, outcome: 'confirmed' }, { kind: 'confirmation', step, at: t });
    const talked = between(random, 30, 600);
    t += talked * 1000;
    apply({ type: 'call-completed' }, { kind: 'call-ended', at: t, durationSeconds: Math.round((t - at) / 1000) });
  } else {
    t += between(random, 3, 60) * 1000;
    apply({ type: 'call-completed' }, { kind: 'call-ended', at: t });
    if (ending === 'voicemail')
      apply(
        { type: 'voicemail-recorded', recording: `https://fleet.example/recordings/${id}` },
        { kind: 'recording', at: t + 2000 },
      );
  }
  return {
    id,
    version: 1,
    accountId: plan.hotline.accountId,
    hotlineId: plan.hotline.id,
    hotlineNumber: plan.hotline.number,
    carrier: 'vonage',
    carrierCallId: id,
    caller: `+3361${String(between(random, 0, 9_999_999)).padStart(7, '0')}`,
    planSource: 'schedule',
    state,
    timeline,
    comments: [],
    // As the inbound service leaves it: the reply to the carrier's last event.
    lastReply: { key: ending === 'voicemail' ? 'recording' : 'call-ended', instruction: { kind: 'nothing' } },
  };
}
