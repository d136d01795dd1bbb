import { randomInt } from 'node:crypto';
import path from 'node:path';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import { isDeadlock } from '../support/store-errors';

/** mysql2's pool, as TypeORM's MariaDB driver holds it. */
interface PreparedPool {
  getConnection(callback: (error: Error | null, connection: PooledConnection) => void): void;
}

interface PooledConnection {
  execute(sql: string, values: unknown[], callback: (error: Error | null) => void): void;
  release(): void;
  /** Closes it and takes it out of the pool. */
  destroy(): void;
}

/** How often a MariaDB transaction is tried when InnoDB picks it as a deadlock victim. */
const MAX_DEADLOCK_ATTEMPTS = 4;

export const isMariaDb = (dataSource: DataSource): boolean =>
  dataSource.options.type === 'mariadb' || dataSource.options.type === 'mysql';

/**
 * TypeORM gives an SQLite DataSource a single connection shared by every caller: two overlapping
 * transactions would nest (the second becomes a savepoint of the first) and a plain read would see
 * another caller's uncommitted writes. So on SQLite every unit of work of this process waits its
 * turn, per database file (two DataSources on one file share the queue). Other processes are kept
 * out by SQLite's own write lock.
 */
const queues = new Map<string, Promise<unknown>>();
const memoryKeys = new WeakMap<DataSource, string>();
let memoryDatabases = 0;

function queueKey(dataSource: DataSource): string {
  const database = String(dataSource.options.database ?? '');
  if (database !== '' && database !== ':memory:') return path.resolve(database);
  let key = memoryKeys.get(dataSource);
  if (!key) {
    key = `:memory:#${++memoryDatabases}`;
    memoryKeys.set(dataSource, key);
  }
  return key;
}

/**
 * Runs `work` after every unit of work queued before it on the same SQLite database. `work` must
 * not queue another unit itself (it would wait for its own end): it uses the manager it is given.
 */
export function serialised<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  return inTurn(queues, queueKey(dataSource), work);
}

/** Whether a unit of work of this process is queued or running on the SQLite database. */
export const isSerialisedWorkPending = (dataSource: DataSource): boolean => queues.has(queueKey(dataSource));

const keyedQueues = new Map<string, Promise<unknown>>();

/** Runs `work` once every work queued before it in this process under `key` for this database has settled. */
export function inTurnOn<T>(dataSource: DataSource, key: string, work: () => Promise<T>): Promise<T> {
  return inTurn(keyedQueues, `${queueKey(dataSource)}\u0000${key}`, work);
}

/** Runs `work` once everything queued before it under `key` in `queues` has settled (whatever the outcome). */
export function inTurn<T>(queues: Map<string, Promise<unknown>>, key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(work, work);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

/**
 * Runs `work` while a connection of its own holds MariaDB's named lock `name` (`GET_LOCK`), then
 * releases it; `work` gets that connection. When the lock is not had within `timeoutSeconds`,
 * `onTimeout` decides: `fail` rejects, `run` runs `work` without it.
 */
export async function underNamedLock<T>(
  dataSource: DataSource,
  lock: { readonly name: string; readonly timeoutSeconds: number; readonly onTimeout: 'fail' | 'run' },
  work: (holder: QueryRunner) => Promise<T>,
): Promise<T> {
  const { name, timeoutSeconds, onTimeout } = lock;
  const holder = dataSource.createQueryRunner();
  try {
    const [row] = await holder.query('SELECT GET_LOCK(?, ?) AS taken', [name, timeoutSeconds]);
    const taken = Number(row?.taken) === 1;
    if (!taken && onTimeout === 'fail') throw new Error(`could not take the "${name}" lock within ${timeoutSeconds} s`);
    try {
      return await work(holder);
    } finally {
      if (taken) await holder.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined);
    }
  } finally {
    await holder.release();
  }
}

/**
 * How the repositories reach the database: `read` for queries, `write` for a transaction that
 * commits whole or not at all. On MariaDB a read of several statements is not one snapshot (that
 * would cost a BEGIN and a COMMIT per read); where it matters the repository orders its statements
 * so a torn read errs on the safe side (the schedule reads its version before its slots).
 */
export class SqlStore {
  readonly mariaDb: boolean;

