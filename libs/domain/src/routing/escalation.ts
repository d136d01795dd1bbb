import { Prompt } from '../directory/prompt';
import { LegOutcome } from '../ports/carrier.port';
import { Id, assertId, invalid } from '../shared';
import { CallPlan, CallStep, DialStep } from './call-plan';

/**
 * Where a call stands:
 * - `ringing`: the current dial step's leg is ringing;
 * - `confirming`: it was picked up and the callee must still press 1;
 * - `connected`: caller and callee are bridged;
 * - `voicemail`: the caller hears the greeting or is being recorded;
 * - `awaiting-recording`: the caller has gone, the recording is not reported yet;
 * - `message`: the caller hears the closing message, then the call is hung up;
 * - `ended`: terminal, nothing changes any more.
 */
export type EscalationPhase =
  'ringing' | 'confirming' | 'connected' | 'voicemail' | 'awaiting-recording' | 'message' | 'ended';

/** One number dialled during the call, for the call log. */
export interface LegRecord {
  readonly step: number;
  readonly number: string;
  readonly personId: Id;
  readonly personName: string;
  /**
   * `null` while it rings; `cancelled` when the caller left before the leg ended; `skipped-busy` when
   * the person was already on as many calls as they take, so the number was not rung.
   */
  readonly outcome: LegOutcome | 'cancelled' | 'skipped-busy' | null;
}

/** Who took the call, and through which step of the plan. */
export interface Answerer {
  readonly step: number;
  readonly number: string;
  readonly personId: Id;
  readonly personName: string;
  readonly via: DialStep['via'];
  readonly level: number | null;
  readonly teamId: Id | null;
}

/**
 * How the call went, set as soon as it is known: `answered` on connection, `voicemail` / `message`
 * on reaching that step (the recording is filled in when reported), `abandoned` when the caller
 * left while a number was ringing.
 */
export type EscalationOutcome =
  | { readonly kind: 'answered'; readonly by: Answerer }
  | { readonly kind: 'voicemail'; readonly recording: string | null }
  | { readonly kind: 'message' }
  | { readonly kind: 'abandoned'; readonly step: number };

/** The progress of one call through its plan snapshot. Plain JSON data. */
export interface EscalationState {
  readonly callId: Id;
  /** The snapshot taken when the call started; schedule changes made since do not affect it. */
  readonly plan: CallPlan;
  readonly phase: EscalationPhase;
  /** Index in `plan.steps` of the step in progress (or where the call ended). */
  readonly step: number;
  readonly legs: readonly LegRecord[];
  readonly answeredBy: Answerer | null;
  readonly outcome: EscalationOutcome | null;
}

/** What the carrier reported. `step` names the dial step the leg was placed for. */
export type EscalationEvent =
  | { readonly type: 'leg-outcome'; readonly step: number; readonly outcome: LegOutcome }
  | { readonly type: 'caller-hung-up' }
  | { readonly type: 'voicemail-recorded'; readonly recording: string }
  | { readonly type: 'call-completed' };

/** What to do on the telephone network next. */
export type EscalationAction =
  | {
      readonly type: 'dial';
      readonly step: number;
      readonly number: string;
      readonly ringTimeoutSeconds: number;
      readonly requireConfirmation: boolean;
    }
  /** Put the caller through to the leg of `step`. */
  | { readonly type: 'bridge'; readonly step: number; readonly number: string }
  /** Play `greeting` when set, then record the caller. */
  | { readonly type: 'record-voicemail'; readonly step: number; readonly greeting: Prompt | null }
  /** Play `message`, then hang up. */
  | { readonly type: 'play-message'; readonly step: number; readonly message: Prompt }
  /** The caller has gone: stop the leg still ringing or announcing. */
  | { readonly type: 'hang-up-leg'; readonly step: number; readonly number: string }
  | { readonly type: 'none' };

/** What the escalation is told when it may dial. */
export interface EscalationContext {
  /** Persons already on as many calls as they take: their numbers are skipped without ringing. @defaultValue none */
  readonly unavailable?: ReadonlySet<Id>;
}

