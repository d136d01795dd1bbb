/**
 * The fleet on the real MariaDB: a tiny fleet (2 accounts × 2 hotlines × 3 people × 1 week) is read
 * back by the product (a hotline by its number, a week of schedule, the call log a page at a time)
 * exactly as generated, and deleting it leaves nothing of it and everything else. The week is the
 * one of a Europe/Paris clock change: the night slots keep their wall-clock times.
 */
import { randomBytes } from 'node:crypto';
import { CallLogService, StoredCall, callRecordOf, createApplication, systemCaller } from '@dutyline/application';
import { Clock, LocalDate, Slot, callStatistics } from '@dutyline/domain';
import {
  SqlCallStore,
  accountTablesChildrenFirst,
  createDataSource,
  runMigrations,
  sqlRepositories,
} from '@dutyline/persistence';
import { DataSource } from 'typeorm';
import { benchDatabaseUrl } from '../bench/support/gateway-process';
import { FleetShape, fleetAccount } from './fleet-accounts';
import { callsOfHotline, deleteFleet, loadFleet } from './fleet-load';

const CREATED_AT = Date.parse('2026-01-05T09:00:00Z');
const HISTORY = { days: 4, callsPerDay: 2 };
const systemClock: Clock = { now: () => Date.now() };

describe.each(['2026-03-23', '2026-10-19'])('a tiny fleet from the week of %s on MariaDB', (monday) => {
  const tag = randomBytes(4).toString('hex');
  const shape: FleetShape = {
    accounts: 2,
    hotlines: 2,
    people: 3,
    weeks: 1,
    from: LocalDate.parse(monday),
    seed: 7,
    prefix: `fleet-spec-${tag}-`,
    // Numbers no full-size fleet (10,000 hotlines) reaches, one range per run.
    firstNumber: 900_000 + (parseInt(tag, 16) % 20_000) * 4,
  };
  let dataSource: DataSource;
  const accounts = [0, 1].map((i) => fleetAccount(shape, i, CREATED_AT));

  beforeAll(async () => {
    dataSource = createDataSource({ url: benchDatabaseUrl() });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await deleteFleet(dataSource, { prefix: shape.prefix });
    await dataSource.destroy();
  });

  const rowsOfFleet = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of [...accountTablesChildrenFirst(dataSource), 'accounts']) {
      const column = table === 'accounts' ? 'id' : 'account_id';
      const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} LIKE ?`, [
        `${shape.prefix}%`,
      ]);
      if (Number(row.n) > 0) counts[table] = Number(row.n);
    }
    return counts;
  };

  it('writes the rows it reports, and the product reads them back as generated', async () => {
    const written = await loadFleet(dataSource, { shape, history: HISTORY, createdAt: CREATED_AT });
    expect(await rowsOfFleet()).toEqual(written);
    expect(written).toMatchObject({ accounts: 2, hotlines: 4, people: 6, schedule_versions: 4, overrides: 8 });
    expect(written.slot_assignees).toBe(written.slots * 3);

    const repositories = sqlRepositories(dataSource);
    const app = createApplication({
      ...repositories,
      schedules: repositories.schedule,
      versions: repositories.scheduleVersions,
      clock: systemClock,
      ids: { next: () => randomBytes(8).toString('hex') },
    });
    const store = new SqlCallStore<StoredCall>(dataSource);
    const callLog = new CallLogService({ reader: store, store, clock: systemClock, ids: { next: () => 'unused' } });
    const clockChangeNights: Slot[] = [];
    for (const [index, account] of accounts.entries()) {
      const caller = systemCaller(account.account.id);
      for (const [h, hotline] of account.hotlines.entries()) {
        expect(await repositories.hotlines.byNumber(hotline.number.e164)).toEqual(hotline);

        const week = await app.schedule.slots(caller, hotline.id, {
          from: `${monday}T00:00`,
          to: `${shape.from.plusDays(7)}T00:00`,
        });
        if (!week.ok) throw new Error(JSON.stringify(week.error));
        const generated = account.slots.filter((s) => s.hotlineId === hotline.id);
        expect(week.value.slots.map((s) => s.id).sort()).toEqual(generated.map((s) => s.id).sort());
        expect(week.value.slots).toEqual(expect.arrayContaining(generated));
        // The clock-change night is Saturday's: its slot keeps its wall-clock times.
        clockChangeNights.push(
          ...week.value.slots.filter((s) => s.start.toString() === `${shape.from.plusDays(5)}T23:00`),
        );

        const history = callsOfHotline({ shape, history: HISTORY, account, index, h });
        expect(history.length).toBeGreaterThan(0);
        const firstPage = await callLog.calls(caller, { hotlineId: hotline.id }, { first: 3 });
        const newest = [...history].sort((a, b) => b.timeline.startedAt - a.timeline.startedAt).slice(0, 3);
        expect(firstPage.items).toEqual(newest.map(callRecordOf));
        // The bulk rows' statistics columns say what the documents say.
        const statistics = await callLog.statistics(caller, { hotlineId: hotline.id });
        const newestFirst = [...history].sort(
          (a, b) => b.timeline.startedAt - a.timeline.startedAt || (a.id < b.id ? 1 : -1),
        );
        expect(statistics).toEqual({ ...callStatistics(newestFirst.map(callRecordOf)), complete: true });
        expect(statistics.calls).toBe(history.length);
        expect(statistics.complete).toBe(true);
      }
    }
    expect(clockChangeNights.length).toBeGreaterThan(0);
    expect(new Set(clockChangeNights.map((s) => s.end.toString()))).toEqual(
      new Set([`${shape.from.plusDays(6)}T08:00`]),
    );
  });

  it('deletes exactly the fleet: none of its rows stay, another account stays', async () => {
    const other = `fleet-other-${tag}`;
    await sqlRepositories(dataSource).accounts.createAccount({
      id: other,
      name: 'Not of the fleet',
      createdAt: CREATED_AT,
    });
    try {
      expect(await deleteFleet(dataSource, { prefix: shape.prefix })).toBe(2);
      expect(await rowsOfFleet()).toEqual({});
      expect(await sqlRepositories(dataSource).hotlines.byNumber(accounts[0].hotlines[0].number.e164)).toBeUndefined();
      expect(await sqlRepositories(dataSource).accounts.account(other)).toMatchObject({ id: other });
    } finally {
      await dataSource.query('DELETE FROM accounts WHERE id = ?', [other]);
    }
  });
});
