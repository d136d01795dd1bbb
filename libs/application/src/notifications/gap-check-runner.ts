import { Clock } from '@dutyline/domain';
import { GapAlerts, GapCheckOutcome } from './gap-alerts';
import {
  DEFAULT_GAP_CHECK_INTERVAL_MS,
  GapCheckJob,
  NotificationJobQueue,
  gapCheckPeriodStart,
  periodicGapCheckId,
} from './notification-jobs';

export interface GapCheckRunnerDeps {
  readonly gapAlerts: Pick<GapAlerts, 'check'>;
  readonly queue: NotificationJobQueue;
  readonly clock: Clock;
  /** @defaultValue DEFAULT_GAP_CHECK_INTERVAL_MS (1 h) */
  readonly intervalMs?: number;
}

/**
 * The `gaps.check` job. A periodic check then enqueues the next period's (the id names the period,
 * so every worker and every retry enqueues the same job), also when the check failed: a failing check
 * never breaks the chain. A hotline that is gone ends its chain; a worker that dies mid-check leaves
 * the job to be run again, which enqueues the next one.
 */
export class GapCheckRunner {
  readonly intervalMs: number;

  constructor(private readonly deps: GapCheckRunnerDeps) {
    this.intervalMs = deps.intervalMs ?? DEFAULT_GAP_CHECK_INTERVAL_MS;
  }

  async run(job: GapCheckJob): Promise<GapCheckOutcome> {
    const hotline = { accountId: job.accountId, hotlineId: job.hotlineId };
    const scheduleNext = async () => {
      if (job.periodStart === null) return;
      const next = gapCheckPeriodStart(hotline, this.deps.clock.now(), this.intervalMs) + this.intervalMs;
      await this.deps.queue.enqueue(
        'gaps.check',
        { ...hotline, periodStart: next },
        { jobId: periodicGapCheckId(hotline, next), runAt: next },
      );
    };
    let outcome: GapCheckOutcome;
    try {
      outcome = await this.deps.gapAlerts.check(hotline);
    } catch (error) {
      await scheduleNext();
      throw error;
    }
    if (outcome.status !== 'hotline-gone') await scheduleNext();
    return outcome;
  }
}
