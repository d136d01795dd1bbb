import { CallOutcome, Id, Instant, Page, PageRequest } from '@dutyline/domain';
import { StoredCall } from '../stored-call';

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
}
