import { Prompt } from '../directory/prompt';
import { Id, PhoneNumber } from '../shared';

/** How a leg we dialled ended, as carriers report it, normalised. */
export type LegOutcome =
  /** Picked up and, when confirmation is required, the callee pressed 1. */
  | 'confirmed'
  /** Picked up; waiting for the callee to confirm. */
  | 'answered'
  | 'busy'
  | 'no-answer'
  | 'failed'
  | 'rejected'
  /** An answering machine or personal voicemail took the leg (F15). */
  | 'machine'
  /** The callee pressed something other than 1, or hung up during the announcement. */
  | 'declined'
  /** The callee did not confirm in time. */
  | 'not-confirmed';

export interface DialRequest {
  readonly callId: Id;
  readonly to: PhoneNumber;
  readonly from: PhoneNumber;
  readonly ringTimeoutSeconds: number;
  /** Announcement played to the callee before bridging; the callee must press 1 when set. */
  readonly confirmation: Prompt | null;
}

/**
 * Places and steers calls on a telephone network.
 * Failure contract: a rejected promise means the carrier could not be reached or refused the request;
 * the caller may retry later (with the same `callId`, which carriers use to collapse duplicates).
 */
export interface CarrierPort {
  /** Rings `to`; resolves with the carrier's id for the new leg. */
  dial(request: DialRequest): Promise<{ legId: string }>;
  /** Moves a live call to a new destination. */
  transfer(callId: Id, to: PhoneNumber): Promise<void>;
  hangup(callId: Id): Promise<void>;
}

/** Optional ability: record the caller (voicemail). */
export interface RecordingCarrier {
  record(callId: Id, options: { greeting: Prompt | null; maxSeconds: number }): Promise<void>;
  /** The audio of a finished recording. */
  fetchRecording(reference: string): Promise<{ audio: Buffer; contentType: string }>;
}

/**
 * Optional ability: text messages.
 * Failure contract: rejects with a `PermanentDeliveryError` when the message can never be sent
 * (bad number); any other rejection means try again later.
 */
export interface SmsCarrier {
  sendSms(to: PhoneNumber, from: PhoneNumber, text: string): Promise<{ messageId: string }>;
}
