import { CallRecord, Id, Instant } from '@dutyline/domain';

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
  recordStep(id: string, step: string, result: string, at: Instant): Promise<void>;
  /** Closes the delivery: `delivered`, or `failed` with the reason. */
  finishDelivery(id: string, status: 'delivered' | 'failed', at: Instant, error?: string | null): Promise<void>;
  /** Notes a failed attempt that will be retried. */
  noteAttemptFailed(id: string, error: string, at: Instant): Promise<void>;
  /** Pending deliveries created before `createdBefore`, oldest first, at most `limit`. */
  pendingDeliveries(options: {
    readonly createdBefore: Instant;
    readonly limit: number;
    readonly after?: string | null;
  }): Promise<Delivery[]>;
}
