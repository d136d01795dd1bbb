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

export const overlaps = (
  a: { start: LocalDateTime; end: LocalDateTime },
  b: { start: LocalDateTime; end: LocalDateTime },
): boolean => a.start.wall < b.end.wall && b.start.wall < a.end.wall;

/**
 * Writes `placements` among `existing` by the overlap rule (ADR 0002): slots never overlap in
 * wall-clock time. `reject` refuses the write if any placement overlaps an existing slot;
 * `replace` trims, splits or removes existing slots where the placements lie: the first piece
 * left of a slot keeps its id, any further piece gets a new one. New slots take their ids first,
 * in input order, then the extra pieces, in start order.
 *
 * Throws ValidationError for placements that can never be written: empty or reversed ranges,
 * slots longer than `SCHEDULE_LIMITS.maxSlotDays`, too many slots, placements overlapping each other.
 * O((n + m) log m) for n existing slots and m placements.
 */
export function placeSlots(
  existing: readonly Slot[],
  placements: readonly SlotPlacement[],
  options: PlacementOptions,
): Result<ScheduleChange, SlotOverlapError> {
  const inOrder = validatePlacements(placements, options.batchField);
  const movedIds = new Set(placements.flatMap((p) => (p.id ? [p.id] : [])));
  const others = existing.filter((s) => !movedIds.has(s.id)).sort(byStart);
  const cutsOf = (slot: Slot) => overlapping(inOrder, slot);

  if (options.mode === 'reject') {
    const conflicting = others.filter((s) => cutsOf(s).length > 0);
    if (conflicting.length > 0) {
      const inputIndex = new Map(placements.map((p, i) => [p, i]));
      const first = conflicting.flatMap(cutsOf).reduce((a, p) => Math.min(a, inputIndex.get(p)!), placements.length);
      return err(
        slotOverlap(
          placements[first].field,
          conflicting.map((s) => s.id),
        ),
      );
    }
  }

  const placed: Slot[] = placements.map(({ field: _field, ...slot }) => ({
    ...slot,
    id: slot.id ?? options.ids.next(),
  }));
  const kept = others.flatMap((slot) => {
    const cuts = cutsOf(slot);
    if (cuts.length === 0) return [slot];
    return piecesLeft(slot, cuts).map((piece, i) => ({
      ...slot,
      ...piece,
      id: i === 0 ? slot.id : options.ids.next(),
    }));
  });
  return ok(changeBetween(existing, [...kept, ...placed]));
}

/** The placements overlapping `slot`; `inOrder` is sorted and free of overlaps, so its ends are sorted too. */
function overlapping(inOrder: readonly SlotPlacement[], slot: Slot): SlotPlacement[] {
  let lo = 0;
  let hi = inOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inOrder[mid].end.wall <= slot.start.wall) lo = mid + 1;
    else hi = mid;
  }
  const found: SlotPlacement[] = [];
  for (let i = lo; i < inOrder.length && inOrder[i].start.isBefore(slot.end); i++) found.push(inOrder[i]);
  return found;
}

/** What is left of `slot` outside `cuts` (sorted, apart), as ranges in order. */
function piecesLeft(slot: Slot, cuts: readonly SlotPlacement[]): { start: LocalDateTime; end: LocalDateTime }[] {
  const pieces: { start: LocalDateTime; end: LocalDateTime }[] = [];
  let cursor = slot.start;
  for (const cut of cuts) {
    if (cursor.isBefore(cut.start)) pieces.push({ start: cursor, end: cut.start });
    if (cut.end.isAfter(cursor)) cursor = cut.end;
  }
  if (cursor.isBefore(slot.end)) pieces.push({ start: cursor, end: slot.end });
  return pieces;
}

/** Checks the placements and returns them sorted by start. */
function validatePlacements(placements: readonly SlotPlacement[], batchField: string): SlotPlacement[] {
  if (placements.length > SCHEDULE_LIMITS.maxSlotsPerWrite) {
    invalid(
      'TOO_MANY',
      batchField,
      `one write adds at most ${SCHEDULE_LIMITS.maxSlotsPerWrite} slots, this one ${placements.length}`,
    );
  }
  for (const p of placements)
    validatingUnder(p.field, () => localRange(p.start, p.end, { field: '', maxDays: SCHEDULE_LIMITS.maxSlotDays }));
  const inOrder = [...placements].sort((a, b) => a.start.wall - b.start.wall);
  for (let i = 1; i < inOrder.length; i++) {
    if (overlaps(inOrder[i - 1], inOrder[i])) {
      const [earlier, later] = [inOrder[i - 1], inOrder[i]].sort(
        (a, b) => placements.indexOf(a) - placements.indexOf(b),
      );
      invalid('INPUTS_OVERLAP', later.field, `${later.field} overlaps ${earlier.field}`);
    }
  }
  return inOrder;
}

export function placementOptions(options: OverlapOptions, batchField = ''): PlacementOptions {
  return { mode: options.mode ?? 'reject', ids: options.ids, batchField };
}
