import {
  CallEntryRepository,
  ExtraNumberTaken,
  Id,
  NotFound,
  Result,
  StoredCallEntry,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { DataSource, In } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { CallEntryNumberRow, CallEntryRow, HotlineRow } from '../entities';
import { callEntryFromRows, callEntryToRows } from '../mappers/call-entry.mapper';
import { replaceChildren, saveRow } from '../support/rows';
import { isUniqueViolation } from '../support/store-errors';

const NUMBER_KEY = { name: 'PRIMARY', columns: 'call_entry_numbers.number' };

/** Entries in `call_entries`, their extra numbers in `call_entry_numbers` (unique: its primary key). */
export class SqlCallEntryRepository implements CallEntryRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  callEntry(accountId: Id, hotlineId: Id): Promise<StoredCallEntry | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(CallEntryRow, { where: { accountId, hotlineId } });
      if (!row) return undefined;
      const numbers = await manager.find(CallEntryNumberRow, { where: { accountId, hotlineId } });
      return callEntryFromRows(row, numbers);
    });
  }

  async saveCallEntry(stored: StoredCallEntry): Promise<Result<void, ExtraNumberTaken>> {
    const { row, numbers } = callEntryToRows(stored);
    const { accountId, hotlineId } = row;
    const taken = (number: string): Result<void, ExtraNumberTaken> =>
      err({ code: 'NUMBER_TAKEN', index: numbers.findIndex((n) => n.number === number) });
    try {
      return await this.store.write(async (manager) => {
        if (!(await manager.exists(HotlineRow, { where: { accountId, id: hotlineId } })))
          invalid('UNKNOWN_HOTLINE', 'hotlineId', `there is no hotline ${hotlineId} in this account`);
        const wanted = numbers.map((n) => n.number);
        if (wanted.length > 0) {
          const own = await manager.findOne(HotlineRow, { where: { number: In(wanted) }, select: { number: true } });
          if (own) return taken(own.number);
          const others = await manager.find(CallEntryNumberRow, { where: { number: In(wanted) } });
          const other = others.find((n) => n.accountId !== accountId || n.hotlineId !== hotlineId);
          if (other) return taken(other.number);
        }
        await saveRow(manager, CallEntryRow, { key: { accountId, hotlineId }, row });
        await replaceChildren(manager, CallEntryNumberRow, { owner: { accountId, hotlineId }, rows: numbers });
        return ok(undefined);
      });
    } catch (error) {
      // Another entry took a number between our check and our write.
      if (isUniqueViolation(error, NUMBER_KEY)) return err({ code: 'NUMBER_TAKEN', index: 0 });
      throw error;
    }
  }

  deleteCallEntry(accountId: Id, hotlineId: Id): Promise<Result<void, NotFound>> {
    return this.store.write(async (manager) => {
      await manager.delete(CallEntryNumberRow, { accountId, hotlineId });
      const { affected } = await manager.delete(CallEntryRow, { accountId, hotlineId });
      return affected ? ok(undefined) : err({ code: 'NOT_FOUND' });
    });
  }

  async extraNumber(e164: string): Promise<{ accountId: Id; hotlineId: Id } | undefined> {
    const row = await this.store.read((manager) => manager.findOne(CallEntryNumberRow, { where: { number: e164 } }));
    return row ? { accountId: row.accountId, hotlineId: row.hotlineId } : undefined;
  }
}
