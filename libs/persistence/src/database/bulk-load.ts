import { Account, Hotline, Id, Override, Person, Slot, Team } from '@dutyline/domain';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  AccountRow,
  CallRow,
  HotlineRow,
  HotlineSupervisorRow,
  OverrideAssigneeRow,
  OverrideRow,
  PersonNumberRow,
  PersonRow,
  ScheduleVersionRow,
  SlotAssigneeRow,
  SlotRow,
  TeamMemberRow,
  TeamRow,
} from '../entities';
import { accountToRow } from '../mappers/account.mapper';
import { CallDocument, callRowOf } from '../mappers/call.mapper';
import { hotlineToRows } from '../mappers/hotline.mapper';
import { personToRows } from '../mappers/person.mapper';
import { overrideToRows, slotToRows } from '../mappers/schedule.mapper';
import { teamToRows } from '../mappers/team.mapper';
import { chunks, insertAll } from '../support/batches';
import { SqlStore } from './sql-store';

/** A whole account as the repositories would have written it, one aggregate at a time. */
export interface BulkAccount {
  readonly account: Account;
  readonly people: readonly Person[];
  readonly teams: readonly Team[];
  readonly hotlines: readonly Hotline[];
  readonly slots: readonly Slot[];
  readonly overrides: readonly Override[];
}

/** Rows written, by table name. */
export type RowCounts = Record<string, number>;

/** How many call rows go in one INSERT; a call's JSON document is a few kilobytes. */
const CALLS_PER_STATEMENT = 250;

/**
 * Loads large volumes (a benchmark fleet) through the same entities and mappers the repositories
 * use, with multi-row INSERTs instead of one aggregate per transaction. No checks beyond the
 * domain's constructors and the database's keys: the caller owns the data's consistency.
 */
export class SqlBulkLoad {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  /** The account and its directory, hotlines (schedule version 0) and schedule, in one transaction. */
  account(bulk: BulkAccount): Promise<RowCounts> {
    const accountId = bulk.account.id;
    const people = bulk.people.map(personToRows);
    const teams = bulk.teams.map(teamToRows);
    const hotlines = bulk.hotlines.map(hotlineToRows);
    const slots = bulk.slots.map((slot) => slotToRows(accountId, slot));
    const overrides = bulk.overrides.map((o) => overrideToRows(accountId, o));
    const tables: [EntityTarget<ObjectLiteral>, ObjectLiteral[]][] = [
      [AccountRow, [accountToRow(bulk.account)]],
      [PersonRow, people.map((p) => p.row)],
      [PersonNumberRow, people.flatMap((p) => p.numbers)],
      [TeamRow, teams.map((t) => t.row)],
      [TeamMemberRow, teams.flatMap((t) => t.members)],
      [HotlineRow, hotlines.map((h) => h.row)],
      [HotlineSupervisorRow, hotlines.flatMap((h) => h.supervisors)],
      [ScheduleVersionRow, bulk.hotlines.map((h) => ({ accountId, hotlineId: h.id, version: 0 }))],
      [SlotRow, slots.map((s) => s.row)],
      [SlotAssigneeRow, slots.flatMap((s) => s.assignees)],
      [OverrideRow, overrides.map((o) => o.row)],
      [OverrideAssigneeRow, overrides.flatMap((o) => o.assignees)],
    ];
    return this.store.write(async (manager) => {
      const counts: RowCounts = {};
      for (const [entity, rows] of tables) counts[await insertRows(manager, entity, rows)] = rows.length;
      return counts;
    });
  }

  /** Calls as the call store creates them (version 1), several rows per statement; returns how many. */
  async calls(calls: readonly CallDocument[]): Promise<number> {
    for (const batch of chunks(calls, CALLS_PER_STATEMENT))
      await this.store.insertMany(
        CallRow,
        batch.map((call) => callRowOf(call, 1)),
      );
    return calls.length;
  }

  /** Account ids starting with `prefix`, oldest first (to delete a fleet of them). */
  async accountIdsStartingWith(prefix: string): Promise<Id[]> {
    const rows = await this.store.read((manager) =>
      manager
        .createQueryBuilder(AccountRow, 'a')
        .select('a.id', 'id')
        // SUBSTR rather than LIKE: no wildcard to escape, the same on MariaDB and SQLite.
        .where('SUBSTR(a.id, 1, :length) = :prefix', { length: prefix.length, prefix })
        .orderBy('a.id')
        .getRawMany<{ id: string }>(),
    );
    return rows.map((r) => r.id);
  }
}

async function insertRows(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: readonly ObjectLiteral[],
): Promise<string> {
  await insertAll(manager, entity, rows);
  return manager.connection.getMetadata(entity).tableName;
}
