import { GapReason, Id, Instant } from '@dutyline/domain';

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
