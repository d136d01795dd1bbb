import { Clock, Instant } from '@dutyline/domain';
import { CallEvents, CallNotice } from '../calls/ports';
import {
  DEFAULT_GAP_CHECK_DEBOUNCE_MS,
  DEFAULT_GAP_CHECK_INTERVAL_MS,
  DELIVERY_JOB_NAMES,
  NotificationJobQueue,
  gapCheckPeriodStart,
  immediateGapCheckId,
  periodicGapCheckId,
} from './notification-jobs';
import { DeliveryKind, DeliveryLedger, HotlineKey } from './ports';

export interface NotificationProducerDeps {
  readonly ledger: DeliveryLedger;
  readonly queue: NotificationJobQueue;
  readonly clock: Clock;
  /** @defaultValue DEFAULT_GAP_CHECK_INTERVAL_MS (1 h) */
  readonly gapCheckIntervalMs?: number;
  /** @defaultValue DEFAULT_GAP_CHECK_DEBOUNCE_MS (10 s) */
  readonly gapCheckDebounceMs?: number;
}

/**
 * What the gateway calls to get people notified: the `CallEvents` of the inbound call service, and
 * `scheduleChanged` after a schedule or hotline change. Each notice is first written to the ledger
 * (the durable truth), then enqueued with its event id as the job id, so a repeat collapses and the
 * reconcile pass finds it again if the queue lost it.
 * Failure contract: rejects when the ledger could not be written (nothing is owed: the caller logs
 * it), or when the queue could not take the job after the ledger write (the delivery is owed and the
 * reconcile pass enqueues it).
 */
export class NotificationProducer implements CallEvents {
  private readonly intervalMs: number;
  private readonly debounceMs: number;

  constructor(private readonly deps: NotificationProducerDeps) {
    this.intervalMs = deps.gapCheckIntervalMs ?? DEFAULT_GAP_CHECK_INTERVAL_MS;
    this.debounceMs = deps.gapCheckDebounceMs ?? DEFAULT_GAP_CHECK_DEBOUNCE_MS;
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
    await Promise.all([
      this.deps.queue.enqueue('gaps.check', { ...key(hotline), periodStart: null }, { jobId: immediateGapCheckId(hotline, bucket), runAt: bucket + this.debounceMs }),
      this.deps.queue.enqueue('gaps.check', { ...key(hotline), periodStart: period }, { jobId: periodicGapCheckId(hotline, period), runAt: period }),
    ]);
  }

  private async owe(kind: DeliveryKind, notice: CallNotice): Promise<void> {
    const { record } = notice;
    // A call tied to no hotline (its number unknown while the store was down) has nobody to tell.
    if (record.accountId === null || record.hotlineId === null) return;
    const createdAt: Instant = this.deps.clock.now();
    await this.deps.ledger.addDelivery({
      id: notice.eventId, kind, accountId: record.accountId, hotlineId: record.hotlineId, callId: notice.callId, record, createdAt,
    });
    await this.deps.queue.enqueue(DELIVERY_JOB_NAMES[kind], { deliveryId: notice.eventId, accountId: record.accountId }, { jobId: notice.eventId });
  }
}

const key = (hotline: HotlineKey): HotlineKey => ({ accountId: hotline.accountId, hotlineId: hotline.hotlineId });
