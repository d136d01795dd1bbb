import { AuditActor } from '../ports/audit-log.port';
import { LegOutcome } from '../ports/carrier.port';
import { Id, Instant, assertId, assertInstant, requireText } from '../shared';
import { DialStep } from './call-plan';
import { Answerer, EscalationState, LegRecord } from './escalation';
import type { CallRoute } from './route-call';

/*
 * The call log (F17): what happened to one call, derived from its escalation state and the instants
 * of the events that moved it. The state says *what* happened; the timeline says *when*. Both are
 * plain JSON, stored together with the call.
 */

/** When one dialled leg started ringing, was picked up and ended, with the carrier's reason. */
export interface LegTimeline {
  readonly step: number;
  readonly startedAt: Instant;
  readonly answeredAt: Instant | null;
  readonly endedAt: Instant | null;
  /** The carrier's reason for a leg that did not connect (`unavailable`, `declined`, `cannot_route`, …). */
  readonly detail: string | null;
  readonly sipCode: number | null;
  /** The carrier's id for the leg, when it reported one (needed to hang it up). */
  readonly carrierLegId: string | null;
}

/** The instants of a call that its escalation state does not keep. Plain JSON. */
export interface CallTimeline {
  readonly startedAt: Instant;
  /** When the caller was put through to someone. */
  readonly answeredAt: Instant | null;
  /** When the caller's leg ended. */
  readonly endedAt: Instant | null;
  /** The caller's leg length as the carrier reported it. */
  readonly durationSeconds: number | null;
  readonly legs: readonly LegTimeline[];
}

/**
 * Something the carrier reported, with its instant (the carrier's own timestamp when it gives one,
 * so a late or repeated delivery records the same instant).
 */
export type CallFact =
  | {
      readonly kind: 'leg-answered';
      readonly step: number;
      readonly at: Instant;
      readonly carrierLegId?: string | null;
    }
  | {
      readonly kind: 'leg-ended';
      readonly step: number;
      readonly at: Instant;
      readonly detail?: string | null;
      readonly sipCode?: number | null;
      readonly carrierLegId?: string | null;
    }
  | { readonly kind: 'confirmation'; readonly step: number; readonly at: Instant }
  /** The carrier placed the leg of `step` itself (an all-at-once group's REST call): its id, to hang it up from anywhere. */
  | { readonly kind: 'leg-placed'; readonly step: number; readonly at: Instant; readonly carrierLegId: string }
  | { readonly kind: 'recording'; readonly at: Instant }
  | { readonly kind: 'call-ended'; readonly at: Instant; readonly durationSeconds?: number | null };

/** The timeline of a call that has just started on `state` (its first leg, if any, rings from `at`). */
export function startCallTimeline(state: EscalationState, at: Instant): CallTimeline {
  assertInstant(at, 'at');
  const empty: CallTimeline = { startedAt: at, answeredAt: null, endedAt: null, durationSeconds: null, legs: [] };
  return withNewLegs(empty, state, at);
}

/**
 * The timeline after `fact` moved the call from `before` to `after`. What the state machine accepted
 * is stamped with the fact's instant: a leg dialled, a leg's outcome, the connection. Facts that do
 * not depend on the state (a pick-up, the end of the call) keep the earliest instant reported and the
 * first details. A duplicated or stale event leaves the state unchanged and stamps nothing new, and
 * the earliest-instant rule makes the result independent of the order of delivery.
 */
export function updateCallTimeline(
  timeline: CallTimeline,
  { before, after, fact }: { before: EscalationState; after: EscalationState; fact: CallFact },
): CallTimeline {
  assertInstant(fact.at, 'fact.at');
  const at = fact.at;
  let next = withNewLegs(timeline, after, at);

  const previous = new Map(before.legs.map((leg) => [leg.step, leg.outcome]));
  for (const leg of after.legs) {
    if (previous.get(leg.step) === leg.outcome || leg.outcome === null) continue;
    next = mapLeg(next, leg.step, (entry) => stampOutcome(entry, leg.outcome!, fact));
  }
  if (after.phase === 'connected' && before.phase !== 'connected')
    next = { ...next, answeredAt: earliest(next.answeredAt, at) };

  switch (fact.kind) {
    case 'leg-answered': {
      // A pick-up reported late still counts, unless the leg is known not to have been picked up.
      const outcome = after.legs.find((leg) => leg.step === fact.step)?.outcome ?? null;
      const pickedUp = outcome === null || PICKED_UP.includes(outcome);
      return mapLeg(next, fact.step, (entry) => ({
        ...entry,
        answeredAt: pickedUp ? earliest(entry.answeredAt, at) : entry.answeredAt,
        carrierLegId: entry.carrierLegId ?? fact.carrierLegId ?? null,
      }));
    }
    case 'leg-ended':
    case 'leg-placed':
      return mapLeg(next, fact.step, (entry) => ({
        ...entry,
        carrierLegId: entry.carrierLegId ?? fact.carrierLegId ?? null,
      }));
    case 'call-ended': {
      // The earliest report of the end wins, with its duration when it carries one.
      const reported = wholeSeconds(fact.durationSeconds);
      const isEarliest = next.endedAt === null || at < next.endedAt;
      const ended: CallTimeline = {
        ...next,
        endedAt: earliest(next.endedAt, at),
        durationSeconds: isEarliest ? (reported ?? next.durationSeconds) : (next.durationSeconds ?? reported),
      };
      // The leg the caller was talking to ends with the call.
      const by = after.answeredBy;
      return by ? mapLeg(ended, by.step, (entry) => ({ ...entry, endedAt: earliest(entry.endedAt, at) })) : ended;
    }
    default:
      return next;
  }
}