export interface EscalationTransition {
  readonly state: EscalationState;
  readonly action: EscalationAction;
}

const NONE: EscalationAction = { type: 'none' };
const LEG_OUTCOMES: readonly LegOutcome[] = [
  'confirmed',
  'answered',
  'busy',
  'no-answer',
  'failed',
  'rejected',
  'machine',
  'declined',
  'not-confirmed',
];

/** Starts a call on its plan: the first step's action. */
export function startEscalation(plan: CallPlan, callId: Id, context: EscalationContext = {}): EscalationTransition {
  assertId(callId, 'callId');
  checkPlan(plan);
  const state: EscalationState = {
    callId,
    plan,
    phase: 'ringing',
    step: -1,
    legs: [],
    answeredBy: null,
    outcome: null,
  };
  return advance(state, context);
}

/**
 * The state after `event`, and what to do. Events for another step than the current one (stale or
 * duplicated), and any event once the call has ended, return the same state with action `none`, so
 * a replayed or reordered delivery never changes the result.
 */
export function onEscalationEvent(
  state: EscalationState,
  event: EscalationEvent,
  context: EscalationContext = {},
): EscalationTransition {
  checkEvent(event);
  switch (event.type) {
    case 'leg-outcome':
      return onLegOutcome(state, event, context);
    case 'caller-hung-up':
    case 'call-completed':
      return onCallerGone(state);
    case 'voicemail-recorded':
      if (state.phase !== 'voicemail' && state.phase !== 'awaiting-recording') return unchanged(state);
      return {
        state: { ...state, phase: 'ended', outcome: { kind: 'voicemail', recording: event.recording } },
        action: NONE,
      };
  }
}

export const isEscalationEnded = (state: EscalationState): boolean => state.phase === 'ended';

function onLegOutcome(
  state: EscalationState,
  { step, outcome }: { readonly step: number; readonly outcome: LegOutcome },
  context: EscalationContext,
): EscalationTransition {
  const live = state.phase === 'ringing' || state.phase === 'confirming';
  if (!live || step !== state.step) return unchanged(state);
  if (outcome === 'answered') {
    if (state.phase === 'confirming') return unchanged(state);
    if (state.plan.requireAnswerConfirmation) {
      return { state: { ...withLegOutcome(state, outcome), phase: 'confirming' }, action: NONE };
    }
  }
  if (outcome === 'answered' || outcome === 'confirmed') return connect(withLegOutcome(state, outcome));
  return advance(withLegOutcome(state, outcome), context);
}

function onCallerGone(state: EscalationState): EscalationTransition {
  switch (state.phase) {
    case 'ringing':
    case 'confirming': {
      const leg = state.legs[state.legs.length - 1];
      return {
        state: {
          ...withLegOutcome(state, 'cancelled'),
          phase: 'ended',
          outcome: { kind: 'abandoned', step: state.step },
        },
        action: { type: 'hang-up-leg', step: state.step, number: leg.number },
      };
    }
    case 'connected':
    case 'message':
      return { state: { ...state, phase: 'ended' }, action: NONE };
    case 'voicemail':
      // Callers hang up to finish their message; the recording is reported afterwards.
      return { state: { ...state, phase: 'awaiting-recording' }, action: NONE };
    default:
      return unchanged(state);
  }
}

function connect(state: EscalationState): EscalationTransition {
  const step = dialStep(state, state.step);
  const by: Answerer = {
    step: state.step,
    number: step.number,
    personId: step.personId,
    personName: step.personName,
    via: step.via,
    level: step.level,
    teamId: step.teamId,
  };
  return {
    state: { ...state, phase: 'connected', answeredBy: by, outcome: { kind: 'answered', by } },
    action: { type: 'bridge', step: state.step, number: step.number },
  };
}

/**
 * Moves to the next step, skipping numbers already dialled during this call; the numbers of persons
 * `unavailable` are logged as `skipped-busy` without ringing.
 */
