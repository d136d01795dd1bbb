import {
  Id,
  Instant,
  LocalRange,
  NotFound,
  Override,
  OverrideStop,
  Result,
  ScheduleChange,
  ScheduleRepository,
  ScheduleVersionReader,
  ScheduleView,
  ScheduleWrite,
  Slot,
  VersionConflictError,
  compareOverridePrecedence,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { DataSource, EntityManager, In, LessThan, MoreThan } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import {
  AuditEntryRow,
  OverrideAssigneeRow,
  OverrideRow,
  ScheduleVersionRow,
  SlotAssigneeRow,
  SlotRow,
} from '../entities';
import { auditToRow } from '../mappers/audit.mapper';
import { overrideFromRows, overrideToRows, slotFromRows, slotToRows } from '../mappers/schedule.mapper';
import { chunks, findIn, groupBy, inOrderOf, insertAll } from '../support/batches';
import { assertAssigneesExist } from '../support/references';
import { replaceChildren, saveRow } from '../support/rows';

async function version(manager: EntityManager, accountId: Id, hotlineId: Id): Promise<number | undefined> {
  return (await manager.findOne(ScheduleVersionRow, { where: { accountId, hotlineId } }))?.version;
}

/** Slots and their assignees: two queries for any number of slots. */
async function withAssignees(manager: EntityManager, accountId: Id, rows: readonly SlotRow[]): Promise<Slot[]> {
  const assignees = groupBy(
    await findIn(manager, SlotAssigneeRow, { accountId, property: 'slotId', values: rows.map((r) => r.id) }),
    (a) => a.slotId,
  );
  return rows.map((row) => slotFromRows(row, assignees.get(row.id) ?? []));
}

function assertUnknownHotline(hotlineId: Id): never {
  return invalid('UNKNOWN_HOTLINE', 'hotlineId', `there is no hotline ${hotlineId} in this account`);
}

export class SqlScheduleRepository implements ScheduleRepository, ScheduleVersionReader {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  /*
   * Reads take the version first, then the slots. A change committed in between makes the slots
   * newer than the version, so writing on them fails with a conflict; the reverse order could let
   * a write based on older slots pass as up to date.
   */

  scheduleVersion(accountId: Id, hotlineId: Id): Promise<number | undefined> {
    return this.store.read((manager) => version(manager, accountId, hotlineId));
  }

  slots(accountId: Id, hotlineId: Id, range: LocalRange): Promise<ScheduleView | undefined> {
    return this.store.read(async (manager) => {
      const current = await version(manager, accountId, hotlineId);
      if (current === undefined) return undefined;
      // Local times are `YYYY-MM-DDTHH:mm` text, which compares like the times: overlap is start < end' and end > start'.
      // One statement: the slots joined with their assignees.
      const rows = await manager
        .createQueryBuilder(SlotRow, 's')
        .leftJoinAndMapMany('s.joinedAssignees', SlotAssigneeRow, 'a', 'a.accountId = s.accountId AND a.slotId = s.id')
        .where('s.accountId = :accountId AND s.hotlineId = :hotlineId', { accountId, hotlineId })
        .andWhere('s.start < :end AND s.end > :start', { start: range.start.toString(), end: range.end.toString() })
        .orderBy('s.start', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getMany();
      const slots = rows.map((row) =>
        slotFromRows(row, (row as SlotRow & { joinedAssignees?: SlotAssigneeRow[] }).joinedAssignees ?? []),
      );
      return { slots, version: current };
    });
  }

  slotsByIds(accountId: Id, hotlineId: Id, ids: readonly Id[]): Promise<ScheduleView | undefined> {
    return this.store.read(async (manager) => {
      const current = await version(manager, accountId, hotlineId);
      if (current === undefined) return undefined;
      const rows = (await findIn(manager, SlotRow, { accountId, property: 'id', values: ids })).filter(
        (r) => r.hotlineId === hotlineId,
      );
      return { slots: inOrderOf(ids, await withAssignees(manager, accountId, rows)), version: current };
    });
  }

  applyChange(
    accountId: Id,
    hotlineId: Id,
    { expectedVersion, change, audit }: ScheduleWrite,
  ): Promise<{ version: number }> {
    return this.store.write(async (manager) => {
      // The version row is the lock: the first writer moves it on, a second one with the same
      // expectation then matches no row (MariaDB makes it wait for the first to commit).
      const bumped = await manager
        .createQueryBuilder()
        .update(ScheduleVersionRow)
        .set({ version: () => 'version + 1' })
        .where({ accountId, hotlineId, version: expectedVersion })
        .execute();
      if (bumped.affected !== 1) {
        if ((await version(manager, accountId, hotlineId)) === undefined) assertUnknownHotline(hotlineId);
        throw new VersionConflictError(
          `the schedule of hotline ${hotlineId} is no longer at version ${expectedVersion}`,
        );
      }
      await this.assertChangeFits(manager, { accountId, hotlineId }, change);

      const added = change.added.map((slot) => slotToRows(accountId, slot));
      const updated = change.updated.map((slot) => slotToRows(accountId, slot));
      const replacedIds = [...change.updated.map((s) => s.id), ...change.removedIds];
      for (const batch of chunks(replacedIds)) await manager.delete(SlotAssigneeRow, { accountId, slotId: In(batch) });
      for (const batch of chunks(change.removedIds)) await manager.delete(SlotRow, { accountId, id: In(batch) });
      for (const { row } of updated)
        await manager.update(SlotRow, { accountId, id: row.id }, { start: row.start, end: row.end });
      await insertAll(
        manager,
        SlotRow,
        added.map((w) => w.row),
      );
      await insertAll(
        manager,
        SlotAssigneeRow,
        [...added, ...updated].flatMap((w) => w.assignees),
      );
      await insertAll(manager, AuditEntryRow, (audit ?? []).map(auditToRow));
      return { version: expectedVersion + 1 };
    });
  }

  /** The refusals `applyChange` promises, checked under the version lock. */
  private async assertChangeFits(
    manager: EntityManager,
    { accountId, hotlineId }: { readonly accountId: Id; readonly hotlineId: Id },
    change: ScheduleChange,
  ): Promise<void> {
    const inputs: { slot: Slot; field: string }[] = [
      ...change.added.map((slot, i) => ({ slot, field: `added[${i}]` })),
      ...change.updated.map((slot, i) => ({ slot, field: `updated[${i}]` })),
    ];
    const stranger = inputs.find((input) => input.slot.hotlineId !== hotlineId);
    if (stranger)
      invalid(
        'HOTLINE_MISMATCH',
        `${stranger.field}.hotlineId`,
        `slot ${stranger.slot.id} belongs to hotline ${stranger.slot.hotlineId}, not ${hotlineId}`,
      );

    const named = [...inputs.map((input) => input.slot.id), ...change.removedIds];
    const stored = new Map(
      (await findIn(manager, SlotRow, { accountId, property: 'id', values: named })).map((row) => [
        row.id,
        row.hotlineId,
      ]),
    );
    const added = change.added.findIndex((slot) => stored.has(slot.id));
    if (added >= 0) invalid('DUPLICATE_ID', `added[${added}].id`, `slot ${change.added[added].id} already exists`);
    const ours = (id: Id) => stored.get(id) === hotlineId;
    const updated = change.updated.findIndex((slot) => !ours(slot.id));
    if (updated >= 0)
      invalid(
        'UNKNOWN_SLOT',
        `updated[${updated}].id`,
        `hotline ${hotlineId} has no slot ${change.updated[updated].id}`,
      );
    const removed = change.removedIds.findIndex((id) => !ours(id));
    if (removed >= 0)
      invalid(
        'UNKNOWN_SLOT',
        `removedIds[${removed}]`,
        `hotline ${hotlineId} has no slot ${change.removedIds[removed]}`,
      );

    await assertAssigneesExist(
      manager,
      accountId,
      inputs.flatMap((input) =>
        input.slot.assignees.map((ref, j) => ({ ref, field: `${input.field}.assignees[${j}]` })),
      ),
    );
  }

  overrides(accountId: Id, hotlineId: Id, { from, to }: { from: Instant; to: Instant }): Promise<Override[]> {
    return this.store.read(async (manager) => {
      const rows = await manager.find(OverrideRow, {
        where: { accountId, hotlineId, start: LessThan(to), end: MoreThan(from) },
      });
      const assignees = groupBy(
        await findIn(manager, OverrideAssigneeRow, {
          accountId,
          property: 'overrideId',
          values: rows.map((r) => r.id),
        }),
        (a) => a.overrideId,
      );
      return rows.map((row) => overrideFromRows(row, assignees.get(row.id) ?? [])).sort(compareOverridePrecedence);
    });
  }

  saveOverride(accountId: Id, override: Override): Promise<void> {
    const { row, assignees } = overrideToRows(accountId, override);
    return this.store.write(async (manager) => {
      if ((await version(manager, accountId, override.hotlineId)) === undefined)
        assertUnknownHotline(override.hotlineId);
      await assertAssigneesExist(
        manager,
        accountId,
        override.assignees.map((ref, j) => ({ ref, field: `assignees[${j}]` })),
      );
      await saveRow(manager, OverrideRow, { key: { accountId, id: override.id }, row });
      await replaceChildren(manager, OverrideAssigneeRow, {
        owner: { accountId, overrideId: override.id },
        rows: assignees,
      });
    });
  }

  endOverride(accountId: Id, hotlineId: Id, { id, at }: OverrideStop): Promise<Result<void, NotFound>> {
    return this.store.write(async (manager) => {
      const row = await manager.findOne(OverrideRow, { where: { accountId, hotlineId, id } });
      if (!row) return err({ code: 'NOT_FOUND' });
      if (at <= row.start) await manager.delete(OverrideRow, { accountId, id });
      else if (at < row.end) await manager.update(OverrideRow, { accountId, id }, { end: at });
      return ok(undefined);
    });
  }

  deleteOverride(accountId: Id, hotlineId: Id, id: Id): Promise<Result<void, NotFound>> {
    return this.store.write(async (manager) => {
      const { affected } = await manager.delete(OverrideRow, { accountId, hotlineId, id });
      return affected ? ok(undefined) : err({ code: 'NOT_FOUND' });
    });
  }
}
