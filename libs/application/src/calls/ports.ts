import type {
  CallFact,
  CallFigures,
  CallOutcome,
  CallPlan,
  CallRecord,
  EscalationEvent,
  Hotline,
  Id,
  Instant,
  Page,
  PageRequest,
} from '@dutyline/domain';
import type { StoredCall } from './stored-call';

/**
 * Where calls live while they ring and afterwards (the call log). The store keeps each call as one
 * document (`StoredCall`, plain JSON) with a version; it need not understand calls or events: the
 * inbound call service applies every event to the call's escalation state and timeline and writes the
 * whole document back. A duplicated or stale event leaves the document unchanged and is not written,
 * so replays and reordered deliveries give the same call log whatever the store.
 *
 * Failure contract: `VersionConflictError` (domain) from `save` means another writer got there first
 * (nothing written: reload, re-apply, retry); any other rejection means the store is unreachable or
 * failed and nothing was written. The service gives each request a time budget and falls back to what
 * it holds in memory when the store is slow or down.
 */
export interface CallStore {
  /**
   * Stores a new call at version 1 and returns it as stored. When the store already holds a call
   * for the same `carrier` and `carrierCallId` (the carrier retried its answer webhook, maybe on
   * another instance), it writes nothing and returns that call with `created: false`.
   */
  create(call: StoredCall): Promise<{ readonly created: boolean; readonly call: StoredCall }>;
  /** The call with this id, whatever its account (webhooks do not know the account). */
  load(callId: Id): Promise<StoredCall | undefined>;
  /**
   * The call the carrier opened with this id of the caller's leg (its unique key with `carrier`):
   * for events that cannot carry our call id, such as the end of the caller's leg.
   */
  findByCarrierCall(carrier: string, carrierCallId: string): Promise<StoredCall | undefined>;
  /**
   * Replaces the stored call if its version is still `call.version` (compare-and-set) and resolves
   * with the new version, one more. Rejects with `VersionConflictError` when the stored version
   * differs or the call is absent.
   */
  save(call: StoredCall): Promise<number>;
}

/** What the call log can be filtered on; every field narrows the list. */
export interface CallFilter {
  readonly hotlineId?: Id;
  readonly outcome?: CallOutcome;
  /** Calls answered by this person. */
  readonly answeredBy?: Id;
  /** Calls that started at or after this instant. */
  readonly from?: Instant;
  /** Calls that started before this instant. */
  readonly to?: Instant;
}

/**
 * Reads the call log of an account (F17). Same failure contract as the domain repositories: another
 * account's calls behave as absent; `first` and `after` are checked as `PageRequest` says; a
 * rejection means the store is unreachable.
 */
export interface CallLogReader {
  /** Newest first: by start instant, then id, both descending. */
  listCalls(accountId: Id, filter?: CallFilter, page?: PageRequest): Promise<Page<StoredCall>>;
  call(accountId: Id, callId: Id): Promise<StoredCall | undefined>;
  /**
   * What statistics need of the calls of `filter`, without reading whole calls: each one's outcome,
   * answerer, time to answer and length as its record shows them, in `listCalls`' order, the newest
   * `limit` at most.
   */
  callFigures(accountId: Id, filter: CallFilter, limit: number): Promise<readonly CallFigures[]>;
}

/**
 * One carrier event as the service applies it to a call, in plain JSON, so it can wait in a journal
 * and be applied later (possibly to a copy another instance moved on meanwhile): `change` is the
 * escalation event it means, unless the call's plan says otherwise (`unless`).
 */
export interface CallEventRecord {
  /** Which event: `leg-ended:2:busy`, `confirmation:1:confirmed`, `call-ended`, …; a repeated one changes nothing. */
  readonly key: string;
  /** null: a fact only, which moves nothing (a leg placed, a claim). */
  readonly change: EscalationEvent | null;
  /** A once-only action this event claims on the call (`place:3`, `transfer:5`): see `StoredCall.claims`. */
  readonly claim?: string;
  /** `awaiting-verdict`: no change when machine detection decides without "press 1"; `confirmation-required`: none when the plan asks for the key. */
  readonly unless: 'awaiting-verdict' | 'confirmation-required' | null;
  /** What the call log keeps of the event, whatever it changes; null for a claim alone. */
  readonly fact: CallFact | null;
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

/**
 * Finds the hotline answering an inbound call. Asked on every call, so implementations cache
 * (`CachingHotlineLookup` wraps a repository).
 * Failure contract: `undefined` is an answer — no hotline owns this number (the caller hears a polite
 * message); a rejection means the lookup cannot tell now (store unreachable), and the call falls back.
 */
export interface HotlineLookup {
  /** `e164`: the number called, in E.164 (`+33140000000`). */
  byNumber(e164: string): Promise<Hotline | undefined>;
}

/**
 * Whether an account's hotlines are in service: an operator disables an account, and its callers hear
 * that the line is not in service instead of being routed. Asked on every answered call, so
 * implementations cache (and drop the entry when the account changes).
 * Failure contract: a rejection means it cannot tell now; the call is routed as if in service.
 */
export interface LineStatus {
  outOfService(accountId: Id): Promise<boolean>;
}

/**
 * The plan for a call reaching a hotline at an instant (F9): the routing queries service reads the
 * schedule and the directory and calls the domain's `planCall`.
 * Failure contract: a rejection means the schedule or directory could not be read; the call falls
 * back to the last plan known for the number, or to the emergency number.
 */
export interface CallPlanner {
  /**
   * `dryRun` (a simulated call): the balanced levels' rotation is read, not counted. `planned`, when
   * given, is told the plan as soon as it is known, before the balanced levels' turns are read (the
   * same people, in the order before the turn): a read about those people then goes out alongside.
   */
  planFor(hotline: Hotline, at: Instant, options?: PlanningOptions): Promise<CallPlan>;
}

export interface PlanningOptions {
  readonly dryRun?: boolean;
  readonly planned?: (plan: CallPlan) => void;
}

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

/** Runs something later; how time budgets run out. Tests pass one they control. */
export interface Timer {
  /** Calls `callback` once after `ms` milliseconds; the returned function cancels it. */
  schedule(ms: number, callback: () => void): () => void;
}
