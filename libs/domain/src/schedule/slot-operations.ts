/**
 * Slot operations (F4). Every function here works on `existing`, the slots of one hotline the caller loaded (at least
 * all slots overlapping the affected wall-clock range), and returns the change to store.
 */
import { AssigneeRef, assigneeList } from '../directory/assignee';
import { Id, LocalDateTime, Result, err, invalid, ok, validatingUnder } from '../shared';
import { OverlapOptions, ScheduleChange, SlotWriteOptions, changeBetween } from './schedule-change';
import { SCHEDULE_LIMITS, ScheduleError, SlotNotFoundError, slotNotFound } from './schedule-error';
import { Slot } from './slot';
import { assertHotline, localDateTime } from './schedule-inputs';
import { SlotPlacement, placeSlots, placementOptions } from './slot-placement';

/** A wall-clock time as a `LocalDateTime` or its text, `2027-03-28T22:00`. */
export type LocalDateTimeInput = LocalDateTime | string;

export interface AssigneeInput {
  readonly kind: string;
  readonly id: string;
}

/** One slot to create, `[start, end)` in the hotline's wall-clock time. */
export interface SlotInput {
  readonly start: LocalDateTimeInput;
  readonly end: LocalDateTimeInput;
  /** Escalation levels in order. */
  readonly assignees: readonly AssigneeInput[];
}

/** Creates slots (F4). Input errors throw with their index: `slots[3].end`. */
export function createSlots(
  existing: readonly Slot[],
  inputs: readonly SlotInput[],
  options: SlotWriteOptions,
): Result<ScheduleChange, ScheduleError> {
  assertHotline(existing, options.hotlineId);
  if (!Array.isArray(inputs) || inputs.length === 0) invalid('REQUIRED', 'slots', 'give at least one slot');
  if (inputs.length > SCHEDULE_LIMITS.maxSlotsPerWrite) {
    invalid('TOO_MANY', 'slots', `at most ${SCHEDULE_LIMITS.maxSlotsPerWrite} slots in one write`);
  }
  const placements = inputs.map((input, i) =>
    validatingUnder(`slots[${i}]`, (): SlotPlacement => ({
      field: `slots[${i}]`,
      hotlineId: options.hotlineId,
      start: localDateTime(input?.start, 'start'),
      end: localDateTime(input?.end, 'end'),
      assignees: assigneeList(input?.assignees, 'assignees'),
    })),
  );
  return placeSlots(existing, placements, placementOptions(options, 'slots'));
}

export interface MoveSlotOptions extends OverlapOptions {
  /** The new start. */
  readonly start: LocalDateTimeInput;
}

/** Moves a slot to start at `start`, keeping its wall-clock length (8 h stays 22:00→06:00, DST or not). */
export function moveSlot(
  existing: readonly Slot[],
  id: Id,
  options: MoveSlotOptions,
): Result<ScheduleChange, ScheduleError> {
  const { start } = options;
  const slot = existing.find((s) => s.id === id);
  if (!slot) return err(slotNotFound('id', [id]));
  const newStart = localDateTime(start, 'start');
  const end = LocalDateTime.ofWall(newStart.wall + (slot.end.wall - slot.start.wall));
  const result = placeSlots(existing, [{ ...slot, field: '', start: newStart, end }], placementOptions(options));
  return result.ok ? result : err({ ...result.error, field: 'start' });
}

export interface ResizeSlotOptions extends OverlapOptions {
  /** The new bounds. */
  readonly start: LocalDateTimeInput;
  readonly end: LocalDateTimeInput;
}

/**
 * Gives a slot new bounds. On `SLOT_OVERLAP` the field is `start` when the slot grew into an
 * earlier slot, `end` otherwise.
 */
export function resizeSlot(
  existing: readonly Slot[],
  id: Id,
  options: ResizeSlotOptions,
): Result<ScheduleChange, ScheduleError> {
  const { start, end } = options;
  const slot = existing.find((s) => s.id === id);
  if (!slot) return err(slotNotFound('id', [id]));
  const placement = { ...slot, field: '', start: localDateTime(start, 'start'), end: localDateTime(end, 'end') };
  const result = placeSlots(existing, [placement], placementOptions(options));
  if (result.ok) return result;
  const growsBackwards = existing.some(
    (s) => result.error.conflictingSlotIds.includes(s.id) && s.start.isBefore(slot.start),
  );
  return err({ ...result.error, field: growsBackwards ? 'start' : 'end' });
}

/** Removes slots. Every id must be on the schedule, once. */
export function deleteSlots(existing: readonly Slot[], ids: readonly Id[]): Result<ScheduleChange, SlotNotFoundError> {
  if (!Array.isArray(ids) || ids.length === 0) invalid('REQUIRED', 'ids', 'name at least one slot');
  if (ids.length > SCHEDULE_LIMITS.maxSlotsPerWrite)
    invalid('TOO_MANY', 'ids', `at most ${SCHEDULE_LIMITS.maxSlotsPerWrite} slots in one write`);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) invalid('DUPLICATE_ID', `ids[${i}]`, `slot ${id} is already named`);
  });
  const known = new Set(existing.map((s) => s.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) return err(slotNotFound(`ids[${ids.indexOf(missing[0])}]`, missing));
  return ok({ added: [], updated: [], removedIds: [...ids] });
}

/** Replaces a slot's escalation levels. */
export function setSlotAssignees(
  existing: readonly Slot[],
  id: Id,
  assignees: readonly AssigneeInput[],
): Result<ScheduleChange, SlotNotFoundError> {
  const levels: AssigneeRef[] = assigneeList(assignees, 'assignees');
  const slot = existing.find((s) => s.id === id);
  if (!slot) return err(slotNotFound('id', [id]));
  return ok(changeBetween([slot], [{ ...slot, assignees: levels }]));
}
