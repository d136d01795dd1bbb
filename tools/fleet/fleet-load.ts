// Loads and deletes the fleet: accounts built by fleet-accounts.ts, their call history by
// fleet-calls.ts, written through the persistence layer's bulk load (its own entities and mappers).
import { Instant, LocalTime } from '@dutyline/domain';
import type { StoredCall } from '@dutyline/application';
import { BulkAccount, RowCounts, SqlBulkLoad, deleteAccount } from '@dutyline/persistence';
import { DataSource } from 'typeorm';
import { FLEET_PREFIX, FleetShape, fleetAccount } from './fleet-accounts';
import { callHistory } from './fleet-calls';

export interface FleetHistory {
  /** Days of calls before the first week of slots. */
  readonly days: number;
  readonly callsPerDay: number;
}

export interface FleetLoad {
  readonly shape: FleetShape;
  readonly history: FleetHistory;
  /** The accounts' creation instant (stored, not used for timing). */
  readonly createdAt: Instant;
  /** The first account index written (the ones before it are there already). @defaultValue 0 */
  readonly first?: number;
  /** Accounts written at once, each in its own transaction. @defaultValue 4 */
  readonly concurrency?: number;
  /** Told after each account, with how many are done. */
  readonly onAccount?: (done: number) => void;
}

/** Writes the fleet's accounts (`first` to `accounts - 1`) and returns the rows written by table. */
export async function loadFleet(dataSource: DataSource, load: FleetLoad): Promise<RowCounts> {
  const bulk = new SqlBulkLoad(dataSource);
  const { shape, history } = load;
  const totals: RowCounts = {};
  let next = load.first ?? 0;
  let done = 0;
  const loadOne = async (index: number) => {
    const account = fleetAccount(shape, index, load.createdAt);
    const counts = await bulk.account(account);
    let calls = 0;
    for (const h of account.hotlines.keys())
      calls += await bulk.calls(callsOfHotline({ shape, history, account, index, h }));
    for (const [table, count] of Object.entries({ ...counts, calls })) totals[table] = (totals[table] ?? 0) + count;
    load.onAccount?.(++done);
  };
  const worker = async () => {
    while (next < shape.accounts) await loadOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(load.concurrency ?? 4, shape.accounts - next) }, worker));
  return totals;
}

/** The call history of hotline `h` of account `index`, up to the first week of slots. */
export function callsOfHotline({
  shape,
  history,
  account,
  index,
  h,
}: {
  shape: FleetShape;
  history: FleetHistory;
  account: BulkAccount;
  index: number;
  h: number;
}): StoredCall[] {
  const hotline = account.hotlines[h];
  return callHistory({
    hotline,
    people: account.people,
    until: hotline.timeZone.toInstant(shape.from.at(LocalTime.MIDNIGHT)),
    seed: shape.seed * 7_919 + index * 1_009 + h,
    ...history,
  });
}

/** Deletes every account whose id starts with `prefix` with all its rows; returns how many. */
export async function deleteFleet(
  dataSource: DataSource,
  { prefix = FLEET_PREFIX, onAccount }: { prefix?: string; onAccount?: (done: number) => void } = {},
): Promise<number> {
  const ids = await new SqlBulkLoad(dataSource).accountIdsStartingWith(prefix);
  for (const [i, id] of ids.entries()) {
    await deleteAccount(dataSource, id);
    onAccount?.(i + 1);
  }
  return ids.length;
}
