import { CallFact, EscalationEvent, Id } from '@dutyline/domain';
import { StoredCall } from '../stored-call';

/**
 * One carrier event as the service applies it to a call, in plain JSON, so it can wait in a journal
 * and be applied later (possibly to a copy another instance moved on meanwhile): `change` is the
 * escalation event it means, unless the call's plan says otherwise (`unless`).
 */
export interface CallEventRecord {
  /** Which event: `leg-ended:2:busy`, `confirmation:1:confirmed`, `call-ended`, …; a repeated one changes nothing. */
  readonly key: string;
  readonly change: EscalationEvent;
  /** `awaiting-verdict`: no change when machine detection decides without "press 1"; `confirmation-required`: none when the plan asks for the key. */
  readonly unless: 'awaiting-verdict' | 'confirmation-required' | null;
  /** What the call log keeps of the event, whatever it changes. */
  readonly fact: CallFact;
}

/** The call an entry is about: our id, or (for the end of the caller's leg) the carrier's. */
export type CallReference = { readonly callId: Id } | { readonly carrier: string; readonly carrierCallId: string };

/** What the store has not taken yet: a call opened while it was away, or an event for a call. */
export type CallJournalEntry =
  | { readonly kind: 'opened'; readonly call: StoredCall }
  | {
      readonly kind: 'event';
      readonly call: CallReference;
      readonly event: CallEventRecord;
      readonly receivedAt: number;
    };

/** An entry with its place in the journal. */
export interface JournaledEntry {
  readonly seq: number;
  readonly entry: CallJournalEntry;
}

/**
 * Where an instance keeps, in order, what the call store could not take, until the write-back hands
 * it over: memory first, and a durable local file so a restart loses nothing.
 * Failure contract: `append` resolves once the entry is durable (a rejection: it is not, and the
 * service keeps it in memory only); `settle` may be lost in a crash, so an entry can be handed to the
 * store twice (the store's side is idempotent: a duplicate create or a repeated event changes nothing).
 */
export interface CallJournal {
  /** Adds an entry after every other one; resolves with its sequence number once durable. */
  append(entry: CallJournalEntry): Promise<number>;
  /** The entries not settled yet, in the order appended. */
  pending(): readonly JournaledEntry[];
  /** The store took these entries (or they were given up): they leave the journal. */
  settle(seqs: readonly number[]): Promise<void>;
}
