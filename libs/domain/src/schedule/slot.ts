import { AssigneeRef } from '../directory/assignee';
import { Id, Instant, LocalDateTime } from '../shared';

/**
 * A range of a hotline's schedule, `[start, end)` in the hotline's wall-clock time, with its
 * assignees in escalation order (index 0 is rung first). A hotline's slots never overlap.
 */
export interface Slot {
  readonly id: Id;
  readonly hotlineId: Id;
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
  readonly assignees: readonly AssigneeRef[];
}

/**
 * "Calls go to X until T": wins over the slots during `[start, end)` (real time). With `level`
 * set it replaces only that escalation level (0 = first) and leaves the others as the slot has them.
 * When overrides overlap, the one created last wins.
 */
export interface Override {
  readonly id: Id;
  readonly hotlineId: Id;
  readonly start: Instant;
  readonly end: Instant;
  readonly assignees: readonly AssigneeRef[];
  readonly level: number | null;
  readonly createdAt: Instant;
  readonly reason: string | null;
}

/** Who is on duty at one instant, and why. */
export interface OnCall {
  /** Escalation levels in order; empty when nobody is scheduled. */
  readonly levels: readonly AssigneeRef[];
  readonly slotId: Id | null;
  readonly overrideIds: readonly Id[];
}

/** A stretch of real time `[start, end)` during which who is on duty does not change. */
export interface OnCallSegment extends OnCall {
  readonly start: Instant;
  readonly end: Instant;
}