/** Outcomes of a leg that was picked up. */
const PICKED_UP: readonly LegRecord['outcome'][] = ['answered', 'confirmed', 'machine', 'declined', 'not-confirmed'];

/** The leg's outcome stamped with the instant of the fact that reported it. */
function stampOutcome(entry: LegTimeline, outcome: NonNullable<LegRecord['outcome']>, fact: CallFact): LegTimeline {
  const at = fact.at;
  if (outcome === 'answered' || outcome === 'confirmed')
    return { ...entry, answeredAt: earliest(entry.answeredAt, at) };
  const details =
    fact.kind === 'leg-ended' && fact.step === entry.step
      ? { detail: entry.detail ?? fact.detail ?? null, sipCode: entry.sipCode ?? fact.sipCode ?? null }
      : {};
  return { ...entry, ...details, endedAt: earliest(entry.endedAt, at) };
}

function withNewLegs(timeline: CallTimeline, state: EscalationState, at: Instant): CallTimeline {
  const known = new Set(timeline.legs.map((leg) => leg.step));
  const added = state.legs
    .filter((leg) => !known.has(leg.step))
    .map((leg): LegTimeline => ({
      step: leg.step,
      startedAt: at,
      answeredAt: null,
      // A leg skipped without ringing ends where it starts.
      endedAt: leg.outcome === 'skipped-busy' ? at : null,
      detail: null,
      sipCode: null,
      carrierLegId: null,
    }));
  return added.length === 0 ? timeline : { ...timeline, legs: [...timeline.legs, ...added] };
}

function mapLeg(timeline: CallTimeline, step: number, change: (leg: LegTimeline) => LegTimeline): CallTimeline {
  if (!timeline.legs.some((leg) => leg.step === step)) return timeline;
  return { ...timeline, legs: timeline.legs.map((leg) => (leg.step === step ? change(leg) : leg)) };
}

const earliest = (current: Instant | null, at: Instant): Instant => (current === null ? at : Math.min(current, at));

const wholeSeconds = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;

// ---------------------------------------------------------------------------------------------
// The record a supervisor reads

/**
 * How a call went, for the log: `in-progress` while a number rings; `answered` once put through;
 * `voicemail` on reaching the voicemail (the recording is filled in when reported, and stays null if
 * the caller left without a message); `message` for a closing message; `abandoned` when the caller
 * hung up while a number rang.
 */
export type CallOutcome = 'in-progress' | 'answered' | 'voicemail' | 'message' | 'abandoned';

/** Where the plan of a call came from: the schedule, or a fallback while the store was unreachable. */
export type CallPlanSource = 'schedule' | 'last-known' | 'emergency';

/** One number dialled during a call. */
export interface CallLeg {
  readonly step: number;
  readonly personId: Id;
  readonly personName: string;
  /** E.164 */
  readonly number: string;
  readonly label: string;
  readonly via: DialStep['via'];
  readonly level: number | null;
  readonly teamId: Id | null;
  readonly startedAt: Instant;
  readonly answeredAt: Instant | null;
  readonly endedAt: Instant | null;
  /** From the first ring to the pick-up, or to the end when nobody picked up; null while it rings. */
  readonly ringSeconds: number | null;
  /** `ringing` until the leg has an outcome; `skipped-busy`: not rung, the person was on another call. */
  readonly outcome: LegOutcome | 'cancelled' | 'skipped-busy' | 'ringing';
  readonly detail: string | null;
  readonly sipCode: number | null;
}

/** A note a supervisor left on a call (F17). */
export interface CallComment {
  readonly id: Id;
  readonly author: AuditActor;
  readonly text: string;
  readonly at: Instant;
}

