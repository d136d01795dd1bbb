import { CallRecord, GapReason, Id, Instant } from '@dutyline/domain';

// The notifications' ports, each with its failure contract, and the data they keep.

// -- deliveries owed -----------------------------------------------------------------------------

/** What a delivery tells people about. */
export type DeliveryKind = 'voicemail' | 'unanswered-alert';

/** `pending` until every step is done; `failed` when it can never be delivered (an admin can retry the job). */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One notification owed to people, written to the database before its job is enqueued: the durable
 * truth the reconcile pass re-enqueues from. Plain JSON.
 */
export interface Delivery {
  /** The event id, also the job id: `<callId>:voicemail`, `<callId>:unanswered`. */
  readonly id: string;
  readonly kind: DeliveryKind;
  readonly accountId: Id;
  readonly hotlineId: Id;
  readonly callId: Id;
  /** The call log entry as it stood when the event happened. */
  readonly record: CallRecord;
  readonly status: DeliveryStatus;
  /**
   * Steps already done, so a repeated job skips them: `email` → the Message-ID, `sms:+336…` →
   * the carrier's message id or `refused: <reason>`.
   */
  readonly steps: Readonly<Record<string, string>>;
  readonly lastError: string | null;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

/** One step of a delivery done: its name (`email`, `sms:+336…`), its result, and when. */
export interface DeliveryStep {
  readonly step: string;
  readonly result: string;
  readonly at: Instant;
}

/** How a delivery closes: `delivered`, or `failed` with the reason. */
export interface DeliveryEnd {
  readonly status: 'delivered' | 'failed';
  readonly at: Instant;
  /** @defaultValue null: the last error noted stays */
  readonly error?: string | null;
  /** A step done just before, recorded in the same write as the close (one round trip, not two). */
  readonly step?: Omit<DeliveryStep, 'at'>;
}

export type NewDelivery = Pick<Delivery, 'id' | 'kind' | 'accountId' | 'hotlineId' | 'callId' | 'record' | 'createdAt'>;

/**
 * Deliveries owed and what was done of them. Failure contract: any rejection means the store is
 * unreachable or failed and nothing was written (the job retries; the producer's caller logs).
 */
export interface DeliveryLedger {
  /** Stores a new pending delivery; `false` (nothing written) when the id is already there. */
  addDelivery(delivery: NewDelivery): Promise<boolean>;
  delivery(id: string): Promise<Delivery | undefined>;
  /** Records one step as done (a later record of the same step replaces it). */
  recordStep(id: string, done: DeliveryStep): Promise<void>;
  /** Closes the delivery: `delivered`, or `failed` with the reason. */
  finishDelivery(id: string, end: DeliveryEnd): Promise<void>;
  /** Notes a failed attempt that will be retried. */
  noteAttemptFailed(id: string, error: string, at: Instant): Promise<void>;
  /** Pending deliveries created before `createdBefore`, oldest first, at most `limit`. */
  pendingDeliveries(options: {
    readonly createdBefore: Instant;
    readonly limit: number;
    readonly after?: string | null;
  }): Promise<Delivery[]>;
}

/**
 * A durable journal local to one process (a file in `DATA_DIR`) of deliveries owed while the database
 * could not take them. The producer appends; its `flushOwed` writes them to the ledger in order, then
 * settles them. Failure contract: `append` rejects only when the local disk refused the write.
 */
export interface OwedNotificationsJournal {
  /** Kept once it resolves (a restart finds it). */
  append(delivery: NewDelivery): Promise<void>;
  /** What is owed, oldest first. */
  owed(): Promise<NewDelivery[]>;
  /** Forgets these ids (written to the ledger). */
  settle(ids: readonly string[]): Promise<void>;
}

// -- gap alerts ----------------------------------------------------------------------------------

/** A gap as last announced to the person in charge. Plain JSON. */
export interface AnnouncedGap {
  /** `Gap.key` when first announced; an ongoing gap keeps the key it was announced under. */
  readonly key: string;
  readonly start: Instant;
  /** The end seen; when `open`, the gap was seen to run past `seenUntil` (the look-ahead's end). */
  readonly end: Instant;
  readonly open: boolean;
  /** The end of the look-ahead window of the run that last saw the gap. */
  readonly seenUntil: Instant;
  readonly reason: GapReason;
  readonly announcedAt: Instant;
}

export type GapNoticeKind = 'new' | 'changed' | 'resolved';

/** An e-mail owed about one gap, kept in the state until sent (the state's outbox). */
export interface GapNotice {
  /** Deterministic: the mail's idempotency key, `<key>/<kind>/<fingerprint>`. */
  readonly id: string;
  readonly kind: GapNoticeKind;
  readonly gap: AnnouncedGap;
  /** For `changed`: how it was announced before. */
  readonly previous: AnnouncedGap | null;
  readonly at: Instant;
}

/** What the gap alerts of one hotline remember between runs. */
export interface GapAlertState {
  /** 0 when never saved; the store moves it on by one with each save. */
  readonly version: number;
  readonly announced: readonly AnnouncedGap[];
  readonly outbox: readonly GapNotice[];
  readonly checkedAt: Instant | null;
}

export const EMPTY_GAP_ALERT_STATE: GapAlertState = { version: 0, announced: [], outbox: [], checkedAt: null };

export interface HotlineKey {
  readonly accountId: Id;
  readonly hotlineId: Id;
}

/**
 * The announced-gap state per hotline, written compare-and-set. Failure contract: `save` rejects with
 * the domain's `VersionConflictError` when another run saved first (nothing written: reload and
 * redo); any other rejection means the store is unreachable and nothing was written.
 */
export interface GapAlertStateStore {
  gapAlertState(hotline: HotlineKey): Promise<GapAlertState>;
  /** Saves if the stored version is still `state.version`; resolves with the new version. */
  saveGapAlertState(hotline: HotlineKey, state: GapAlertState, at: Instant): Promise<number>;
  /** Hotlines whose state holds notices not sent yet (for the reconcile pass). */
  hotlinesWithPendingGapNotices(): Promise<HotlineKey[]>;
}

/** Every hotline whose coverage is watched. Failure contract: a rejection means the store is unreachable. */
export interface WatchedHotlines {
  /** All hotlines of all accounts, in a stable order. */
  watchedHotlines(): Promise<HotlineKey[]>;
}

/** A JSON document of a hotline, with the version it was read at. */
export interface HotlineDocument<T> {
  readonly version: number;
  readonly body: T;
  readonly updatedAt: Instant;
}

/** A document to write over the version read (0: none stored yet), with the count of what it still owes. */
export interface DocumentWrite<T> {
  readonly expectedVersion: number;
  readonly body: T;
  readonly at: Instant;
  /** @defaultValue 0 */
  readonly pending?: number;
}

/**
 * One versioned JSON document per hotline and `kind`, deleted with the hotline (the persistence
 * adapter's `SqlHotlineDocuments` has this shape). `pending` is a count kept beside the body, so the
 * documents that still owe something are found without reading every body.
 * Failure contract: `saveDocument` rejects with the domain's `VersionConflictError` when another
 * writer got there first, with a `ValidationError` `UNKNOWN_HOTLINE` for a hotline that is not there
 * (nothing written either way); any other rejection means the store is unreachable.
 */
export interface HotlineDocumentStore {
  document<T>(hotline: HotlineKey, kind: string): Promise<HotlineDocument<T> | undefined>;
  /** Writes `body` if the stored version is still `expectedVersion` (0: none stored yet); resolves with the new version. */
  saveDocument<T>(hotline: HotlineKey, kind: string, write: DocumentWrite<T>): Promise<number>;
  /** The hotlines whose `kind` document still owes something (`pending > 0`). */
  pendingDocuments(kind: string): Promise<HotlineKey[]>;
  /** Every hotline of every account, in a stable order. */
  allHotlines(): Promise<HotlineKey[]>;
}

// -- voicemail links -----------------------------------------------------------------------------

export interface VoicemailLinkRequest {
  readonly accountId: Id;
  readonly callId: Id;
  /** The carrier's reference of the recording (`RecordingCarrier.fetchRecording`). */
  readonly recording: string;
  readonly expiresAt: Instant;
}

/** What a link opens, as long as it has not expired. */
export interface VoicemailLinkTarget {
  readonly accountId: Id;
  readonly callId: Id;
  readonly recording: string;
  readonly expiresAt: Instant;
}

/**
 * Links that play a voicemail without logging in, for an SMS (F13). A link carries a random token of
 * at least 128 bits; only its hash is stored, so a database leak gives no usable link. The gateway
 * serves `GET <publicUrl>/voicemail/<token>`: it resolves the token and streams the recording.
 * Failure contract: a rejection means the store is unreachable; nothing was written.
 */
export interface VoicemailLinks {
  issueVoicemailLink(request: VoicemailLinkRequest): Promise<{ readonly url: string }>;
  /** Deletes the links expired at `at`; resolves with how many. */
  purgeExpired(at: Instant): Promise<number>;
}

/** The gateway's side: `undefined` for an unknown, tampered or expired token (answer 404 alike). */
export interface VoicemailLinkResolver {
  resolveVoicemailLink(token: string, at: Instant): Promise<VoicemailLinkTarget | undefined>;
}
