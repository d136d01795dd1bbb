import { AssigneeRef, sameAssignee } from '../directory/assignee';
import { Instant, TimeZone, invalid } from '../shared';
import { compareIds, compareOverridePrecedence } from './override-precedence';
import { OnCall, OnCallSegment, Override, Slot } from './slot';

/** Nobody on duty. */
export const NOBODY_ON_CALL: OnCall = Object.freeze({
  levels: Object.freeze([]),
  slotId: null,
  overrideIds: Object.freeze([]),
});

/** A slot with its wall-clock bounds resolved to instants in the hotline's zone. */
interface TimedSlot {
  readonly slot: Slot;
  readonly start: Instant;
  readonly end: Instant;
}

interface Boundary {
  readonly at: Instant;
  readonly enters: boolean;
  readonly slot?: TimedSlot;
  readonly override?: Override;
}

/**
 * Who is on duty at any instant, for one hotline, from the slots and overrides given.
 *
 * `build` resolves every slot's wall-clock bounds to instants once (ADR 0001) and sweeps the
 * boundaries to precompute the effective timeline as consecutive stretches; `onCallAt` is then a
 * binary search and `segments` a walk over the stretches. Outside the slots and overrides given,
 * nobody is on duty: load everything overlapping the time you will ask about.
 *
 * What is in force at an instant:
 * - the slot covering it (a hotline's slots never overlap, ADR 0002; were stored slots to overlap
 *   anyway, the one starting last wins so routing still gets one answer);
 * - over it, the overrides covering it, applied in precedence order (created last wins, ties go
 *   to the higher id): an override without `level` replaces the whole list; one with `level`
 *   replaces that level of whatever is in force beneath, or is appended when the list is shorter;
 * - an assignee listed twice after that keeps only its earliest level (nobody is rung twice).
 *
 * `overrideIds` names the overrides that shaped the answer, in the order they were applied
 * (overrides hidden entirely by a later whole-list override are not named); `slotId` is the slot
 * beneath, even when an override replaces all of its levels.
 *
 * Build cost: O(n log n) for n slots and overrides, plus, at each boundary, the level overrides
 * stacked above the latest whole-list override (none or a few in practice).
 */
export class ScheduleIndex {
  private constructor(
    readonly zone: TimeZone,
    /** `starts[i]` is where `states[i]` begins; it lasts until `starts[i + 1]`, the last one forever. */
    private readonly starts: Float64Array,
    private readonly states: readonly OnCall[],
  ) {}

  static build(zone: TimeZone, slots: readonly Slot[], overrides: readonly Override[]): ScheduleIndex {
    const boundaries: Boundary[] = [];
    for (const slot of slots) {
      const timed = { slot, start: zone.toInstant(slot.start), end: zone.toInstant(slot.end) };
      if (timed.end <= timed.start) continue; // wholly inside a skipped hour: no real time
      boundaries.push({ at: timed.start, enters: true, slot: timed }, { at: timed.end, enters: false, slot: timed });
    }
    for (const override of overrides) {
      if (override.end <= override.start) continue;
      boundaries.push({ at: override.start, enters: true, override }, { at: override.end, enters: false, override });
    }
    boundaries.sort((a, b) => a.at - b.at);

    const activeSlots = new SortedList<TimedSlot>((a, b) => a.start - b.start || compareIds(a.slot.id, b.slot.id));
    const activeOverrides = new SortedList<Override>(compareOverridePrecedence);
    const starts: number[] = [];
    const states: OnCall[] = [];
    for (let i = 0; i < boundaries.length;) {
      const at = boundaries[i].at;
      for (; i < boundaries.length && boundaries[i].at === at; i++) {
        const { enters, slot, override } = boundaries[i];
        if (slot) activeSlots.toggle(slot, enters);
        if (override) activeOverrides.toggle(override, enters);
      }
      const state = onCallOf(activeSlots.items.at(-1)?.slot ?? null, activeOverrides.items);
      if (states.length > 0 && sameOnCall(states[states.length - 1], state)) continue;
      starts.push(at);
      states.push(state);
    }
    return new ScheduleIndex(zone, Float64Array.from(starts), states);
  }

  /** Who is on duty at `at`; empty `levels` when nobody is. */
  onCallAt(at: Instant): OnCall {
    const i = this.stateIndexAt(at);
    return i < 0 ? NOBODY_ON_CALL : this.states[i];
  }

  /**
   * The stretches of `[from, to)` during which someone is on duty, in order, clipped to the range.
   * Consecutive stretches differ in their levels, slot or overrides; the time between them is a gap.
   */
  segments(from: Instant, to: Instant): OnCallSegment[] {
    if (to < from) invalid('INVALID_RANGE', 'to', 'the end must not be before the start');
    const segments: OnCallSegment[] = [];
    for (let i = Math.max(0, this.stateIndexAt(from)); i < this.states.length && this.starts[i] < to; i++) {
      const state = this.states[i];
      if (state.levels.length === 0) continue;
      const start = Math.max(this.starts[i], from);
      const end = i + 1 < this.starts.length ? Math.min(this.starts[i + 1], to) : to;
      if (end > start)
        segments.push({ start, end, levels: state.levels, slotId: state.slotId, overrideIds: state.overrideIds });
    }
    return segments;
  }

  /** The first instant after `at` at which who is on duty changes, or null when it never does again. */
  nextChangeAfter(at: Instant): Instant | null {
    const next = this.stateIndexAt(at) + 1;
    return next < this.starts.length ? this.starts[next] : null;
  }

  /** Index of the last stretch starting at or before `at`, -1 before the first. */
  private stateIndexAt(at: Instant): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/** The rule of the class comment, for one stretch. `overrides` is in precedence order. */
function onCallOf(slot: Slot | null, overrides: readonly Override[]): OnCall {
  let top = overrides.length - 1;
  while (top >= 0 && overrides[top].level !== null) top--;
  if (!slot && overrides.length === 0) return NOBODY_ON_CALL;
  const levels: AssigneeRef[] = [...(top >= 0 ? overrides[top].assignees : (slot?.assignees ?? []))];
  const overrideIds = top >= 0 ? [overrides[top].id] : [];
  for (let i = top + 1; i < overrides.length; i++) {
    const { level, assignees, id } = overrides[i];
    if (level! < levels.length) levels.splice(level!, 1, ...assignees);
    else levels.push(...assignees);
    overrideIds.push(id);
  }
  const distinct = levels.filter((a, i) => levels.findIndex((b) => sameAssignee(a, b)) === i);
  return Object.freeze({
    levels: Object.freeze(distinct),
    slotId: slot?.id ?? null,
    overrideIds: Object.freeze(overrideIds),
  });
}

function sameOnCall(a: OnCall, b: OnCall): boolean {
  return (
    a.slotId === b.slotId &&
    a.levels.length === b.levels.length &&
    a.levels.every((x, i) => sameAssignee(x, b.levels[i])) &&
    a.overrideIds.length === b.overrideIds.length &&
    a.overrideIds.every((x, i) => x === b.overrideIds[i])
  );
}

/** The items currently in force, kept in ascending order. */
class SortedList<T> {
  readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  toggle(item: T, present: boolean): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.items[mid], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (present) {
      this.items.splice(lo, 0, item);
      return;
    }
    while (lo < this.items.length && this.items[lo] !== item) lo++;
    if (lo < this.items.length) this.items.splice(lo, 1);
  }
}
