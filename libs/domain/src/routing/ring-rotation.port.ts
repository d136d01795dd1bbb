import { Id } from '../shared';

/** The round-robin counter of one `balanced` level of one hotline. */
export interface RotationCounter {
  readonly accountId: Id;
  readonly hotlineId: Id;
  /** 0 = first on-call level. */
  readonly level: number;
}

/**
 * Round-robin counters of the `balanced` levels (F26), shared by every instance answering calls.
 * Failure contract: a rejection means the counter could not be read in time; the caller plans as
 * if it were 0 (a call is never held up for the rotation).
 */
export interface RingRotation {
  /** The counter for this call (0 for the first call), counting it: the next call gets one more. */
  next(counter: RotationCounter): Promise<number>;
  /** What `next` would answer now, without counting (the call-path preview). */
  peek(counter: RotationCounter): Promise<number>;
}
