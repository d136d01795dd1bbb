import { CallRecord, CallRecordSource, callRecord } from '@dutyline/domain';
import { CallInstruction } from './call-instruction';

/** The reply given to the event that last moved a call, replayed when that event is delivered again. */
export interface LastReply {
  /** Which event: `answer`, `leg-ended:2:busy`, `confirmation:1:confirmed`, … */
  readonly key: string;
  readonly instruction: CallInstruction;
}

/**
 * A call as the store keeps it: plain JSON, one document per call. Its escalation `state` holds the
 * plan snapshot; its `timeline` the instants; `accountId` is null when the call could not be tied
 * to a hotline (number unknown while the store was down).
 */
export interface StoredCall extends CallRecordSource {
  /** Set by the store: 1 once created, one more on each save; `save` compares it. */
  readonly version: number;
  /** E.164 of the number called. */
  readonly hotlineNumber: string;
  readonly lastReply: LastReply | null;
  /**
   * Once-only carrier actions some instance took (an all-at-once group's legs placed, its caller moved
   * on), claimed compare-and-set so another instance given the same webhook does not take them again.
   */
  readonly claims?: readonly string[];
}

/** The call log entry of a stored call (what GraphQL `call`/`calls` show, what the workers receive). */
export const callRecordOf = (call: StoredCall): CallRecord => callRecord(call);
