import { Prompt } from '../directory/prompt';
import { LegOutcome } from '../ports/carrier.port';
import { Id, assertId } from '../shared';
import { CallPlan, DialStep } from './call-plan';
import { EscalationEvent, checkEvent, checkPlan } from './escalation-input';
import {
  GroupLeg,
  LegRecord,
  LegRef,
  abandonedGroup,
  groupLegOutcome,
  groupToRing,
  isLive,
  legRecord,
} from './escalation-group';

export { type GroupLeg, type LegRecord, type LegRef } from './escalation-group';
export { type EscalationEvent } from './escalation-input';

/**
 * Where a call stands:
 * - `ringing`: the current dial step's leg is ringing (a group's legs: all ringing or ended);
 * - `confirming`: it was picked up and the callee must still press 1 (a group: one of its legs was);
 * - `connected`: caller and callee are bridged;
 * - `voicemail`: the caller hears the greeting or is being recorded;
 * - `awaiting-recording`: the caller has gone, the recording is not reported yet;
 * - `message`: the caller hears the closing message, then the call is hung up;
 * - `ended`: terminal, nothing changes any more.
 */
export type EscalationPhase =
  'ringing' | 'confirming' | 'connected' | 'voicemail' | 'awaiting-recording' | 'message' | 'ended';

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
  /**
   * The steps rung together (an all-at-once level, two numbers or more), `step` being the first;
   * absent when one number rings.
   */
  readonly group?: readonly number[];
}

/** What to do on the telephone network next. */
export type EscalationAction =
  | {
      readonly type: 'dial';
      readonly step: number;
      readonly number: string;
      readonly ringTimeoutSeconds: number;
      readonly requireConfirmation: boolean;
    }
  /** Ring every leg at once (`step`: the first); the first to take the call wins. */
  | {
      readonly type: 'dial-group';
      readonly step: number;
      readonly legs: readonly GroupLeg[];
      readonly requireConfirmation: boolean;
    }
  /**
   * Put the caller through to the leg of `step`; `drop` names the other legs of its group still
   * ringing or announcing, to hang up at once.
   */
  | { readonly type: 'bridge'; readonly step: number; readonly number: string; readonly drop?: readonly LegRef[] }
  /** Play `greeting` when set, then record the caller. */
  | { readonly type: 'record-voicemail'; readonly step: number; readonly greeting: Prompt | null }
  /** Play `message`, then hang up. */
  | { readonly type: 'play-message'; readonly step: number; readonly message: Prompt }
  /** The caller has gone: stop the leg still ringing or announcing (or a group's leg picked up but not taken). */
  | { readonly type: 'hang-up-leg'; readonly step: number; readonly number: string }
  /** The caller has gone: stop a group's legs still ringing or announcing. */
  | { readonly type: 'hang-up-legs'; readonly legs: readonly LegRef[] }
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

/** Whether the leg of `step` still rings or announces: the current step's, or a live leg of the group rung. */
export function isLegLive(state: EscalationState, step: number): boolean {
  if (state.phase !== 'ringing' && state.phase !== 'confirming') return false;
  if (!state.group) return step === state.step;
  return state.group.includes(step) && state.legs.some((leg) => leg.step === step && isLive(leg));
}

function onLegOutcome(
  state: EscalationState,
  { step, outcome }: { readonly step: number; readonly outcome: LegOutcome },
  context: EscalationContext,
): EscalationTransition {
  const live = state.phase === 'ringing' || state.phase === 'confirming';
  const { group } = state;
  if (live && group) return onGroupLegOutcome({ ...state, group }, { step, outcome }, context);
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

/** A leg of the group being rung: the first to take the call wins, the group ends with its last leg. */
function onGroupLegOutcome(
  state: EscalationState & { readonly group: readonly number[] },
  { step, outcome }: { readonly step: number; readonly outcome: LegOutcome },
  context: EscalationContext,
): EscalationTransition {
  const { requireAnswerConfirmation } = state.plan;
  const result = groupLegOutcome(state.legs, {
    group: state.group,
    step,
    outcome,
    requireConfirmation: requireAnswerConfirmation,
  });
  switch (result.kind) {
    case 'ignore':
      return unchanged(state);
    case 'confirming':
      return { state: { ...state, legs: result.legs, phase: 'confirming' }, action: NONE };
    case 'won': {
      const won = connect({ ...state, legs: result.legs, step });
      return result.drop.length > 0 && won.action.type === 'bridge'
        ? { state: won.state, action: { ...won.action, drop: result.drop } }
        : won;
    }
    case 'leg-ended': {
      const confirming = result.legs.some((l) => state.group.includes(l.step) && l.outcome === 'answered');
      return {
        state: { ...state, legs: result.legs, phase: confirming ? 'confirming' : 'ringing' },
        action: result.hangUp ? { type: 'hang-up-leg', ...result.hangUp } : NONE,
      };
    }
    case 'group-ended':
      return advance({ ...state, legs: result.legs, step: state.group[state.group.length - 1] }, context);
  }
}

function onCallerGone(state: EscalationState): EscalationTransition {
  switch (state.phase) {
    case 'ringing':
    case 'confirming': {
      if (state.group) {
        const { legs, hangUp } = abandonedGroup(state.legs, state.group);
        return {
          state: { ...state, legs, phase: 'ended', outcome: { kind: 'abandoned', step: state.step } },
          action: hangUp.length === 1 ? { type: 'hang-up-leg', ...hangUp[0] } : { type: 'hang-up-legs', legs: hangUp },
        };
      }
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
function advance(before: EscalationState, { unavailable }: EscalationContext): EscalationTransition {
  const state = withoutGroup(before);
  const dialled = new Set(state.legs.map((leg) => leg.number));
  const skipped: LegRecord[] = [];
  const steps = state.plan.steps;
  for (let index = state.step + 1; index < steps.length; index++) {
    let step = steps[index];
    if (step.kind === 'dial' && step.group !== undefined) {
      const group = groupToRing(steps, index, { dialled, unavailable });
      skipped.push(...group.skipped);
      if (group.ringing.length >= 2) return dialGroup(state, { ringing: group.ringing, skipped });
      if (group.ringing.length === 0) {
        index = group.last;
        continue;
      }
      index = group.ringing[0]; // one number left: it rings alone
      step = steps[index];
    }
    if (step.kind === 'dial') {
      if (dialled.has(step.number)) continue;
      const leg = legRecord(index, step);
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

/** Rings the steps `ringing` together, `skipped` logged before them. */
function dialGroup(
  state: EscalationState,
  { ringing, skipped }: { readonly ringing: readonly number[]; readonly skipped: readonly LegRecord[] },
): EscalationTransition {
  const dials = ringing.map((index) => ({ index, step: dialStep(state, index) }));
  return {
    state: {
      ...state,
      phase: 'ringing',
      step: ringing[0],
      group: ringing,
      legs: [...state.legs, ...skipped, ...dials.map(({ index, step }) => legRecord(index, step))],
    },
    action: {
      type: 'dial-group',
      step: ringing[0],
      legs: dials.map(({ index, step }): GroupLeg => ({
        step: index,
        number: step.number,
        ringTimeoutSeconds: step.ringTimeoutSeconds,
      })),
      requireConfirmation: state.plan.requireAnswerConfirmation,
    },
  };
}

/** The state without the group it was ringing (the escalation moves past it). */
function withoutGroup(state: EscalationState): EscalationState {
  if (state.group === undefined) return state;
  const { group: _rung, ...rest } = state;
  return rest;
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
