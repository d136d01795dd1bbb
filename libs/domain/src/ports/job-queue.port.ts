import { Instant, Result } from '../shared';

/**
 * The jobs a queue carries, as a type: job name → payload, e.g. `{ 'voicemail-delivery': { recordingId: string } }`.
 * Payloads are JSON (strings, numbers, booleans, null, arrays, plain objects): they cross processes.
 * An interface works as well as a type alias.
 */
export type JobMap = object;

export interface JobOptions {
  /**
   * Deterministic id, unique per job name: enqueuing the same name and id while that job is waiting,
   * delayed, running or failed keeps the first one. Once the job completes the id is free again.
   */
  readonly jobId: string;
  /** Not before this instant. @defaultValue now */
  readonly runAt?: Instant;
  /** Runs at most this many times (retries included). @defaultValue 5 */
  readonly attempts?: number;
}

/** A job whose failure must not be retried (e.g. an invalid address): it fails at once. */
export class NonRetryableJobError extends Error {
  override name = 'NonRetryableJobError';
}

/**
 * Background work, the producer side. Failure contract: `enqueue` rejects when the job could not be
 * stored; the caller keeps its own durable record (the database) and a reconcile pass enqueues it again.
 */
export interface JobQueuePort<Jobs extends JobMap> {
  enqueue<K extends keyof Jobs & string>(name: K, payload: Jobs[K], options: JobOptions): Promise<void>;
}

/**
 * Optional ability of a queue: takes back a job that has not started (waiting or delayed). Resolves
 * true when it was removed; false when there was none, or it is running, done or failed.
 * Failure contract: a rejection means the queue could not be reached; nothing was changed.
 */
export interface JobCanceller<Jobs extends JobMap> {
  cancel(name: keyof Jobs & string, jobId: string): Promise<boolean>;
}

export interface JobContext {
  readonly jobId: string;
  /** 1 on the first run, 2 on the first retry… */
  readonly attempt: number;
  readonly maxAttempts: number;
}

/** Does one job. Must be safe to run again for the same `jobId` (a crash may repeat it). */
export type JobHandler<Payload> = (payload: Payload, context: JobContext) => Promise<void>;

/**
 * Background work, the consumer side: runs one handler per job name. Failure contract for handlers:
 * a rejection with `NonRetryableJobError` fails the job at once; any other rejection retries it with
 * exponential backoff until its attempts are spent; a failed job is kept for inspection.
 */
export interface JobProcessorHost<Jobs extends JobMap> {
  /** One handler per name, registered before `start()`. */
  register<K extends keyof Jobs & string>(name: K, handler: JobHandler<Jobs[K]>): void;
  /** Starts taking jobs; resolves once it does (it may wait while the queue's store is unreachable). */
  start(): Promise<void>;
  /** Stops taking jobs, waits for the running ones, closes what it opened. Never rejects. */
  close(): Promise<void>;
}

export interface QueueDepth {
  readonly name: string;
  readonly waiting: number;
  readonly delayed: number;
  readonly active: number;
  readonly failed: number;
}

export interface FailedJob {
  readonly name: string;
  readonly jobId: string;
  readonly payload: unknown;
  /** The last error's message. */
  readonly reason: string;
  readonly attemptsMade: number;
  readonly maxAttempts: number;
  readonly failedAt: Instant;
}

export interface FailedJobsQuery {
  /** @defaultValue every name */
  readonly name?: string;
  /** @defaultValue 50 */
  readonly limit?: number;
}

export interface FailedJobNotFound {
  readonly code: 'FAILED_JOB_NOT_FOUND';
  readonly name: string;
  readonly jobId: string;
}

/**
 * What an admin sees of the background work, and the one repair they can make.
 * Failure contract: a rejection means the queue could not be reached; nothing was changed.
 */
export interface JobQueueInspector {
  /** One entry per job name the queue serves, in the order they were configured. */
  depths(): Promise<QueueDepth[]>;
  /** The most recent failures first, of one job name or all. */
  failedJobs(options?: FailedJobsQuery): Promise<FailedJob[]>;
  /** Puts a failed job back to run now with its attempts renewed. */
  retryFailed(name: string, jobId: string): Promise<Result<void, FailedJobNotFound>>;
}
