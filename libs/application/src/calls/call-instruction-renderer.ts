import { DialStep, EscalationAction, EscalationState, Prompt } from '@dutyline/domain';
import {
  AnnounceInstruction,
  CallInstruction,
  DialInstruction,
  HangUpLegInstruction,
  LegToDrop,
  MessageInstruction,
  NOTHING,
} from './call-instruction';
import { EMERGENCY_TARGET } from './fallback-plan';
import { InboundCallSettings } from './inbound-call-options';
import { StoredCall } from './stored-call';

/** What instructions carry of the service's settings. */
export type InstructionSettings = Pick<
  InboundCallSettings,
  'machineDetection' | 'voicemailMaxSeconds' | 'acceptKey' | 'confirmationTimeoutSeconds'
>;

/** A decision of the escalation, to be put in a carrier adapter's hands. */
export interface Move {
  /** The call, already in its new state. */
  readonly call: StoredCall;
  /** Its state before the move; null for the first move of a call. */
  readonly previous: EscalationState | null;
  readonly action: EscalationAction;
  /** Played to the caller before the first ring of a call. */
  readonly greeting: Prompt | null;
}

/** The call and step an instruction is about. */
export type OfCall = Pick<DialInstruction, 'callId' | 'carrierCallId' | 'step'>;

/** Writes the service's decisions as instructions for carrier adapters; decides nothing itself. */
export class CallInstructionRenderer {
  constructor(private readonly settings: InstructionSettings) {}

  /** The instruction for `move.action`, taken on `move.call` coming from `move.previous`. */
  render({ call, previous, action, greeting }: Move): CallInstruction {
    const of = { callId: call.id, carrierCallId: call.carrierCallId };
    const dropLeg = previous ? legToDrop(call, previous) : null;
    switch (action.type) {
      case 'dial':
        return this.dial(call, { ...action, greeting, dropLeg });
      case 'dial-group':
        return {
          kind: 'dial-group',
          ...of,
          step: action.step,
          greeting,
          dials: action.legs.map((leg) =>
            this.dial(call, { ...leg, requireConfirmation: action.requireConfirmation, greeting: null, dropLeg: null }),
          ),
          dropLeg,
        };
      case 'bridge': {
        const bridge = { kind: 'bridge' as const, ...of, step: action.step, to: action.number };
        if (!action.drop) return bridge;
        const drop = action.drop.map(({ step, number }) => ({
          step,
          to: number,
          carrierLegId: carrierLegIdOf(call, step),
        }));
        return { ...bridge, drop };
      }
      case 'record-voicemail':
        return {
          kind: 'voicemail',
          ...of,
          step: action.step,
          greeting: action.greeting,
          maxSeconds: this.settings.voicemailMaxSeconds,
          dropLeg,
        };
      case 'play-message':
        return { kind: 'message', ...of, step: action.step, prompt: action.message, dropLeg };
      case 'hang-up-leg':
        return this.hangUpLeg(call, action.step, action.number);
      case 'hang-up-legs':
        return {
          kind: 'hang-up-legs',
          ...of,
          step: action.legs[0].step,
          legs: action.legs.map((leg) => this.hangUpLeg(call, leg.step, leg.number)),
        };
      case 'none':
        return NOTHING;
    }
  }

  /** Ring the number of `step`, on the call's caller id. */
  private dial(
    call: StoredCall,
    dial: {
      readonly step: number;
      readonly number: string;
      readonly ringTimeoutSeconds: number;
      readonly requireConfirmation: boolean;
      readonly greeting: Prompt | null;
      readonly dropLeg: LegToDrop | null;
    },
  ): DialInstruction {
    const { plan } = call.state;
    const step = plan.steps[dial.step] as DialStep;
    return {
      kind: 'dial',
      callId: call.id,
      carrierCallId: call.carrierCallId,
      step: dial.step,
      greeting: dial.greeting,
      to: dial.number,
      callerId: plan.callerIdMode === 'caller' && call.caller !== null ? call.caller : plan.hotline.number,
      ringTimeoutSeconds: dial.ringTimeoutSeconds,
      confirm: dial.requireConfirmation,
      machineDetection: this.settings.machineDetection,
      target: {
        personId: step.personId,
        personName: step.personName,
        label: step.label,
        via: step.via,
        level: step.level,
        teamId: step.teamId,
      },
      dropLeg: dial.dropLeg,
    };
  }

  /** Stop the callee leg of `step` (`to`: its number, when known). */
  hangUpLeg(call: StoredCall, step: number, to: string | null): HangUpLegInstruction {
    return {
      kind: 'hang-up-leg',
      callId: call.id,
      carrierCallId: call.carrierCallId,
      step,
      to,
      carrierLegId: carrierLegIdOf(call, step),
    };
  }

  /** The announcement to the callee who picked up the leg of `of.step`, waiting for the accept key. */
  announcement(of: OfCall, prompt: Prompt): AnnounceInstruction {
    return {
      kind: 'announce',
      callId: of.callId,
      carrierCallId: of.carrierCallId,
      step: of.step,
      prompt,
      acceptKey: this.settings.acceptKey,
      timeoutSeconds: this.settings.confirmationTimeoutSeconds,
    };
  }

  /** Ring an emergency number, the caller joined on pick-up. */
  emergencyDial(
    of: OfCall,
    emergency: { readonly to: string; readonly callerId: string; readonly ringTimeoutSeconds: number },
  ): DialInstruction {
    return {
      kind: 'dial',
      callId: of.callId,
      carrierCallId: of.carrierCallId,
      step: of.step,
      greeting: null,
      to: emergency.to,
      callerId: emergency.callerId,
      ringTimeoutSeconds: emergency.ringTimeoutSeconds,
      confirm: false,
      machineDetection: false,
      target: EMERGENCY_TARGET,
      dropLeg: null,
    };
  }

  /** Play `prompt` to the caller, then hang up: no step of any plan. */
  closingMessage(of: Omit<OfCall, 'step'>, prompt: Prompt): MessageInstruction {
    return {
      kind: 'message',
      callId: of.callId,
      carrierCallId: of.carrierCallId,
      step: null,
      prompt,
      dropLeg: null,
    };
  }
}

/** The reply `call` gave to the event `key`, when that event is the one that last moved it; else nothing. */
export function replay(call: StoredCall, key: string): CallInstruction {
  return call.lastReply?.key === key ? call.lastReply.instruction : NOTHING;
}

/** A leg that was picked up but did not take the call (machine, declined, no key), so must be hung up. */
function legToDrop(call: StoredCall, previous: EscalationState): LegToDrop | null {
  const before = new Map(previous.legs.map((leg) => [leg.step, leg.outcome]));
  const leg = call.state.legs.find(
    (candidate) =>
      before.get(candidate.step) !== candidate.outcome &&
      (candidate.outcome === 'machine' || candidate.outcome === 'declined' || candidate.outcome === 'not-confirmed'),
  );
  if (!leg) return null;
  return { step: leg.step, to: leg.number, carrierLegId: carrierLegIdOf(call, leg.step) };
}

/** The carrier's id of the callee leg of `step`, as it reported it; null when it never did. */
const carrierLegIdOf = (call: StoredCall, step: number): string | null =>
  call.timeline.legs.find((leg) => leg.step === step)?.carrierLegId ?? null;
