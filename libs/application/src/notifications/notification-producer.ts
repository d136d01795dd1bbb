import { Clock, Instant } from '@dutyline/domain';
import { CallEvents, CallNotice, TimeBudget, Timer, systemTimer } from '../calls';
import {
  DEFAULT_GAP_CHECK_DEBOUNCE_MS,
  DEFAULT_GAP_CHECK_INTERVAL_MS,
  DELIVERY_JOB_NAMES,
  NotificationJobQueue,
  gapCheckPeriodStart,
  immediateGapCheckId,
  periodicGapCheckId,
} from './notification-jobs';
import { DeliveryKind, DeliveryLedger, HotlineKey, NewDelivery, OwedNotificationsJournal } from './ports';

export interface NotificationProducerDeps {
  readonly ledger: DeliveryLedger;
  readonly queue: NotificationJobQueue;
  readonly clock: Clock;
  /** @defaultValue DEFAULT_GAP_CHECK_INTERVAL_MS (1 h) */
  readonly gapCheckIntervalMs?: number;
  /** @defaultValue DEFAULT_GAP_CHECK_DEBOUNCE_MS (10 s) */
  readonly gapCheckDebounceMs?: number;
  /** Where a delivery the ledger did not take within the budget is kept; absent: the producer rejects then. */
  readonly journal?: OwedNotificationsJournal;
  /**
   * The time each store may take for one notice (the ledger write, then the enqueue), so a webhook is
   * never held by a store that stalls. @defaultValue DEFAULT_NOTICE_BUDGET_MS
   */
  readonly budgetMs?: number;
  /** How budgets run out. @defaultValue systemTimer */
  readonly timer?: Timer;
}

/** @see NotificationProducerDeps.budgetMs */
export const DEFAULT_NOTICE_BUDGET_MS = 500;

/** What `flushOwed` did. */
export interface FlushReport {
  /** Journaled deliveries now in the ledger (and settled in the journal). */
  readonly written: number;
  /** Journaled deliveries still owed locally (the ledger refused or stalled). */
  readonly left: number;
}

/**
 * What the gateway calls to get people notified: the `CallEvents` of the inbound call service, and
 * `scheduleChanged` after a schedule or hotline change. Each notice is first written to the ledger
 * (the durable truth), then enqueued with its event id as the job id, so a repeat collapses and the
 * reconcile pass finds it again if the queue lost it. Each store gets `budgetMs`: a ledger that
 * refuses or stalls sends the delivery to the local journal (written back by `flushOwed`).
 * Failure contract: rejects when neither the ledger nor the journal took the delivery, or when the
 * queue did not take the job within the budget after the ledger write (the delivery is owed and the
 * reconcile pass enqueues it).
 */
export class NotificationProducer implements CallEvents {
  private readonly intervalMs: number;
  private readonly debounceMs: number;
  private readonly budgetMs: number;
  private flushing: Promise<FlushReport> | undefined;

  constructor(private readonly deps: NotificationProducerDeps) {
    this.intervalMs = deps.gapCheckIntervalMs ?? DEFAULT_GAP_CHECK_INTERVAL_MS;
    this.debounceMs = deps.gapCheckDebounceMs ?? DEFAULT_GAP_CHECK_DEBOUNCE_MS;
    this.budgetMs = deps.budgetMs ?? DEFAULT_NOTICE_BUDGET_MS;
  }

  callUnanswered(notice: CallNotice): Promise<void> {
    return this.owe('unanswered-alert', notice);
  }

  voicemailRecorded(notice: CallNotice): Promise<void> {
    return this.owe('voicemail', notice);
  }

  /**
   * A hotline's schedule, overrides, people or service hours changed: check its coverage within the
   * debounce window (edits in one window share a check), and make sure its periodic check runs.
   * Rejects when the queue is unreachable (the periodic check and the reconcile pass catch up).
   */
  async scheduleChanged(hotline: HotlineKey): Promise<void> {
    const now = this.deps.clock.now();
    const bucket = Math.floor(now / this.debounceMs) * this.debounceMs;
    const period = gapCheckPeriodStart(hotline, now, this.intervalMs) + this.intervalMs;
    await this.within('the queue', () =>
      Promise.all([
        this.deps.queue.enqueue(
          'gaps.check',
          { ...key(hotline), periodStart: null },
          { jobId: immediateGapCheckId(hotline, bucket), runAt: bucket + this.debounceMs },
        ),
        this.deps.queue.enqueue(
          'gaps.check',
          { ...key(hotline), periodStart: period },
          { jobId: periodicGapCheckId(hotline, period), runAt: period },
        ),
      ]),
    );
  }

  /**
   * Writes what the journal owes to the ledger, oldest first, and enqueues each (a queue away is left
   * to the reconcile pass: the delivery is in the ledger then). Stops at the first ledger failure.
   * One flush at a time: a call meanwhile gets the running one.
   */
  flushOwed(): Promise<FlushReport> {
    this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flush(): Promise<FlushReport> {
    const journal = this.deps.journal;
    if (!journal) return { written: 0, left: 0 };
    const owed = await journal.owed();
    let written = 0;
    for (const delivery of owed) {
      try {
        await this.within('the delivery ledger', () => this.deps.ledger.addDelivery(delivery));
      } catch {
        break;
      }
      await journal.settle([delivery.id]);
      written += 1;
      await this.enqueue(delivery).catch(() => undefined);
    }
    return { written, left: owed.length - written };
  }

  private async owe(kind: DeliveryKind, notice: CallNotice): Promise<void> {
    const { record } = notice;
    // A call tied to no hotline (its number unknown while the store was down) has nobody to tell.
    if (record.accountId === null || record.hotlineId === null) return;
    const createdAt: Instant = this.deps.clock.now();
    const delivery: NewDelivery = {
      id: notice.eventId,
      kind,
      accountId: record.accountId,
      hotlineId: record.hotlineId,
      callId: notice.callId,
      record,
      createdAt,
    };
    try {
      await this.within('the delivery ledger', () => this.deps.ledger.addDelivery(delivery));
    } catch (error) {
      if (!this.deps.journal) throw error;
      // Owed locally; `flushOwed` writes it (a ledger write that completes late makes that a no-op).
      await this.deps.journal.append(delivery);
      return;
    }
    await this.enqueue(delivery);
  }

  private enqueue(delivery: NewDelivery): Promise<unknown> {
    return this.within('the queue', () =>
      this.deps.queue.enqueue(
        DELIVERY_JOB_NAMES[delivery.kind],
        { deliveryId: delivery.id, accountId: delivery.accountId },
        { jobId: delivery.id },
      ),
    );
  }

  /** `work` within a budget of its own; it may still complete after the rejection. */
  private within<T>(what: string, work: () => Promise<T>): Promise<T> {
    const budget = new TimeBudget(this.deps.timer ?? systemTimer, this.budgetMs);
    return budget.run(what, work).finally(() => budget.close());
  }
}

const key = (hotline: HotlineKey): HotlineKey => ({ accountId: hotline.accountId, hotlineId: hotline.hotlineId });
