import { Id, Instant, LegOutcome } from '@dutyline/domain';
import {
  AnnounceInstruction,
  CallInstruction,
  HangUpLegInstruction,
  HangUpLegsInstruction,
  NothingInstruction,
} from './call-instruction';

/*
 * The operations a carrier adapter calls, in no carrier's terms. `at` is the carrier's timestamp of
 * the event when it gives one (so a repeated delivery records the same instant), else the service
 * reads its clock. `hotlineNumber` on events is optional: an adapter that round-trips it lets the
 * service rescue a call it has lost (store down and the call opened on another instance).
 */

export interface AnswerInput {
  /** e.g. `vonage`, `simulator`: with `carrierCallId`, what makes a retried answer webhook a duplicate. */
  readonly carrier: string;
  /** The number called, E.164 (`+33140000000`; digits without `+` are read too). */
  readonly hotlineNumber: string;
  /** The caller's number; null, empty, `anonymous` or any text without 7 to 15 digits: withheld. */
  readonly caller: string | null;
  /** The carrier's id of the caller's leg. */
  readonly carrierCallId: string;
  readonly at?: Instant;
  /**
   * Whether the carrier can play a menu and collect keys (`gather`). When false (the SIP proxy) a
   * hotline's entry routes by the number dialled and the period only, its front's default applying.
   * @defaultValue true
   */
  readonly gathers?: boolean;
}

/** The caller's keys at a `gather` instruction's `stage`: `digits` pressed, or `timedOut` / no digits. */
export interface KeysInput {
  readonly carrier: string;
  /** The number called, as on answer. */
  readonly hotlineNumber: string;
  readonly caller: string | null;
  /** The carrier's id of the caller's leg, as on answer. */
  readonly carrierCallId: string;
  /** As the `gather` instruction gave it. */
  readonly stage: string;
  readonly digits?: string | null;
  readonly timedOut?: boolean;
  readonly at?: Instant;
}

interface LegEventInput {
  readonly callId: Id;
  readonly step: number;
  readonly at?: Instant;
  /** The carrier's id of the callee leg, kept to hang it up later. */
  readonly carrierLegId?: string | null;
  readonly hotlineNumber?: string;
}

/** How a dialled leg ended without taking the call. */
export type EndedLegOutcome = Exclude<LegOutcome, 'answered' | 'confirmed'>;

export interface LegEndedInput extends LegEventInput {
  readonly outcome: EndedLegOutcome;
  /** The carrier's reason (`unavailable`, `declined`, `cannot_route`, …). */
  readonly detail?: string | null;
  readonly sipCode?: number | null;
}

export type LegAnsweredInput = LegEventInput;

/** The callee's key after the announcement: `digits` pressed, or `timedOut` / no digits. */
export interface ConfirmationInput extends LegEventInput {
  readonly digits?: string | null;
  readonly timedOut?: boolean;
}

export interface CalleePromptInput {
  readonly callId: Id;
  readonly step: number;
  readonly hotlineNumber?: string;
}

export interface RecordingInput {
  readonly callId: Id;
  /** The carrier's reference of the recording (Vonage: `recording_url`), for `RecordingCarrier.fetchRecording`. */
  readonly reference: string;
  readonly at?: Instant;
}

/**
 * The caller's leg ended. The call is named by `callId`, or — when the carrier reports it where no
 * call id can be round-tripped (Vonage's application event URL) — by `carrier` and `carrierCallId`.
 */
export type CallEndedInput = CallEndedFacts &
  ({ readonly callId: Id } | { readonly carrier: string; readonly carrierCallId: string });

interface CallEndedFacts {
  readonly at?: Instant;
  /** The caller's leg length as the carrier reports it. */
  readonly durationSeconds?: number | null;
}

/**
 * What carrier adapters drive. No operation ever rejects: a failure inside becomes a fallback
 * instruction (and a log line), so a caller never hears silence.
 */
export interface InboundCalls {
  /**
   * A call reached a hotline number: the first thing the caller hears. Never `nothing`, except to a
   * repeated answer for a call already under way.
   */
  answer(input: AnswerInput): Promise<CallInstruction>;
  /**
   * The caller's keys after a `gather`: another `gather` (a repeat), or — the line chosen — the call
   * opened as `answer` opens it, its first instruction. Repeated keys for an opened call get the same reply.
   */
  keys(input: KeysInput): Promise<CallInstruction>;
  /**
   * The dialled leg of `step` picked up: `bridge` when the callee is joined at once; `nothing` while
   * they must confirm, or while machine detection has not given its verdict.
   */
  legAnswered(input: LegAnsweredInput): Promise<CallInstruction>;
  /**
   * Machine detection says a person picked up the leg of `step`: `bridge` when the hotline asks no
   * confirmation (the caller was held for this verdict), else `nothing`. A machine is `legEnded` `machine`.
   */
  humanAnswered(input: LegAnsweredInput): Promise<CallInstruction>;
  /** The dialled leg of `step` did not take the call: the next step for the caller. */
  legEnded(input: LegEndedInput): Promise<CallInstruction>;
  /** The callee's answer to the announcement: `bridge`, or the next step for the caller with `dropLeg`. */
  confirmation(input: ConfirmationInput): Promise<CallInstruction>;
  /** The announcement for the callee who picked up the leg of `step`; `hang-up-leg` when that leg is no longer wanted. */
  calleePrompt(input: CalleePromptInput): Promise<AnnounceInstruction | HangUpLegInstruction>;
  /** The voicemail was recorded. */
  recording(input: RecordingInput): Promise<NothingInstruction>;
  /** The caller's leg ended: `hang-up-leg` (`hang-up-legs` for a group) when callee legs still ring, else `nothing`. */
  callEnded(input: CallEndedInput): Promise<HangUpLegInstruction | HangUpLegsInstruction | NothingInstruction>;
}

/** A callee leg the carrier adapter placed itself (an all-at-once group's REST call), with the carrier's id. */
export interface LegPlacedInput {
  readonly callId: Id;
  readonly step: number;
  readonly carrierLegId: string;
  readonly at?: Instant;
}

/** A once-only action of a carrier adapter on a call: `place:<step>`, `transfer:<step>`, … */
export interface ClaimInput {
  readonly callId: Id;
  readonly key: string;
}

/**
 * What an adapter placing a group's legs itself (Vonage's REST calls) needs beside `InboundCalls`, so
 * that any instance, not just the one that placed a leg, can hang it up or act once on the call.
 */
export interface PlacedLegCalls {
  /**
   * Stores the carrier's id of a leg placed (compare-and-set like every event): its hang-up can come from
   * any instance. `hang-up-leg` when the leg is no longer wanted (the group was decided meanwhile).
   */
  legPlaced(input: LegPlacedInput): Promise<HangUpLegInstruction | NothingInstruction>;
  /**
   * True the first time `key` is claimed on the call, across instances (stored compare-and-set); also
   * true when the call cannot be read (acting twice is better than a caller left waiting).
   */
  claim(input: ClaimInput): Promise<boolean>;
}
