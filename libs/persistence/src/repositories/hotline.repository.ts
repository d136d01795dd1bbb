import {
  Hotline,
  HotlineRepository,
  Id,
  NotFound,
  NumberTaken,
  Page,
  PageRequest,
  Result,
  err,
  ok,
} from '@dutyline/domain';
import { DataSource } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { CallEntryNumberRow, HotlineRow, HotlineSupervisorRow, ScheduleVersionRow } from '../entities';
import { hotlineFromRows, hotlineToRows } from '../mappers/hotline.mapper';
import { NamedAggregate, assemble, loadByIds, pageByName, saveAggregate } from '../support/named-aggregates';
import { assertPeopleExist } from '../support/references';
import { isUniqueViolation } from '../support/store-errors';

const NUMBER_INDEX = { name: 'UQ_hotlines_number', columns: 'hotlines.number' };
const NUMBER_TAKEN: NumberTaken = { code: 'NUMBER_TAKEN' };

const HOTLINES: NamedAggregate<HotlineRow, HotlineSupervisorRow, Hotline> = {
  table: HotlineRow,
  childTable: HotlineSupervisorRow,
  parentKey: 'hotlineId',
  build: hotlineFromRows,
};

export class SqlHotlineRepository implements HotlineRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  byId(accountId: Id, id: Id): Promise<Hotline | undefined> {
    return this.store.read(async (manager) => (await loadByIds(manager, HOTLINES, { accountId, ids: [id] }))[0]);
  }

  byNumber(e164: string): Promise<Hotline | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(HotlineRow, { where: { number: e164 } });
      return row ? (await assemble(manager, HOTLINES, { accountId: row.accountId, rows: [row] }))[0] : undefined;
    });
  }

  list(accountId: Id, page?: PageRequest): Promise<Page<Hotline>> {
    return this.store.read((manager) => pageByName(manager, HOTLINES, { accountId, request: page }));
  }

  async save(hotline: Hotline): Promise<Result<void, NumberTaken>> {
    const { row, supervisors } = hotlineToRows(hotline);
    try {
      return await this.store.write(async (manager) => {
        await assertPeopleExist(
          manager,
          row.accountId,
          hotline.supervisorIds.map((id, i) => ({ ref: id, field: `supervisorIds[${i}]` })),
        );
        const holder = await manager.findOne(HotlineRow, {
          where: { number: row.number },
          select: { accountId: true, id: true },
        });
        if (holder && (holder.accountId !== row.accountId || holder.id !== row.id)) return err(NUMBER_TAKEN);
        // An extra number of a call entry (F25) is taken too, whichever hotline's it is.
        if (await manager.exists(CallEntryNumberRow, { where: { number: row.number } })) return err(NUMBER_TAKEN);
        if ((await saveAggregate(manager, HOTLINES, { row, children: supervisors })) === 'inserted') {
          await manager.insert(ScheduleVersionRow, { accountId: row.accountId, hotlineId: row.id, version: 0 });
        }
        return ok(undefined);
      });
    } catch (error) {
      // Another hotline took the number between our check and our write.
      if (isUniqueViolation(error, NUMBER_INDEX)) return err(NUMBER_TAKEN);
      throw error;
    }
  }

  delete(accountId: Id, id: Id): Promise<Result<void, NotFound>> {
    return this.store.write(async (manager) => {
      // Supervisors, the schedule version, slots and overrides go with it (ON DELETE CASCADE).
      const { affected } = await manager.delete(HotlineRow, { accountId, id });
      return affected ? ok(undefined) : err({ code: 'NOT_FOUND' });
    });
  }
}
