import { AssigneeRef, Hotline, Id, InUse, NotFound, Override, Person, Slot, Team, invalid } from '@dutyline/domain';
import { InMemoryDatabase, rowKey, rowsOf, sortName } from '../in-memory-database';

export interface ScheduleRows {
  version: number;
  readonly slots: Map<Id, Slot>;
  readonly overrides: Map<Id, Override>;
}

export const NOT_FOUND: NotFound = { code: 'NOT_FOUND' };
export const byName = (x: { name: string; id: string }) => ({ sort: sortName(x.name), id: x.id });

/** Table access shared by the fakes. */
export abstract class InMemoryRepository {
  constructor(protected readonly db: InMemoryDatabase) {}

  protected called(name: string): void {
    this.db.calls.push(`${this.constructor.name.replace(/^InMemory|Repository$/g, '')}.${name}`);
  }

  protected get people() {
    return this.db.table<Person>('people');
  }
  protected get teams() {
    return this.db.table<Team>('teams');
  }
  protected get hotlines() {
    return this.db.table<Hotline>('hotlines');
  }
  protected get schedules() {
    return this.db.table<ScheduleRows>('schedules');
  }

  /** What still names a person or a team. */
  protected usesOf(accountId: Id, ref: AssigneeRef): InUse['usedBy'] {
    const named = (list: readonly AssigneeRef[]) => list.some((a) => a.kind === ref.kind && a.id === ref.id);
    const usedBy: { kind: 'team' | 'hotline' | 'slot' | 'override'; id: Id }[] = [];
    if (ref.kind === 'person') {
      for (const t of rowsOf(this.teams, accountId))
        if (t.memberIds.includes(ref.id)) usedBy.push({ kind: 'team', id: t.id });
      for (const h of rowsOf(this.hotlines, accountId))
        if (h.supervisorIds.includes(ref.id)) usedBy.push({ kind: 'hotline', id: h.id });
    }
    for (const schedule of rowsOf(this.schedules, accountId)) {
      for (const s of schedule.slots.values()) if (named(s.assignees)) usedBy.push({ kind: 'slot', id: s.id });
      for (const o of schedule.overrides.values()) if (named(o.assignees)) usedBy.push({ kind: 'override', id: o.id });
    }
    return usedBy;
  }

  protected assertAssigneesKnown(accountId: Id, assignees: readonly AssigneeRef[], field: string): void {
    assignees.forEach((a, i) => {
      const table = a.kind === 'person' ? this.people : this.teams;
      if (!table.has(rowKey(accountId, a.id)))
        invalid('UNKNOWN_ASSIGNEE', `${field}[${i}].id`, `no ${a.kind} ${a.id} in this account`);
    });
  }

  protected assertPeopleKnown(accountId: Id, ids: readonly Id[], field: string): void {
    ids.forEach((id, i) => {
      if (!this.people.has(rowKey(accountId, id)))
        invalid('UNKNOWN_PERSON', `${field}[${i}]`, `no person ${id} in this account`);
    });
  }
}

export const byIdsInOrder = <T>(table: Map<string, T>, accountId: Id, ids: readonly Id[]): T[] =>
  [...new Set(ids)].map((id) => table.get(rowKey(accountId, id))).filter((x): x is T => x !== undefined);
