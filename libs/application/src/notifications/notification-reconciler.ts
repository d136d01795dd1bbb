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
  /** Deliveries read per batch; also the gap checks enqueued at once. @defaultValue 500 */
  readonly batchSize?: number;
}

export interface ReconcileReport {
  /** Pending deliveries enqueued again (a job still queued collapses with its copy). */
  readonly deliveries: number;
  /** Hotlines with gap notices left unsent, checked now. */
  readonly gapOutboxes: number;
  /** Hotlines whose periodic gap check was (re)started (0 on a pass that left the chains alone). */
  readonly gapChecks: number;
}

/**
 * On worker start: whatever is owed but may be missing from the queue (a flushed Redis, the in-process
 * queue of a restarted embedded app, a crash between the database write and the enqueue) is enqueued
 * again under the same deterministic ids, so what is still queued collapses with it:
 * - every pending voicemail and unanswered-call delivery;
 * - an immediate gap check for each hotline whose gap notices were not all sent;
 * - the periodic gap check of every hotline, which restarts a self-rescheduling chain Redis lost. The
 *   first pass enqueues the current period's check (due now, so coverage is looked at on start); later
 *   passes, at most once per interval, the next period's, the id the live chain has already queued, so
 *   they collapse with it. Not the current period's again: that job is removed once done, so its id
 *   would run every hotline's check again at each pass (every 30 s: the whole fleet, without end).
 * Failure contract: rejects when the database or the queue is unreachable; running it again is safe.
 */
export class NotificationReconciler {
  /** When the chains were last restarted; null before the first pass. */
  private chainsRestartedAt: number | null = null;

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

    const gapChecks = await this.restartChains(now, { intervalMs, batchSize });
    return { deliveries, gapOutboxes: outboxes.length, gapChecks };
  }

  /** Enqueues every hotline's periodic check, `batchSize` at a time (one round trip for the batch). */
  private async restartChains(
    now: number,
    { intervalMs, batchSize }: { intervalMs: number; batchSize: number },
  ): Promise<number> {
    const last = this.chainsRestartedAt;
    const first = last === null;
    if (last !== null && now - last < intervalMs) return 0;
    const watched = await this.deps.hotlines.watchedHotlines();
    for (let start = 0; start < watched.length; start += batchSize) {
      await Promise.all(
        watched.slice(start, start + batchSize).map((hotline) => {
          const current = gapCheckPeriodStart(hotline, now, intervalMs);
          const period = first ? current : current + intervalMs;
          return this.deps.queue.enqueue(
            'gaps.check',
            { ...hotline, periodStart: period },
            { jobId: periodicGapCheckId(hotline, period), runAt: period },
          );
        }),
      );
    }
    this.chainsRestartedAt = now;
    return watched.length;
  }
}
