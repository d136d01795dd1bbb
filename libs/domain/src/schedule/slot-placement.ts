import { AssigneeRef } from '../directory/assignee';
import { IdGenerator } from '../ports/id-generator.port';
import { Id, LocalDateTime, Result, err, invalid, localRange, ok, validatingUnder } from '../shared';
import { OverlapMode, OverlapOptions, ScheduleChange, byStart, changeBetween } from './schedule-change';
import { SCHEDULE_LIMITS, SlotOverlapError, slotOverlap } from './schedule-error';
import { Slot } from './slot';

/** A slot about to be written. `id` is set when an existing slot is being moved or resized. */
export interface SlotPlacement {
  /** The input it comes from, for error paths: `slots[3]`, `windows[0]`; empty for a single slot. */
  readonly field: string;
  readonly id?: Id;
  readonly hotlineId: Id;
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
  readonly assignees: readonly AssigneeRef[];
}

export interface PlacementOptions {
  readonly mode: OverlapMode;
  readonly ids: IdGenerator;
  /** The input blamed when a write adds too many slots. */
  readonly batchField: string;
}

export const overlaps = (a: { start: LocalDateTime; end: LocalDateTime }, b: { start: LocalDateTime; end: LocalDateTime }): boolean =>
  a.start.wall < b.end.wall && b.start.wall < a.end.wall;

/**
 * Writes `placements` among `existing` by the overlap rule (ADR 0002): slots never overlap in
 * wall-clock time. `reject` refuses the write if any placement overlaps an existing slot;
 * `replace` trims, splits or removes existing slots where the placements lie (a trimmed slot
 * keeps its id, the later piece of a split gets a new one). New slots take their ids in order,
 * each before the pieces its own split creates.
 *
 * Throws ValidationError for placements that can never be written: empty or reversed ranges,
 * slots longer than `SCHEDULE_LIMITS.maxSlotDays`, too many slots, placements overlapping each other.
 */
export function placeSlots(
  existing: readonly Slot[],
  placements: readonly SlotPlacement[],
  options: PlacementOptions,
): Result<ScheduleChange, SlotOverlapError> {
  validatePlacements(placements, options.batchField);
  const movedIds = new Set(placements.flatMap((p) => (p.id ? [p.id] : [])));
  const others = existing.filter((s) => !movedIds.has(s.id));

  if (options.mode === 'reject') {
    const conflicts = placements.map((p) => others.filter((s) => overlaps(s, p)));
    const first = conflicts.findIndex((c) => c.length > 0);
    if (first >= 0) {
      const ids = [...new Set(conflicts.flat().sort(byStart).map((s) => s.id))];
      return err(slotOverlap(placements[first].field, ids));
    }
  }

  const working = new Map(others.map((s) => [s.id, s]));
  for (const placement of placements) {
    const { field: _field, ...fields } = placement;
    const placed: Slot = { ...fields, id: placement.id ?? options.ids.next() };
    for (const slot of [...working.values()].filter((s) => overlaps(s, placed)).sort(byStart)) {
      makeRoom(working, slot, placed, options.ids);
    }
    working.set(placed.id, placed);
  }
  return ok(changeBetween(existing, working.values()));
}

/** Trims, splits or removes `slot` so that it no longer overlaps `placed`. */
function makeRoom(working: Map<Id, Slot>, slot: Slot, placed: Slot, ids: IdGenerator): void {
  const keepsHead = slot.start.isBefore(placed.start);
  const keepsTail = slot.end.isAfter(placed.end);
  if (!keepsHead && !keepsTail) working.delete(slot.id);
  else if (keepsHead) working.set(slot.id, { ...slot, end: placed.start });
  else working.set(slot.id, { ...slot, start: placed.end });
  if (keepsHead && keepsTail) {
    const tail = { ...slot, id: ids.next(), start: placed.end };
    working.set(tail.id, tail);
  }
}

function validatePlacements(placements: readonly SlotPlacement[], batchField: string): void {
  if (placements.length > SCHEDULE_LIMITS.maxSlotsPerWrite) {
    invalid('TOO_MANY', batchField, `one write adds at most ${SCHEDULE_LIMITS.maxSlotsPerWrite} slots, this one ${placements.length}`);
  }
  for (const p of placements) validatingUnder(p.field, () => localRange(p.start, p.end, '', SCHEDULE_LIMITS.maxSlotDays));
  const inOrder = [...placements].sort((a, b) => a.start.wall - b.start.wall);
  for (let i = 1; i < inOrder.length; i++) {
    if (overlaps(inOrder[i - 1], inOrder[i])) {
      const [earlier, later] = [inOrder[i - 1], inOrder[i]].sort((a, b) => placements.indexOf(a) - placements.indexOf(b));
      invalid('INPUTS_OVERLAP', later.field, `${later.field} overlaps ${earlier.field}`);
    }
  }
}

export function placementOptions(options: OverlapOptions, batchField = ''): PlacementOptions {
  return { mode: options.mode ?? 'reject', ids: options.ids, batchField };
}
