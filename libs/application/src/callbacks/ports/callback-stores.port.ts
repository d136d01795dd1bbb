import {
  CallbackCountry,
  CallbackOffer,
  CallbackServiceRef,
  CallbackStatus,
  Id,
  Instant,
  Page,
  PageRequest,
} from '@dutyline/domain';
import { StoredCallbackRequest } from '../stored-callback-request';

/** What the callback list is filtered on; every field narrows it. */
export interface CallbackRequestFilter {
  /** The status at `at`. */
  readonly status?: CallbackStatus;
  readonly service?: CallbackServiceRef;
  /** Only these services (an agent's); an empty list matches nothing. */
  readonly services?: readonly CallbackServiceRef[];
  /** Only requests agents may work at `at`: open and past the minimum delay. */
  readonly visible?: boolean;
  /** The instant statuses and visibility are read at. */
  readonly at: Instant;
}

/**
 * Where callback requests live. Same failure contract as the domain repositories: another account's
 * requests behave as absent; `first`/`after` checked as `PageRequest` says (`INVALID_PAGE_SIZE`,
 * `INVALID_CURSOR`); `VersionConflictError` from `save` when the stored version moved on (nothing
 * written: reload, re-apply, retry); any other rejection: the store is unreachable, nothing written.
 */
export interface CallbackRequestStore {
  /** Stores a new request at version 1 and returns it so. */
  create(record: StoredCallbackRequest): Promise<StoredCallbackRequest>;
  load(accountId: Id, id: Id): Promise<StoredCallbackRequest | undefined>;
  /** Compare-and-set on `record.version`; resolves with the record at its new version. */
  save(record: StoredCallbackRequest): Promise<StoredCallbackRequest>;
  /** The requests of this caller and service that no answer, last attempt or cancellation closed (expired ones included), oldest first. */
  unclosed(accountId: Id, service: CallbackServiceRef, number: string): Promise<StoredCallbackRequest[]>;
  /** Newest first (creation instant, then id, both descending). */
  list(accountId: Id, filter: CallbackRequestFilter, page?: PageRequest): Promise<Page<StoredCallbackRequest>>;
  /** The request whose outbound call has this id, whatever its account. */
  byCall(callId: Id): Promise<StoredCallbackRequest | undefined>;
  /** Automatic-mode requests with something due (`callbackNextDueAt`), soonest first, a page at a time. */
  dueForDialling(page?: PageRequest): Promise<Page<StoredCallbackRequest>>;
  /**
   * Runs `work` alone among the intakes of this caller for this service, across every process sharing
   * the store where it can: two requests left at the same moment are then taken one after the other,
   * so the second joins the first instead of opening a twin. Resolves or rejects as `work` does.
   */
  oneIntakeAtATime<T>(accountId: Id, service: CallbackServiceRef, number: string, work: () => Promise<T>): Promise<T>;
}

/** How a service takes callback requests in (F19): where the hotline offers them, which countries it calls back. */
export interface CallbackIntakeSettings {
  readonly accountId: Id;
  readonly service: CallbackServiceRef;
  /** Hotlines only; null: the call flow offers no callback. */
  readonly offer: CallbackOffer | null;
  /** Null: the hotline's own country only. */
  readonly allowedCountries: readonly CallbackCountry[] | null;
  readonly updatedAt: Instant;
}

/** Per-service intake settings; failure contract as the repositories. */
export interface CallbackIntakeSettingsStore {
  intakeSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackIntakeSettings | undefined>;
  saveIntakeSettings(settings: CallbackIntakeSettings): Promise<void>;
}
