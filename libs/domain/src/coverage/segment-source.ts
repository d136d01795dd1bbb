import { Instant } from '../shared';
import { OnCallSegment } from '../schedule/slot';

/**
 * Who is on duty over a stretch of real time, as coverage reads it (the schedule's index provides it).
 * Contract: segments come in order, do not overlap, are clipped to `[from, to)` and are only the
 * stretches where someone is assigned (non-empty `levels`). Breaking it is a bug and throws.
 */
export interface SegmentSource {
  segments(from: Instant, to: Instant): OnCallSegment[];
}
