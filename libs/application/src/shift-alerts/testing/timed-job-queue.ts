import {
  Clock,
  JobCanceller,
  JobContext,
  JobHandler,
  JobOptions,
  JobProcessorHost,
  JobQueuePort,
} from '@dutyline/domain';
import { ShiftAlertJobs } from '../shift-alert-jobs';

type Name = keyof ShiftAlertJobs;

interface Pending {
  readonly name: Name;
  readonly payload: unknown;
  readonly jobId: string;
  readonly runAt: number;
}

/**
 * Queue and host in one, driven by a test's clock: `runDue()` runs the jobs due by "now", in
 * order of their instant, as the in-process queue would (a name and id collapse while pending; the
 * id is free again once the job ran). Remembers each run and its outcome.
 */
export class TimedJobQueue
  implements JobQueuePort<ShiftAlertJobs>, JobCanceller<ShiftAlertJobs>, JobProcessorHost<ShiftAlertJobs>
{
  readonly pending: Pending[] = [];
  readonly ran: { name: Name; jobId: string; at: number }[] = [];
  private readonly handlers = new Map<string, JobHandler<never>>();

  constructor(private readonly clock: Clock) {}

  async enqueue<K extends Name>(name: K, payload: ShiftAlertJobs[K], options: JobOptions): Promise<void> {
    if (this.pending.some((job) => job.name === name && job.jobId === options.jobId)) return;
    this.pending.push({ name, payload, jobId: options.jobId, runAt: options.runAt ?? this.clock.now() });
  }

  async cancel(name: Name, jobId: string): Promise<boolean> {
    const i = this.pending.findIndex((job) => job.name === name && job.jobId === jobId);
    if (i >= 0) this.pending.splice(i, 1);
    return i >= 0;
  }

  register<K extends Name>(name: K, handler: JobHandler<ShiftAlertJobs[K]>): void {
    this.handlers.set(name, handler as JobHandler<never>);
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}

  /** The pending jobs of `name`: `<jobId> @ <ISO instant>`. */
  queued(name: Name): string[] {
    return this.pending
      .filter((job) => job.name === name)
      .map((job) => `${job.jobId} @ ${new Date(job.runAt).toISOString()}`);
  }

  /** Runs every job due by now, those they enqueue for now included; a failing job rejects the call. */
  async runDue(): Promise<void> {
    for (;;) {
      const due = this.pending.filter((job) => job.runAt <= this.clock.now()).sort((a, b) => a.runAt - b.runAt)[0];
      if (!due) return;
      this.pending.splice(this.pending.indexOf(due), 1);
      const handler = this.handlers.get(due.name) as JobHandler<unknown> | undefined;
      if (!handler) throw new Error(`no handler for ${due.name}`);
      const context: JobContext = { jobId: due.jobId, attempt: 1, maxAttempts: 1 };
      this.ran.push({ name: due.name, jobId: due.jobId, at: this.clock.now() });
      await handler(due.payload, context);
    }
  }
}
