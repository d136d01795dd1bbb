import { CallRecord, Id, Instant } from '@dutyline/domain';

/** A call worth telling someone about, with its log as it stands. */
export interface CallNotice {
  /** Deterministic (`<callId>:unanswered`, `<callId>:voicemail`): use it as the job id so repeats collapse. */
  readonly eventId: string;
  readonly callId: Id;
  readonly record: CallRecord;
}

/**
 * Optional: what the workers act on — unanswered-call alerts (F14), voicemail e-mails and SMS (F13).
 * Each notice is sent once, after the change that caused it was stored (or kept in memory while the
 * store is down).
 * Failure contract: a rejection is logged and not retried here; the call goes on. Implementations
 * should only enqueue durable work (a queue job with `eventId` as its id).
 */
export interface CallEvents {
  /** The caller left without being put through: voicemail, closing message, hung up while it rang. */
  callUnanswered(notice: CallNotice): Promise<void>;
  /** A voicemail was recorded; `record.voicemailRecording` names it for the carrier's `RecordingCarrier`. */
  voicemailRecorded(notice: CallNotice): Promise<void>;
  /** A call reached a number no hotline owns. */
  unknownNumber?(notice: {
    readonly number: string;
    readonly caller: string | null;
    readonly carrier: string;
    readonly at: Instant;
  }): Promise<void>;
}
