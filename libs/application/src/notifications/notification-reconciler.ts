import { Clock } from '@dutyline/domain';
import {
  DEFAULT_GAP_CHECK_DEBOUNCE_MS,
  DEFAULT_GAP_CHECK_INTERVAL_MS,
  DELIVERY_JOB_NAMES,
  NotificationJobQueue,
  gapCheckPeriodStart,
  immediateGapCheckId,
  periodicGapCheckId,
} from './notification-jobs';
import { DeliveryLedger, GapAlertStateStore, WatchedHotlines } from './ports';

export interface NotificationReconcilerDeps {
  readonly ledger: DeliveryLedger;
  readonly gapState: GapAlertStateStore;
  readonly hotlines: WatchedHotlines;
  readonly queue: NotificationJobQueue;
  readonly clock: Clock;
  /** @defaultValue DEFAULT_GAP_CHECK_INTERVAL_MS (1 h) */
  readonly gapCheckIntervalMs?: number;
  /** Deliveries read per batch. @defaultValue 500 */
  readonly batchSize?: number;
}

export interface ReconcileReport {
  /** Pending deliveries enqueued again (a job still queued collapses with its copy). */
  readonly deliveries: number;
  /** Hotlines with gap notices left unsent, checked now. */
  readonly gapOutboxes: number;
  /** Hotlines whose periodic gap check was (re)started. */
  readonly gapChecks: number;
}

/**
 * On worker start: whatever is owed but may be missing from the queue (a flushed Redis, the in-process
 * queue of a restarted embedded app, a crash between the database write and the enqueue) is enqueued
 * again under the same deterministic ids, so what is still queued collapses with it:
 * - every pending voicemail and unanswered-call delivery;
 * - an immediate gap check for each hotline whose gap notices were not all sent;
 * - the current period's gap check of every hotline (due now, so coverage is looked at on start), which
 *   restarts the self-rescheduling chain.
 * Failure contract: rejects when the database or the queue is unreachable; running it again is safe.
 */
export class NotificationReconciler {
  constructor(private readonly deps: NotificationReconcilerDeps) {}

  async reconcile(): Promise<ReconcileReport> {
    const { deps } = this;
    const now = deps.clock.now();
    const batchSize = deps.batchSize ?? 500;
    const intervalMs = deps.gapCheckIntervalMs ?? DEFAULT_GAP_CHECK_INTERVAL_MS;

    let deliveries = 0;
    for (let after: string | null = null; ;) {
      const batch = await deps.ledger.pendingDeliveries({ createdBefore: now + 1, limit: batchSize, after });
      for (const delivery of batch) {
        await deps.queue.enqueue(
          DELIVERY_JOB_NAMES[delivery.kind],
          { deliveryId: delivery.id, accountId: delivery.accountId },
          { jobId: delivery.id },
        );
      }
      deliveries += batch.length;
      if (batch.length < batchSize) break;
      after = batch[batch.length - 1].id;
    }

    const outboxes = await deps.gapState.hotlinesWithPendingGapNotices();
    const bucket = Math.floor(now / DEFAULT_GAP_CHECK_DEBOUNCE_MS) * DEFAULT_GAP_CHECK_DEBOUNCE_MS;
    for (const hotline of outboxes) {
      await deps.queue.enqueue(
        'gaps.check',
        { ...hotline, periodStart: null },
        { jobId: immediateGapCheckId(hotline, bucket) },
      );
    }

    const watched = await deps.hotlines.watchedHotlines();
    for (const hotline of watched) {
      const period = gapCheckPeriodStart(hotline, now, intervalMs);
      await deps.queue.enqueue(
        'gaps.check',
        { ...hotline, periodStart: period },
        { jobId: periodicGapCheckId(hotline, period), runAt: period },
      );
    }
    return { deliveries, gapOutboxes: outboxes.length, gapChecks: watched.length };
  }
}
