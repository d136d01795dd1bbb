/**
 * The MariaDB pool's timeouts through a fault proxy: a server that accepts and then stalls fails a
 * statement (TypeORM's and the prepared multi-row INSERT alike) after `queryTimeoutMs`, a new
 * connection after `connectTimeoutMs`, instead of holding the caller; the pool serves again once the
 * network flows.
 */
import { type FaultProxy, describeWithMariaDb, mariadbUrl, startFaultProxy, uniqueName } from '@dutyline/test-support';
import type { DataSource } from 'typeorm';
import { AccountRow } from '../entities/account.entities';
import { createDataSource, runMigrations } from './create-data-source';
import { SqlStore } from './sql-store';

const elapsed = async (work: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> => {
  const started = performance.now();
  let error: unknown = null;
  try {
    await work();
  } catch (caught) {
    error = caught;
  }
  return { ms: performance.now() - started, error };
};

jest.setTimeout(15_000);

/** mysql2's error code, whether TypeORM wrapped the error or not. */
const codeOf = (error: unknown): string | undefined =>
  (error as { code?: string } | null)?.code ?? (error as { driverError?: { code?: string } } | null)?.driverError?.code;

describeWithMariaDb('MariaDB pool timeouts (a fault proxy in front of the server)', () => {
  let proxy: FaultProxy;
  let dataSource: DataSource;
  const ids: string[] = [];

  beforeAll(async () => {
    const target = new URL(mariadbUrl());
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 3306) });
    const url = new URL(mariadbUrl());
    url.host = proxy.address;
    dataSource = createDataSource({ url: url.toString(), poolSize: 2, connectTimeoutMs: 300, queryTimeoutMs: 400 });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });

  afterAll(async () => {
    await proxy.setMode('pass');
    for (const id of ids) await dataSource.query('DELETE FROM accounts WHERE id = ?', [id]);
    await dataSource.destroy();
    await proxy.close();
  });

  it('fails a statement on a stalled connection, and opening a connection to a stalled server, in bounded time; serves again after', async () => {
    const store = new SqlStore(dataSource);
    const account = () => {
      const id = uniqueName('acct');
      ids.push(id);
      return Object.assign(new AccountRow(), { id, name: 'Pool timeouts', createdAt: Date.now(), disabledAt: null });
    };
    await store.insertMany(AccountRow, [account()]);

    // Both connections of the pool open.
    await Promise.all([dataSource.query('SELECT SLEEP(0.05)'), dataSource.query('SELECT SLEEP(0.05)')]);

    await proxy.setMode('blackhole');
    // On the connections already open: each statement stalls and fails after the query timeout.
    const query = await elapsed(() => dataSource.query('SELECT 1'));
    const insert = await elapsed(() => store.insertMany(AccountRow, [account(), account()]));
    expect([codeOf(query.error), codeOf(insert.error)]).toEqual([
      'PROTOCOL_SEQUENCE_TIMEOUT',
      'PROTOCOL_SEQUENCE_TIMEOUT',
    ]);
    for (const { ms } of [query, insert]) expect(ms).toBeLessThan(1000);
    // The connections the statements stalled on were dropped, not handed out again: the next statement must open one, and cannot.
    const next = await elapsed(() => dataSource.query('SELECT 2'));
    expect(codeOf(next.error)).toBe('ETIMEDOUT');
    expect(next.ms).toBeLessThan(1000);

    await proxy.setMode('pass');
    const back = account();
    await store.insertMany(AccountRow, [back]);
    expect(await dataSource.query('SELECT id FROM accounts WHERE id = ?', [back.id])).toEqual([{ id: back.id }]);
  });

  it('lets migrations, and the wait for another process migrating, run past the statement timeout', async () => {
    const other = createDataSource({ url: mariadbUrl(), poolSize: 1 });
    await other.initialize();
    try {
      const holder = other.createQueryRunner();
      await holder.query('SELECT GET_LOCK(?, 10)', ['dutyline_migrations']);
      const migrating = elapsed(() => runMigrations(dataSource));
      await new Promise((resolve) => setTimeout(resolve, 700));
      await holder.query('SELECT RELEASE_LOCK(?)', ['dutyline_migrations']);
      await holder.release();
      const { ms, error } = await migrating;
      expect(error).toBeNull();
      expect(ms).toBeGreaterThan(600);
      // The timeout applies again afterwards.
      expect(codeOf((await elapsed(() => dataSource.query('SELECT SLEEP(1)'))).error)).toBe(
        'PROTOCOL_SEQUENCE_TIMEOUT',
      );
    } finally {
      await other.destroy();
    }
  });
});
