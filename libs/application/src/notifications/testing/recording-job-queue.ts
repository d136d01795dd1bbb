import { JobOptions, JobQueuePort } from '@dutyline/domain';
import { NotificationJobName, NotificationJobs } from '../notification-jobs';

export interface RecordedJob {
  readonly name: NotificationJobName;
  readonly payload: unknown;
  readonly options: JobOptions;
}

/** Keeps what was enqueued, one per name and id while not taken (as a real queue collapses them). */
export class RecordingJobQueue implements JobQueuePort<NotificationJobs> {
  readonly jobs: RecordedJob[] = [];
  private failures = 0;

  failNext(times = 1): void {
    this.failures += times;
  }

  async enqueue<K extends NotificationJobName>(
    name: K,
    payload: NotificationJobs[K],
    options: JobOptions,
  ): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('queue unreachable');
    }
    if (this.jobs.some((job) => job.name === name && job.options.jobId === options.jobId)) return;
    this.jobs.push({ name, payload, options });
  }

  /** Takes every job out, as workers would. */
  take(): RecordedJob[] {
    return this.jobs.splice(0);
  }
}