  constructor(readonly dataSource: DataSource) {
    this.mariaDb = isMariaDb(dataSource);
  }

  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.mariaDb) return work(this.dataSource.manager);
    return serialised(this.dataSource, () => work(this.dataSource.manager));
  }

  /**
   * One statement in autocommit, atomic on its own: no BEGIN/COMMIT round trips. `work` must issue a
   * single write (an INSERT, say); several statements belong in `write`.
   */
  statement<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.read(work);
  }

  /**
   * One multi-row INSERT of `rows` (autocommit: stored whole or not at all). On MariaDB a prepared
   * statement through the driver's pool: the values travel in the binary protocol as they are, with
   * no escaping into SQL text (a call's JSON document is kilobytes). On SQLite, TypeORM's insert.
   */
  async insertMany<E extends ObjectLiteral>(entity: EntityTarget<E>, rows: readonly E[]): Promise<void> {
    if (rows.length === 0) return;
    const pool = this.mariaDb ? (this.dataSource.driver as unknown as { pool?: PreparedPool }).pool : undefined;
    if (!pool) {
      await this.statement((manager) =>
        manager
          .createQueryBuilder()
          .insert()
          .into(entity)
          .values(rows as E[])
          .updateEntity(false)
          .execute(),
      );
      return;
    }
    const metadata = this.dataSource.getMetadata(entity);
    const columns = metadata.columns;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const sql = `INSERT INTO \`${metadata.tableName}\` (${columns.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES ${Array(rows.length).fill(tuple).join(', ')}`;
    const values: unknown[] = [];
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column.propertyName as keyof E] ?? null;
        const transformer = Array.isArray(column.transformer) ? null : column.transformer;
        values.push(value !== null && transformer ? transformer.to(value) : value);
      }
    }
    this.dataSource.logger.logQuery(sql, values);
    const options = this.dataSource.options as { enableQueryTimeout?: boolean; maxQueryExecutionTime?: number };
    await executeWithin(pool, { sql, values }, options.enableQueryTimeout ? options.maxQueryExecutionTime : undefined);
  }

  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.mariaDb) return this.mariaDbTransaction(work);
    return serialised(this.dataSource, () => this.sqliteTransaction(work));
  }

  /**
   * READ COMMITTED: InnoDB then takes no gap locks for searches, so "delete the children, insert
   * them again" in two accounts never lock each other out (under REPEATABLE READ they deadlocked
   * whenever their keys shared an index gap). Correctness rests on row locks (the schedule version),
   * unique indexes and foreign keys, which every level keeps. A deadlock InnoDB still reports
   * rolled the whole transaction back, so it is run again, a few times at most.
   */
  private async mariaDbTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        if (attempt >= MAX_DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, attempt * 10 + randomInt(10)));
      }
    }
  }

  /**
   * `BEGIN IMMEDIATE` takes the write lock up front (waiting for another process if need be), so a
   * transaction that reads before it writes never fails half-way on a busy database.
   */
  private async sqliteTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.query('BEGIN IMMEDIATE');
    try {
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/**
 * One prepared statement on a connection of the pool, failed after `timeoutMs` (the pool's query
 * timeout, `createDataSource`'s `queryTimeoutMs`; the wait for a connection included) with
 * `PROTOCOL_SEQUENCE_TIMEOUT`: the connection it stalled on is destroyed, so the pool opens a new one
 * rather than queueing later statements behind it (mysql2 bounds neither the PREPARE nor the wait).
 */
function executeWithin(
  pool: PreparedPool,
  statement: { readonly sql: string; readonly values: unknown[] },
  timeoutMs: number | undefined,
): Promise<void> {
  const { sql, values } = statement;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let held: PooledConnection | null = null;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            settled = true;
            held?.destroy();
            reject(
              Object.assign(new Error(`statement not answered within ${timeoutMs} ms`), {
                code: 'PROTOCOL_SEQUENCE_TIMEOUT',
              }),
            );
          }, timeoutMs);
    pool.getConnection((error, connection) => {
      if (settled) {
        connection?.release();
        return;
      }
      if (error) {
        settled = true;
        clearTimeout(timer);
        reject(error);
        return;
      }
      held = connection;
      connection.execute(sql, values, (failure) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        connection.release();
        if (failure) reject(failure);
        else resolve();
      });
    });
  });
}
