import { DialStep, Id, Prompt } from '@dutyline/domain';

/*
 * What the inbound call service tells a carrier adapter to do, in no carrier's terms. The adapter
 * renders it (Vonage: an NCCO or a REST call; the simulator: a printed step). Every instruction of a
 * call carries `callId` and `step`: the adapter must hand them back with each event of that call
 * (Vonage: in the event, onAnswer and record URLs).
 */

/** A callee leg to hang up while carrying out the instruction: it was picked up but did not take the call. */
export interface LegToDrop {
  readonly step: number;
  /** E.164 */
  readonly to: string;
  /** As the carrier reported it with the leg's events; null when it never did. */
  readonly carrierLegId: string | null;
}

interface OfCall {
  readonly callId: Id;
  /** The caller's leg at the carrier (the id it gave on answer); null only when the service lost the call. */
  readonly carrierCallId: string | null;
  /** The step of the call's plan this instruction carries out. */
  readonly step: number;
}

/** Ring one number; the caller waits (ringback) and is put through when the callee takes the call. */
export interface DialInstruction extends OfCall {
  readonly kind: 'dial';
  /** Played to the caller before the ring; set on the first instruction of a call only. */
  readonly greeting: Prompt | null;
  /** E.164 */
  readonly to: string;
  /** E.164 shown to the callee: the hotline's number, or the caller's when the hotline says so and it is known. */
  readonly callerId: string;
  readonly ringTimeoutSeconds: number;
  /**
   * The callee must hear `calleePrompt` and press 1 before being joined (F15); a callee who does not
   * counts as not answered. When false the callee is joined on pick-up.
   */
  readonly confirm: boolean;
  /** Ask the carrier to detect answering machines on the leg and report them (`legEnded` `machine`). */
  readonly machineDetection: boolean;
  /** Who is rung, for logs and the simulator's transcript. */
  readonly target: Pick<DialStep, 'personId' | 'personName' | 'label' | 'via' | 'level' | 'teamId'>;
  readonly dropLeg: LegToDrop | null;
}

/**
 * Ring every dial together (an all-at-once level, F26; `step`: the first): the caller waits, the first
 * callee to take the call is joined, the others are hung up (`bridge.drop`). Each dial's events carry
 * its own step. Only sent to adapters that ring in parallel (`parallelDialing`).
 */
export interface DialGroupInstruction extends OfCall {
  readonly kind: 'dial-group';
  /** Played to the caller before the ring; set on the first instruction of a call only. */
  readonly greeting: Prompt | null;
  readonly dials: readonly DialInstruction[];
  readonly dropLeg: LegToDrop | null;
}

/** Join the caller to the leg of `step`, which took the call. */
export interface BridgeInstruction extends OfCall {
  readonly kind: 'bridge';
  readonly to: string;
  /** The other legs of its group still ringing or announcing: hang them up at once. @defaultValue none */
  readonly drop?: readonly LegToDrop[];
}

/** Play `greeting` when set, then record the caller until they hang up or the limit. */
export interface VoicemailInstruction extends OfCall {
  readonly kind: 'voicemail';
  readonly greeting: Prompt | null;
  readonly maxSeconds: number;
  readonly dropLeg: LegToDrop | null;
}

/** Play `prompt` to the caller, then hang up. `callId` is null when no call could be opened. */
export interface MessageInstruction {
  readonly kind: 'message';
  readonly callId: Id | null;
  readonly carrierCallId: string | null;
  readonly step: number | null;
  readonly prompt: Prompt;
  readonly dropLeg: LegToDrop | null;
}

/** The announcement to play to the callee who picked up, then wait for one key. */
export interface AnnounceInstruction extends OfCall {
  readonly kind: 'announce';
  readonly prompt: Prompt;
  /** The key that takes the call. */
  readonly acceptKey: string;
  /** How long to wait for the key after the announcement. */
  readonly timeoutSeconds: number;
}

/** Stop the callee leg of `step`: the caller has gone, or the call moved on without it. */
export interface HangUpLegInstruction extends OfCall {
  readonly kind: 'hang-up-leg';
  /** E.164; null when the service does not know the leg. */
  readonly to: string | null;
  readonly carrierLegId: string | null;
}

/**
 * Play `prompt` to the caller and collect keys (F25: a menu, a keyed number); no call is open yet.
 * The adapter hands `stage` back with the keys (`InboundCalls.keys`), e.g. in the event URL, so any
 * instance takes them. No key within `timeoutSeconds` is reported too (no digits, `timedOut`).
 */
export interface GatherInstruction {
  readonly kind: 'gather';
  readonly prompt: Prompt;
  /** BCP-47: the hotline's language. */
  readonly language: string;
  /** Opaque: handed back with the keys. */
  readonly stage: string;
  readonly maxDigits: number;
  readonly timeoutSeconds: number;
  /** '#' ends the keys before `maxDigits`. */
  readonly submitOnHash: boolean;
}

/** Stop several callee legs at once: the caller left while a group rang (`step`: the first). */
export interface HangUpLegsInstruction extends OfCall {
  readonly kind: 'hang-up-legs';
  readonly legs: readonly HangUpLegInstruction[];
}

/** Nothing to do: acknowledge the event (Vonage: `[]` / 204). */
export interface NothingInstruction {
  readonly kind: 'nothing';
}

/** No hotline answers the number called: play a polite message in `language`, then hang up. */
export interface UnknownNumberInstruction {
  readonly kind: 'unknown-number';
  readonly number: string;
  /** BCP-47 */
  readonly language: string;
  /** Said instead of the carrier's "not in service" text: a hotline whose account is disabled. */
  readonly message?: Extract<Prompt, { kind: 'text' }>;
}

export type CallInstruction =
  | DialInstruction
  | BridgeInstruction
  | VoicemailInstruction
  | MessageInstruction
  | AnnounceInstruction
  | HangUpLegInstruction
  | HangUpLegsInstruction
  | DialGroupInstruction
  | NothingInstruction
  | UnknownNumberInstruction
  | GatherInstruction;

export const NOTHING: NothingInstruction = Object.freeze({ kind: 'nothing' });
