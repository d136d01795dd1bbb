import { sameAssignee } from '../directory/assignee';
import { IdGenerator } from '../ports/id-generator.port';
import { Id } from '../shared';
import { Slot } from './slot';

/**
 * What a schedule operation does to a hotline's stored slots: the repository applies it as one
 * write (`ScheduleRepository.applyChange`). A trimmed slot keeps its id and appears in `updated`.
 */
export interface ScheduleChange {
  readonly added: readonly Slot[];
  readonly updated: readonly Slot[];
  readonly removedIds: readonly Id[];
}

export const NO_CHANGE: ScheduleChange = Object.freeze({
  added: Object.freeze([]),
  updated: Object.freeze([]),
  removedIds: Object.freeze([]),
});

/** How a write treats existing slots lying where the new ones go. */
export type OverlapMode =
  /** Refuse the whole write with `SLOT_OVERLAP`. */
  | 'reject'
  /** Trim, split or remove the existing slots so the new ones fit. */
  | 'replace';

export interface OverlapOptions {
  /** Hands out ids for new slots and for the second pieces of split slots. */
  readonly ids: IdGenerator;
  /** @defaultValue `'reject'` */
  readonly mode?: OverlapMode;
}

export interface SlotWriteOptions extends OverlapOptions {
  /** The hotline the new slots belong to; `existing` must all be its slots. */
  readonly hotlineId: Id;
}

/** The slots after `change`, by start. Throws when the change names a slot `existing` lacks (a bug). */
export function applyChange(existing: readonly Slot[], change: ScheduleChange): Slot[] {
  const known = new Set(existing.map((s) => s.id));
  const unknown = [...change.removedIds, ...change.updated.map((s) => s.id)].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new Error(`the change names slots that are not among the existing ones: ${unknown.join(', ')}`);
  const removed = new Set(change.removedIds);
  const updated = new Map(change.updated.map((s) => [s.id, s]));
  return [...existing.filter((s) => !removed.has(s.id)).map((s) => updated.get(s.id) ?? s), ...change.added].sort(
    byStart,
  );
}

/** The change that turns `before` into `after` (both lists of one hotline, ids unique). */
export function changeBetween(before: readonly Slot[], after: Iterable<Slot>): ScheduleChange {
  const previous = new Map(before.map((s) => [s.id, s]));
  const added: Slot[] = [];
  const updated: Slot[] = [];
  const kept = new Set<Id>();
  for (const slot of after) {
    const old = previous.get(slot.id);
    if (!old) added.push(slot);
    else {
      kept.add(slot.id);
      if (!sameSlot(old, slot)) updated.push(slot);
    }
  }
  return {
    added: added.sort(byStart),
    updated: updated.sort(byStart),
    removedIds: before.filter((s) => !kept.has(s.id)).map((s) => s.id),
  };
}

export const byStart = (a: Slot, b: Slot): number => a.start.wall - b.start.wall || a.end.wall - b.end.wall;

function sameSlot(a: Slot, b: Slot): boolean {
  return (
    a.hotlineId === b.hotlineId &&
    a.start.equals(b.start) &&
    a.end.equals(b.end) &&
    a.assignees.length === b.assignees.length &&
    a.assignees.every((x, i) => sameAssignee(x, b.assignees[i]))
  );
}