export interface CallRecord {
  readonly id: Id;
  /** Null when the call could not be tied to a hotline (its number unknown while the store was down). */
  readonly accountId: Id | null;
  readonly hotlineId: Id | null;
  readonly hotlineName: string;
  readonly hotlineNumber: string;
  /** e.g. `vonage`, `simulator` */
  readonly carrier: string;
  readonly carrierCallId: string;
  /** E.164, or null when the caller withheld their number. */
  readonly caller: string | null;
  readonly planSource: CallPlanSource;
  readonly startedAt: Instant;
  readonly answeredAt: Instant | null;
  readonly endedAt: Instant | null;
  readonly outcome: CallOutcome;
  readonly answeredBy: Answerer | null;
  /** From the call's arrival to the caller being put through. */
  readonly timeToAnswerSeconds: number | null;
  /** The caller's leg length: as the carrier reported it, else from arrival to end. */
  readonly durationSeconds: number | null;
  readonly voicemailRecording: string | null;
  readonly legs: readonly CallLeg[];
  readonly comments: readonly CallComment[];
  /** How the call reached its hotline (F25: number dialled, rule, menu key, keyed value); absent when it went straight there. */
  readonly route?: CallRoute;
}

/** What is stored of a call, from which its record is derived. */
export interface CallRecordSource {
  readonly id: Id;
  readonly accountId: Id | null;
  readonly hotlineId: Id | null;
  readonly carrier: string;
  readonly carrierCallId: string;
  readonly caller: string | null;
  readonly planSource: CallPlanSource;
  readonly state: EscalationState;
  readonly timeline: CallTimeline;
  readonly comments: readonly CallComment[];
}

export function callRecord(source: CallRecordSource): CallRecord {
  const { state, timeline } = source;
  const legTimes = new Map(timeline.legs.map((leg) => [leg.step, leg]));
  const legs = state.legs.map((leg): CallLeg => {
    const step = state.plan.steps[leg.step] as DialStep;
    const times = legTimes.get(leg.step);
    const startedAt = times?.startedAt ?? timeline.startedAt;
    const answeredAt = times?.answeredAt ?? null;
    const endedAt = times?.endedAt ?? null;
    const rangUntil = answeredAt ?? endedAt;
    return {
      step: leg.step,
      personId: leg.personId,
      personName: leg.personName,
      number: leg.number,
      label: step.label,
      via: step.via,
      level: step.level,
      teamId: step.teamId,
      startedAt,
      answeredAt,
      endedAt,
      ringSeconds: rangUntil === null ? null : seconds(rangUntil - startedAt),
      outcome: leg.outcome ?? 'ringing',
      detail: times?.detail ?? null,
      sipCode: times?.sipCode ?? null,
    };
  });
  const outcome: CallOutcome = state.outcome?.kind ?? 'in-progress';
  const answeredAt = outcome === 'answered' ? timeline.answeredAt : null;
  const { timeToAnswerMs, durationMs } = callTimingsMs(source);
  return {
    id: source.id,
    accountId: source.accountId,
    hotlineId: source.hotlineId,
    hotlineName: state.plan.hotline.name,
    hotlineNumber: state.plan.hotline.number,
    carrier: source.carrier,
    carrierCallId: source.carrierCallId,
    caller: source.caller,
    planSource: source.planSource,
    startedAt: timeline.startedAt,
    answeredAt,
    endedAt: timeline.endedAt,
    outcome,
    answeredBy: state.answeredBy,
    timeToAnswerSeconds: timeToAnswerMs === null ? null : timeToAnswerMs / 1000,
    durationSeconds: timeline.durationSeconds ?? (durationMs === null ? null : durationMs / 1000),
    voicemailRecording: state.outcome?.kind === 'voicemail' ? state.outcome.recording : null,
    legs,
    comments: source.comments,
    ...(state.plan.route ? { route: state.plan.route } : {}),
  };
}

const seconds = (ms: number): number => Math.max(0, ms) / 1000;

/**
 * A call's time to answer and length in whole milliseconds, for a store to keep beside the call: the
 * record's `timeToAnswerSeconds` and `durationSeconds` are exactly these ÷ 1000 (the carrier's length
 * is in whole seconds). Null as in the record.
 */
export function callTimingsMs({ state, timeline }: Pick<CallRecordSource, 'state' | 'timeline'>): {
  readonly timeToAnswerMs: number | null;
  readonly durationMs: number | null;
} {
  const answeredAt = state.outcome?.kind === 'answered' ? timeline.answeredAt : null;
  const sinceStart = (at: Instant | null) => (at === null ? null : Math.max(0, at - timeline.startedAt));
  return {
    timeToAnswerMs: sinceStart(answeredAt),
    durationMs: timeline.durationSeconds !== null ? timeline.durationSeconds * 1000 : sinceStart(timeline.endedAt),
  };
}

/** A supervisor's comment: 1 to 2000 characters, trimmed. */
export function callComment(input: { id: Id; author: AuditActor; text: string; at: Instant }): CallComment {
  return {
    id: assertId(input.id, 'id'),
    author: input.author,
    text: requireText(input.text, 'text', 2000),
    at: assertInstant(input.at, 'at'),
  };
}
