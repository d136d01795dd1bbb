import { AssigneeRef, Id, LocalDateTime, Override, Slot, assigneeList } from '@dutyline/domain';
import { OverrideAssigneeRow, OverrideRow, SlotAssigneeRow, SlotRow } from '../entities';
import { byPosition } from './positions';

interface AssigneeColumns {
  accountId: string;
  position: number;
  personId: string | null;
  teamId: string | null;
}

const assigneeColumns = (accountId: Id, ref: AssigneeRef, position: number): AssigneeColumns => ({
  accountId,
  position,
  personId: ref.kind === 'person' ? ref.id : null,
  teamId: ref.kind === 'team' ? ref.id : null,
});

/** Escalation levels in order, checked by the domain's `assigneeList()`. */
const assigneesFrom = (rows: readonly AssigneeColumns[], field: string): AssigneeRef[] =>
  assigneeList(
    byPosition(rows).map((r) =>
      r.personId !== null ? { kind: 'person', id: r.personId } : { kind: 'team', id: r.teamId ?? '' },
    ),
    field,
  );

export function slotToRows(accountId: Id, slot: Slot): { row: SlotRow; assignees: SlotAssigneeRow[] } {
  return {
    row: { accountId, id: slot.id, hotlineId: slot.hotlineId, start: slot.start.toString(), end: slot.end.toString() },
    assignees: slot.assignees.map((ref, position) => ({
      ...assigneeColumns(accountId, ref, position),
      slotId: slot.id,
    })),
  };
}

export function slotFromRows(row: SlotRow, assignees: readonly SlotAssigneeRow[]): Slot {
  return {
    id: row.id,
    hotlineId: row.hotlineId,
    start: LocalDateTime.parse(row.start, 'start'),
    end: LocalDateTime.parse(row.end, 'end'),
    assignees: assigneesFrom(assignees, `slot ${row.id} assignees`),
  };
}

export function overrideToRows(accountId: Id, o: Override): { row: OverrideRow; assignees: OverrideAssigneeRow[] } {
  return {
    row: {
      accountId,
      id: o.id,
      hotlineId: o.hotlineId,
      start: o.start,
      end: o.end,
      level: o.level,
      reason: o.reason,
      createdAt: o.createdAt,
    },
    assignees: o.assignees.map((ref, position) => ({ ...assigneeColumns(accountId, ref, position), overrideId: o.id })),
  };
}

export function overrideFromRows(row: OverrideRow, assignees: readonly OverrideAssigneeRow[]): Override {
  return {
    id: row.id,
    hotlineId: row.hotlineId,
    start: row.start,
    end: row.end,
    assignees: assigneesFrom(assignees, `override ${row.id} assignees`),
    level: row.level,
    createdAt: row.createdAt,
    reason: row.reason,
  };
}
