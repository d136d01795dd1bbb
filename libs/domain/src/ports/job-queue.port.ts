import { Instant } from '../shared';

export interface JobOptions {
  /** Deterministic id: enqueuing the same id twice keeps one job. */
  readonly jobId: string;
  /** Not before this instant (default: now). */
  readonly runAt?: Instant;
  /** @defaultValue 5 */
  readonly attempts?: number;
}

/** A job whose failure must not be retried (e.g. an invalid address). */
export class NonRetryableJobError extends Error {
  override name = 'NonRetryableJobError';
}

/**
 * Durable background work. Failure contract: `enqueue` rejects when the job could not be stored;
 * the caller keeps its own durable record (the database) and a reconcile pass enqueues it again.
 */
export interface JobQueuePort<Jobs extends Record<string, unknown>> {
  enqueue<K extends keyof Jobs & string>(name: K, payload: Jobs[K], options: JobOptions): Promise<void>;
}
