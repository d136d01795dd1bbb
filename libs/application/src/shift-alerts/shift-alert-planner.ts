import { Instant, VersionConflictError, defaultShiftAlertSettings, plannedShiftAlerts } from '@dutyline/domain';
import { HotlineDocument, HotlineKey } from '../notifications';
import { ShiftAlertPorts } from './ports';
import {
  DEFAULT_SHIFT_ALERT_HORIZON_MS,
  DEFAULT_SHIFT_ALERT_PLAN_DEBOUNCE_MS,
  DEFAULT_SHIFT_ALERT_PLAN_INTERVAL_MS,
  ShiftAlertPlanJob,
  ShiftAlertSendJob,
  periodicPlanId,
  soonPlanId,
} from './shift-alert-jobs';
import { scheduleAround } from './shift-alert-schedule';

export interface ShiftAlertPlannerOptions {
  /** @defaultValue DEFAULT_SHIFT_ALERT_HORIZON_MS (48 h) */
  readonly horizonMs?: number;
  /** @defaultValue DEFAULT_SHIFT_ALERT_PLAN_INTERVAL_MS (1 h) */
  readonly intervalMs?: number;
  /** @defaultValue DEFAULT_SHIFT_ALERT_PLAN_DEBOUNCE_MS (5 s) */
  readonly debounceMs?: number;
}

export type ShiftAlertPlanOutcome =
  | { readonly status: 'hotline-gone' }
  /**
   * `queued`: the ids of the send jobs asked for (a job already queued under its id stays as it is);
   * `cancelled`: those of the last plan taken back (no longer wanted, or due at another instant).
   */
  | { readonly status: 'planned'; readonly queued: readonly string[]; readonly cancelled: readonly string[] };

/** A hotline's last plan, as kept in its `shift-alert-plan` document: each send job and when it is due. */
interface PlanBody {
  readonly queued: readonly { readonly id: string; readonly runAt: Instant }[];
}

export const SHIFT_ALERT_PLAN_DOCUMENT = 'shift-alert-plan';

interface QueuedSend {
  readonly id: string;
  readonly runAt: Instant;
  readonly job: ShiftAlertSendJob;
}

/**
 * Keeps a hotline's alerts queued for the next `horizonMs`: each duty start whose alert instant falls
 * in `[now, now + horizon)` gets its `shift-alert.send` job, id = the duty's id, at the alert instant
 * (at once for a duty starting sooner than `minutesBefore`).
 * A job of the last plan no longer wanted (duty moved or gone, other instant) is taken back when the
 * queue can; one left queued does nothing when it runs (the job checks the current schedule), which
 * holds even when a plan or a removal was missed. It runs after every
 * change of the hotline (`scheduleChanged`) and periodically, each period enqueuing the next one.
 * Failure contract: rejects when a store or the queue is unreachable (the job is retried).
 */
export class ShiftAlertPlanner {
  readonly horizonMs: number;
  readonly intervalMs: number;
  private readonly debounceMs: number;

  constructor(
    private readonly ports: Pick<
      ShiftAlertPorts,
      'hotlines' | 'people' | 'teams' | 'schedules' | 'settings' | 'queue' | 'clock' | 'cancelling'
    >,
    options: ShiftAlertPlannerOptions = {},
  ) {
    this.horizonMs = options.horizonMs ?? DEFAULT_SHIFT_ALERT_HORIZON_MS;
    this.intervalMs = options.intervalMs ?? DEFAULT_SHIFT_ALERT_PLAN_INTERVAL_MS;
    this.debounceMs = options.debounceMs ?? DEFAULT_SHIFT_ALERT_PLAN_DEBOUNCE_MS;
  }

