import {
  AuditEntry,
  Id,
  Instant,
  LocalRange,
  NotFound,
  Override,
  OverrideStop,
  Result,
  ScheduleRepository,
  ScheduleVersionReader,
  ScheduleView,
  ScheduleWrite,
  Slot,
  VersionConflictError,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { rowKey } from '../in-memory-database';
import { NOT_FOUND, InMemoryRepository } from './in-memory-repository';

const overlapsLocal = (s: Slot, range: LocalRange) => s.start.wall < range.end.wall && range.start.wall < s.end.wall;
const byStart = (a: Slot, b: Slot) => a.start.wall - b.start.wall || a.end.wall - b.end.wall;

/** Slots, overrides and the schedule's version; the optional version reader of routing too. */
export class InMemoryScheduleRepository
  extends InMemoryRepository
  implements ScheduleRepository, ScheduleVersionReader
{
  private interleaved: (() => Promise<void> | void)[] = [];

  /**
   * Runs `write` inside the next `applyChange`, after the caller read its version and before the
   * version is checked: another writer getting there first, as under real contention.
   */
  interleave(write: () => Promise<void> | void): void {
    this.interleaved.push(write);
  }

  async slots(accountId: Id, hotlineId: Id, range: LocalRange): Promise<ScheduleView | undefined> {
    this.called('slots');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    return (
      rows && {
        slots: [...rows.slots.values()].filter((s) => overlapsLocal(s, range)).sort(byStart),
        version: rows.version,
      }
    );
  }

  async slotsByIds(accountId: Id, hotlineId: Id, ids: readonly Id[]): Promise<ScheduleView | undefined> {
    this.called('slotsByIds');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    return (
      rows && {
        slots: ids.map((id) => rows.slots.get(id)).filter((s): s is Slot => s !== undefined),
        version: rows.version,
      }
    );
  }

  async scheduleVersion(accountId: Id, hotlineId: Id): Promise<number | undefined> {
    this.called('scheduleVersion');
    return this.schedules.get(rowKey(accountId, hotlineId))?.version;
  }

  async applyChange(
    accountId: Id,
    hotlineId: Id,
    { expectedVersion, change, audit }: ScheduleWrite,
  ): Promise<{ version: number }> {
    this.called('applyChange');
    const other = this.interleaved.shift();
    if (other) await other();
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    if (!rows) return invalid('UNKNOWN_HOTLINE', 'hotlineId', `no hotline ${hotlineId} in this account`);
    if (rows.version !== expectedVersion)
      throw new VersionConflictError(`schedule of ${hotlineId} is at version ${rows.version}, not ${expectedVersion}`);
    const check = (slots: readonly Slot[], field: string, mustExist: boolean) =>
      slots.forEach((s, i) => {
        if (s.hotlineId !== hotlineId)
          invalid('HOTLINE_MISMATCH', `${field}[${i}].hotlineId`, `slot ${s.id} belongs to hotline ${s.hotlineId}`);
        if (rows.slots.has(s.id) !== mustExist)
          invalid(mustExist ? 'UNKNOWN_SLOT' : 'DUPLICATE_ID', `${field}[${i}].id`, `slot ${s.id}`);
        this.assertAssigneesKnown(accountId, s.assignees, `${field}[${i}].assignees`);
      });
    check(change.added, 'added', false);
    check(change.updated, 'updated', true);
    change.removedIds.forEach((id, i) => {
      if (!rows.slots.has(id)) invalid('UNKNOWN_SLOT', `removedIds[${i}]`, `no slot ${id}`);
    });
    for (const id of change.removedIds) rows.slots.delete(id);
    for (const s of [...change.updated, ...change.added]) rows.slots.set(s.id, s);
    rows.version += 1;
    const auditTable = this.db.table<AuditEntry>('audit');
    for (const entry of audit ?? []) auditTable.set(String(auditTable.size), entry);
    return { version: rows.version };
  }

  async overrides(accountId: Id, hotlineId: Id, { from, to }: { from: Instant; to: Instant }): Promise<Override[]> {
    this.called('overrides');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    return rows ? [...rows.overrides.values()].filter((o) => o.start < to && from < o.end) : [];
  }

  async saveOverride(accountId: Id, override: Override): Promise<void> {
    this.called('saveOverride');
    const rows = this.schedules.get(rowKey(accountId, override.hotlineId));
    if (!rows) return invalid('UNKNOWN_HOTLINE', 'hotlineId', `no hotline ${override.hotlineId} in this account`);
    this.assertAssigneesKnown(accountId, override.assignees, 'assignees');
    rows.overrides.delete(override.id);
    rows.overrides.set(override.id, override);
  }

  async endOverride(accountId: Id, hotlineId: Id, { id, at }: OverrideStop): Promise<Result<void, NotFound>> {
    this.called('endOverride');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    const current = rows?.overrides.get(id);
    if (!rows || !current) return err(NOT_FOUND);
    if (at <= current.start) rows.overrides.delete(id);
    else if (at < current.end) rows.overrides.set(id, { ...current, end: at });
    return ok(undefined);
  }

  async deleteOverride(accountId: Id, hotlineId: Id, id: Id): Promise<Result<void, NotFound>> {
    this.called('deleteOverride');
    const rows = this.schedules.get(rowKey(accountId, hotlineId));
    return rows?.overrides.delete(id) ? ok(undefined) : err(NOT_FOUND);
  }
}