function advance(state: EscalationState, { unavailable }: EscalationContext): EscalationTransition {
  const dialled = new Set(state.legs.map((leg) => leg.number));
  const skipped: LegRecord[] = [];
  const steps = state.plan.steps;
  for (let index = state.step + 1; index < steps.length; index++) {
    const step = steps[index];
    if (step.kind === 'dial') {
      if (dialled.has(step.number)) continue;
      const leg: LegRecord = {
        step: index,
        number: step.number,
        personId: step.personId,
        personName: step.personName,
        outcome: null,
      };
      if (unavailable?.has(step.personId)) {
        skipped.push({ ...leg, outcome: 'skipped-busy' });
        continue;
      }
      return {
        state: { ...state, phase: 'ringing', step: index, legs: [...state.legs, ...skipped, leg] },
        action: {
          type: 'dial',
          step: index,
          number: step.number,
          ringTimeoutSeconds: step.ringTimeoutSeconds,
          requireConfirmation: state.plan.requireAnswerConfirmation,
        },
      };
    }
    if (step.kind === 'voicemail') {
      return {
        state: {
          ...state,
          phase: 'voicemail',
          step: index,
          legs: [...state.legs, ...skipped],
          outcome: { kind: 'voicemail', recording: null },
        },
        action: { type: 'record-voicemail', step: index, greeting: step.greeting },
      };
    }
    return {
      state: {
        ...state,
        phase: 'message',
        step: index,
        legs: [...state.legs, ...skipped],
        outcome: { kind: 'message' },
      },
      action: { type: 'play-message', step: index, message: step.message },
    };
  }
  throw new Error(`plan of call ${state.callId} has no final step`); // checkPlan rules this out
}

function withLegOutcome(state: EscalationState, outcome: LegRecord['outcome']): EscalationState {
  const legs = state.legs.map((leg, i) => (i === state.legs.length - 1 ? { ...leg, outcome } : leg));
  return { ...state, legs };
}

function dialStep(state: EscalationState, index: number): DialStep {
  const step = state.plan.steps[index];
  if (step?.kind !== 'dial') throw new Error(`step ${index} of call ${state.callId} is not a dial step`);
  return step;
}

const unchanged = (state: EscalationState): EscalationTransition => ({ state, action: NONE });

const isFinal = (step: CallStep): boolean => step.kind === 'voicemail' || step.kind === 'message';

/** A plan ends with exactly one voicemail or message step, so a caller never meets silence. */
function checkPlan(plan: CallPlan): void {
  if (!Array.isArray(plan?.steps) || plan.steps.length === 0)
    invalid('INVALID_PLAN', 'plan.steps', 'a call plan needs steps');
  plan.steps.forEach((step, i) => {
    const field = `plan.steps[${i}]`;
    if (step?.kind !== 'dial' && step?.kind !== 'voicemail' && step?.kind !== 'message') {
      invalid('INVALID_PLAN', `${field}.kind`, `"${step?.kind}" is not one of dial, voicemail, message`);
    }
    if (isFinal(step) !== (i === plan.steps.length - 1)) {
      invalid('INVALID_PLAN', field, 'a call plan ends with exactly one voicemail or message step, and has no other');
    }
  });
}

function checkEvent(event: EscalationEvent): void {
  switch (event?.type) {
    case 'leg-outcome':
      if (!Number.isSafeInteger(event.step) || event.step < 0)
        invalid('INVALID_EVENT', 'event.step', 'a step is a whole number from 0');
      if (!LEG_OUTCOMES.includes(event.outcome)) {
        invalid('INVALID_EVENT', 'event.outcome', `"${event.outcome}" is not one of ${LEG_OUTCOMES.join(', ')}`);
      }
      return;
    case 'voicemail-recorded':
      if (typeof event.recording !== 'string' || event.recording.trim() === '') {
        invalid('INVALID_EVENT', 'event.recording', 'a recorded voicemail names its recording');
      }
      return;
    case 'caller-hung-up':
    case 'call-completed':
      return;
    default:
      invalid('INVALID_EVENT', 'event.type', `"${(event as { type?: unknown })?.type}" is not a call event`);
  }
}