  async plan(key: HotlineKey): Promise<ShiftAlertPlanOutcome> {
    const { ports } = this;
    const hotline = await ports.hotlines.byId(key.accountId, key.hotlineId);
    if (!hotline) return { status: 'hotline-gone' };
    const settings =
      (await ports.settings.shiftAlertSettings(key.accountId, key.hotlineId)) ?? defaultShiftAlertSettings(hotline.id);
    const now = ports.clock.now();
    const lead = settings.minutesBefore * 60_000;
    const to = now + this.horizonMs;
    const wanted: QueuedSend[] = [];
    if (settings.enabled) {
      const { schedule, directory } = await scheduleAround(ports, { hotline, from: now, to: to + lead });
      // A duty added less than `minutesBefore` ahead is still told, at once.
      for (const { duty, alertAt } of plannedShiftAlerts({ settings, schedule, directory, from: now - lead, to })) {
        if (duty.start <= now) continue;
        const job = { accountId: key.accountId, hotlineId: hotline.id, personId: duty.personId, dutyStart: duty.start };
        wanted.push({ id: duty.id, runAt: Math.max(alertAt, now), job });
      }
    }
    const last = await this.lastPlan(key);
    const cancelled = await this.cancelUnwanted(last?.body.queued ?? [], { wanted, now });
    for (const { id, runAt, job } of wanted) await ports.queue.enqueue('shift-alert.send', job, { jobId: id, runAt });
    await this.keepPlan(key, { version: last?.version ?? 0, wanted, now });
    return { status: 'planned', queued: wanted.map((w) => w.id), cancelled };
  }

  private async lastPlan(key: HotlineKey): Promise<HotlineDocument<PlanBody> | undefined> {
    return this.ports.cancelling?.plans.document<PlanBody>(key, SHIFT_ALERT_PLAN_DOCUMENT);
  }

  /** Takes back the last plan's jobs not due any more, or due at another instant (re-enqueued after). */
  private async cancelUnwanted(
    last: PlanBody['queued'],
    { wanted, now }: { wanted: readonly QueuedSend[]; now: Instant },
  ): Promise<string[]> {
    const canceller = this.ports.cancelling?.canceller;
    if (!canceller) return [];
    const runAt = new Map(wanted.map((w) => [w.id, w.runAt]));
    const cancelled: string[] = [];
    for (const queued of last) {
      if (queued.runAt <= now || runAt.get(queued.id) === queued.runAt) continue;
      if (await canceller.cancel('shift-alert.send', queued.id)) cancelled.push(queued.id);
    }
    return cancelled;
  }

  /** Two plans saving at once: the later one's list stands (a job it misses stays a no-op if unwanted). */
  private async keepPlan(
    key: HotlineKey,
    { version, wanted, now }: { version: number; wanted: readonly QueuedSend[]; now: Instant },
  ): Promise<void> {
    const plans = this.ports.cancelling?.plans;
    if (!plans) return;
    const body: PlanBody = { queued: wanted.map(({ id, runAt }) => ({ id, runAt })) };
    try {
      await plans.saveDocument(key, SHIFT_ALERT_PLAN_DOCUMENT, { expectedVersion: version, body, at: now });
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }

  /** The `shift-alerts.plan` job: plans, then (periodic ones) enqueues the next period's, also when planning failed. */
  async run(job: ShiftAlertPlanJob): Promise<ShiftAlertPlanOutcome> {
    const key = { accountId: job.accountId, hotlineId: job.hotlineId };
    const next = async () => {
      if (job.periodStart !== null) await this.enqueuePeriodic(key, this.periodAfter(this.ports.clock.now()));
    };
    let outcome: ShiftAlertPlanOutcome;
    try {
      outcome = await this.plan(key);
    } catch (error) {
      await next();
      throw error;
    }
    if (outcome.status !== 'hotline-gone') await next();
    return outcome;
  }

  /**
   * A hotline (its schedule, overrides, settings, people) changed: plan it within the debounce window,
   * and make sure its periodic plan runs. Also what a start does for every hotline.
   */
  async scheduleChanged(key: HotlineKey): Promise<void> {
    const now = this.ports.clock.now();
    const bucket = Math.floor(now / this.debounceMs) * this.debounceMs;
    await Promise.all([
      this.ports.queue.enqueue(
        'shift-alerts.plan',
        { accountId: key.accountId, hotlineId: key.hotlineId, periodStart: null },
        { jobId: soonPlanId(key, bucket), runAt: bucket + this.debounceMs },
      ),
      this.enqueuePeriodic(key, this.periodAfter(now)),
    ]);
  }

  private periodAfter(at: Instant): Instant {
    return (Math.floor(at / this.intervalMs) + 1) * this.intervalMs;
  }

  private enqueuePeriodic(key: HotlineKey, periodStart: Instant): Promise<void> {
    return this.ports.queue.enqueue(
      'shift-alerts.plan',
      { accountId: key.accountId, hotlineId: key.hotlineId, periodStart },
      { jobId: periodicPlanId(key, periodStart), runAt: periodStart },
    );
  }
}
