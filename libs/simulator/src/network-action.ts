import { Prompt } from '@dutyline/domain';
import { CallInstruction, DialInstruction, LegToDrop } from './inbound-calls';

/**
 * What the simulated telephone network does on an instruction: the simulator's rendering, as an
 * NCCO is Vonage's. Plain data, printed one line each in the transcript.
 */
export type NetworkAction =
  | {
      readonly action: 'ring';
      /** The plan's step (0-based). */
      readonly step: number;
      readonly number: string;
      /** `Alice (mobile, level 1)`, `Dan (mobile, supervisor)` */
      readonly who: string;
      readonly ringTimeoutSeconds: number;
      readonly callerId: string;
      readonly confirm: boolean;
      readonly machineDetection: boolean;
      /** Played to the caller first. */
      readonly greeting: string | null;
    }
  | {
      readonly action: 'announce';
      readonly step: number;
      readonly text: string;
      readonly acceptKey: string;
      readonly timeoutSeconds: number;
    }
  | { readonly action: 'connect'; readonly step: number; readonly number: string }
  | { readonly action: 'record'; readonly greeting: string | null; readonly maxSeconds: number }
  /** Speak `text` to the caller, then hang up. */
  | { readonly action: 'say'; readonly text: string; readonly reason: 'message' | 'unknown-number' }
  | { readonly action: 'hang-up-leg'; readonly step: number; readonly number: string | null }
  /** Play `text` to the caller and wait for up to `maxDigits` keys (a menu, a keyed number: F25). */
  | {
      readonly action: 'gather';
      readonly stage: string;
      readonly text: string;
      readonly maxDigits: number;
      readonly timeoutSeconds: number;
    }
  /** Acknowledged, nothing to do. */
  | { readonly action: 'idle' };

const UNKNOWN_NUMBER: Readonly<Record<string, string>> = {
  en: 'Sorry, this number is not in service. Please check the number and try again. Goodbye.',
  fr: "Désolé, ce numéro n'est pas en service. Vérifiez le numéro et réessayez. Au revoir.",
};

/** The network actions an instruction stands for: a leg to drop first, then the instruction itself. */
export function networkActionsFor(instruction: CallInstruction): NetworkAction[] {
  const dropped = (leg: LegToDrop | null): NetworkAction[] =>
    leg ? [{ action: 'hang-up-leg', step: leg.step, number: leg.to }] : [];
  switch (instruction.kind) {
    case 'dial':
      return [...dropped(instruction.dropLeg), ring(instruction)];
    case 'dial-group':
      return [...dropped(instruction.dropLeg), ...instruction.dials.map(ring)];
    case 'bridge':
      return [
        { action: 'connect', step: instruction.step, number: instruction.to },
        ...(instruction.drop ?? []).flatMap(dropped),
      ];
    case 'voicemail':
      return [
        ...dropped(instruction.dropLeg),
        { action: 'record', greeting: spoken(instruction.greeting), maxSeconds: instruction.maxSeconds },
      ];
    case 'message':
      return [...dropped(instruction.dropLeg), { action: 'say', text: spoken(instruction.prompt)!, reason: 'message' }];
    case 'announce':
      return [
        {
          action: 'announce',
          step: instruction.step,
          text: spoken(instruction.prompt)!,
          acceptKey: instruction.acceptKey,
          timeoutSeconds: instruction.timeoutSeconds,
        },
      ];
    case 'hang-up-leg':
      return [{ action: 'hang-up-leg', step: instruction.step, number: instruction.to }];
    case 'hang-up-legs':
      return instruction.legs.map((leg) => ({ action: 'hang-up-leg' as const, step: leg.step, number: leg.to }));
    case 'unknown-number':
      return [
        {
          action: 'say',
          text: instruction.message?.text ?? UNKNOWN_NUMBER[instruction.language.split('-')[0]] ?? UNKNOWN_NUMBER['en'],
          reason: 'unknown-number',
        },
      ];
    case 'gather':
      return [
        {
          action: 'gather',
          stage: instruction.stage,
          text: spoken(instruction.prompt)!,
          maxDigits: instruction.maxDigits,
          timeoutSeconds: instruction.timeoutSeconds,
        },
      ];
    case 'nothing':
      return [{ action: 'idle' }];
  }
}

function ring(dial: DialInstruction): NetworkAction {
  const { target } = dial;
  const role =
    target.via === 'supervisor' ? 'supervisor' : target.level !== null ? `level ${target.level + 1}` : 'on call';
  return {
    action: 'ring',
    step: dial.step,
    number: dial.to,
    who: `${target.personName} (${target.label}, ${role})`,
    ringTimeoutSeconds: dial.ringTimeoutSeconds,
    callerId: dial.callerId,
    confirm: dial.confirm,
    machineDetection: dial.machineDetection,
    greeting: spoken(dial.greeting),
  };
}

/** A prompt as the transcript shows it: the text, or the audio's address. */
function spoken(prompt: Prompt | null): string | null {
  if (!prompt) return null;
  return prompt.kind === 'text' ? prompt.text : `(audio ${prompt.url})`;
}

/** One transcript line for an action. */
export function describeAction(action: NetworkAction): string {
  switch (action.action) {
    case 'ring': {
      const checks = [
        action.confirm ? 'press 1 required' : 'no key required',
        ...(action.machineDetection ? ['machine detection'] : []),
      ];
      return `Step ${action.step + 1}: ring ${action.who} at ${action.number} for ${action.ringTimeoutSeconds} s, shown as ${action.callerId} (${checks.join(', ')})`;
    }
    case 'announce':
      return `Announcement to the callee: "${action.text}" (waits ${action.timeoutSeconds} s for ${action.acceptKey})`;
    case 'connect':
      return `Caller connected to ${action.number}`;
    case 'record':
      return action.greeting
        ? `Voicemail greeting: "${action.greeting}", then recording (up to ${action.maxSeconds} s)`
        : `Voicemail: beep, then recording (up to ${action.maxSeconds} s)`;
    case 'say':
      return `${action.reason === 'unknown-number' ? 'Number not in service' : 'Message'}: "${action.text}", then hang up`;
    case 'hang-up-leg':
      return `Hang up the leg of step ${action.step + 1}${action.number ? ` (${action.number})` : ''}`;
    case 'gather':
      return `Menu to the caller: "${action.text}" (waits ${action.timeoutSeconds} s for up to ${action.maxDigits} key(s))`;
    case 'idle':
      return 'Nothing to do';
  }
}
