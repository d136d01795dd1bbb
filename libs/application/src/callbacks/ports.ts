import {
  AuditLog,
  CallPlan,
  CallbackCountry,
  CallbackOffer,
  CallbackServiceRef,
  CallbackSettingsRepository,
  CallbackStatus,
  CarrierPort,
  Clock,
  Hotline,
  HotlineRepository,
  Id,
  IdGenerator,
  Instant,
  JobQueuePort,
  Page,
  PageRequest,
  PersonRepository,
  Result,
  TeamRepository,
} from '@dutyline/domain';
import type { CallStore, StoredCall } from '../calls';
import type { CallLogger, Caller, NotFoundRefusal } from '../shared';
import type { StoredCallbackRequest } from './stored-callback-request';

/*
 * The ports of the callback feature: what the app supplies adapters for, each with its failure contract.
 */

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

/** A caller asking one service of an account to be called back at `number` (E.164). */
export interface CallbackCaller {
  readonly accountId: Id;
  readonly service: CallbackServiceRef;
  readonly number: string;
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
  oneIntakeAtATime<T>(caller: CallbackCaller, work: () => Promise<T>): Promise<T>;
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

/**
 * The directory reads the dialler makes: who is on duty for a service now. A refusal (the hotline is gone)
 * means nobody to ring; a rejection fails the job, which the queue retries.
 */
export interface CallbackRouting {
  /** The hotline's plan at `at` (on-call levels, then its supervisors). */
  callPlan(caller: Caller, hotlineId: Id, at: number): Promise<Result<CallPlan, NotFoundRefusal>>;
}

/** Look at an automatic-mode request when something is due (`callbackNextDueAt`): dial, or notice a lost call. */
export interface CallbackAttemptJob {
  readonly accountId: Id;
  readonly requestId: Id;
  /** The due instant the job was enqueued for; a job whose request is now due at another instant is stale. */
  readonly dueAt: Instant;
}

/** The background jobs of callback requests: name → payload. */
export interface CallbackJobs {
  'callback.attempt': CallbackAttemptJob;
}

export type CallbackJobName = keyof CallbackJobs;

/**
 * Where callback jobs are enqueued; failure contract as `JobQueuePort`: a rejected `enqueue` is logged,
 * never thrown (the request is stored), and the reconcile pass on worker start enqueues the job again.
 */
export type CallbackJobQueue = JobQueuePort<CallbackJobs>;

/** Every port the callback use cases need; the app supplies the adapters. */
export interface CallbackPorts {
  readonly store: CallbackRequestStore;
  readonly intake: CallbackIntakeSettingsStore;
  readonly settings: CallbackSettingsRepository;
  readonly hotlines: HotlineRepository;
  readonly teams: TeamRepository;
  readonly people: PersonRepository;
  /** The hotline's plan now (the application's `RoutingQueries` is one). */
  readonly routing: CallbackRouting;
  /** Null: outbound calls cannot be placed (automatic attempts fail and retry, click-to-call is refused). */
  readonly carrier: CarrierPort | null;
  /** Null: no jobs are enqueued (a process that only answers webhooks and reads). */
  readonly jobs: CallbackJobQueue | null;
  /** Needed by the capture (the inbound calls' store); absent: no capture. */
  readonly calls?: Pick<CallStore, 'load'>;
  /** This process's recent copy of a call (the inbound call service's `recentCall`): spares the offer a read. */
  readonly recentCall?: (callId: Id) => StoredCall | undefined;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger?: CallLogger;
  /** Who is on duty for a hotline now: members of a hotline's service are its supervisors and the people its plan rings. */
  readonly onDutyPersonIds?: (accountId: Id, hotline: Hotline) => Promise<readonly Id[]>;
}
