import fs from 'node:fs';
import path from 'node:path';
import { DataSource, Logger, MigrationExecutor, QueryRunner } from 'typeorm';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';
import { isMariaDb, serialised, underNamedLock } from './sql-store';

export interface DatabaseConfig {
  /** `mysql://user:password@host:3306/db` or `mariadb://…`; anything else (or nothing) means SQLite. */
  readonly url?: string;
  /**
   * The SQLite file when `url` is not a MySQL/MariaDB one; its folder is created (0700), the file is
   * readable by the owner only (0600, looser modes tightened).
   * @defaultValue `data/dutyline.sqlite` (relative to the working directory)
   */
  readonly sqlitePath?: string;
  /** Logs every statement (TypeORM's console logger). @defaultValue false */
  readonly logging?: boolean;
  /** Called with every statement sent, e.g. to count the queries a request costs. */
  readonly onQuery?: (sql: string) => void;
  /** Size of the MariaDB connection pool. @defaultValue 10 */
  readonly poolSize?: number;
  /** MariaDB: how long opening a connection may take (a server that accepts and stalls fails then). @defaultValue 2000 */
  readonly connectTimeoutMs?: number;
  /** MariaDB: how long a statement may wait for its answer before it fails (`PROTOCOL_SEQUENCE_TIMEOUT`). @defaultValue 30000 */
  readonly queryTimeoutMs?: number;
}

export const DEFAULT_SQLITE_PATH = path.join('data', 'dutyline.sqlite');
export const MIGRATIONS_TABLE = 'schema_migrations';

const MARIADB_URL = /^(mysql|mariadb):\/\//i;

/** Whether `url` selects MariaDB/MySQL rather than the embedded SQLite file. */
export const isMariaDbUrl = (url: string | undefined): url is string => !!url && MARIADB_URL.test(url);

/**
 * A DataSource (not yet initialised) on MariaDB/MySQL for a `mysql://`/`mariadb://` URL, else on an
 * SQLite file (WAL journal, foreign keys enforced). Never synchronises the schema: run
 * `runMigrations` after `initialize()`.
 */
export function createDataSource(config: DatabaseConfig = {}): DataSource {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    logging: config.logging ?? false,
    // Our own logger always: TypeORM's would print every query slower than the MariaDB query timeout.
    logger: queryListener(config.onQuery ?? (() => undefined), config.logging ?? false),
  };
  if (isMariaDbUrl(config.url)) {
    return withStalledConnectionsDropped(
      new DataSource({
        ...common,
        type: 'mariadb',
        // TypeORM reads host, port, user, password and database from the URL.
        url: config.url.replace(/^mariadb:/i, 'mysql:'),
        // Instants are BIGINT milliseconds, but any DATETIME the driver meets is UTC.
        timezone: 'Z',
        charset: 'utf8mb4_unicode_ci',
        poolSize: config.poolSize ?? 10,
        // A stalled server or network fails a statement in bounded time rather than holding its caller.
        connectTimeout: config.connectTimeoutMs ?? 2000,
        enableQueryTimeout: true,
        maxQueryExecutionTime: config.queryTimeoutMs ?? 30_000,
        // mysql2 captures a stack trace on every statement for its errors (5 % of a worker's CPU in the
        // gap sweep); TypeORM's QueryFailedError names the statement anyway.
        trace: false,
      }),
    );
  }
  const file = path.resolve(config.sqlitePath ?? DEFAULT_SQLITE_PATH);
  ownerOnlySqliteFile(file);
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    // TypeORM turns foreign keys on for every connection.
    database: file,
    enableWAL: true,
    // Another process holding the write lock is waited for this long before failing.
    timeout: 10_000,
  });
}

/**
 * Creates the SQLite file empty (a valid new database) with mode 0600 before SQLite opens it, so its
 * `-wal` and `-shm` files, which SQLite creates with the database file's mode, are 0600 too; an
 * existing file or journal with a looser mode is tightened. New folders are 0700.
 */
function ownerOnlySqliteFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(each).mode & 0o077) !== 0) fs.chmodSync(each, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Applies the pending migrations and returns their names; a no-op when there are none. Safe to call
 * from several processes at once: on MariaDB a named lock serialises them (DDL is not
 * transactional there) and the migrations run on the connection holding it, so a pool of one
 * connection is enough; on SQLite the write lock and this process's queue do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const run = async (queryRunner?: QueryRunner) => {
    const executor = new MigrationExecutor(dataSource, queryRunner);
    executor.transaction = 'each';
    return (await executor.executePendingMigrations()).map((m) => m.name);
  };
  if (!isMariaDb(dataSource)) return serialised(dataSource, () => run());
  // A migration, and the wait for another process's, may take longer than the pool's statement timeout.
  const driverOptions = dataSource.driver.options as { enableQueryTimeout?: boolean };
  const timeoutWas = driverOptions.enableQueryTimeout;
  driverOptions.enableQueryTimeout = false;
  try {
    return await underNamedLock(
      dataSource,
      { name: 'dutyline_migrations', timeoutSeconds: 120, onTimeout: 'fail' },
      run,
    );
  } finally {
    driverOptions.enableQueryTimeout = timeoutWas;
  }
}

function queryListener(onQuery: (sql: string) => void, echo: boolean): Logger {
  return {
    logQuery: (query) => {
      onQuery(query);
      if (echo) console.log(query);
    },
    logQueryError: (error, query) => {
      if (echo) console.error(query, error);
    },
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
}

interface QueryingConnection {
  query(...args: unknown[]): unknown;
  destroy(): void;
}

/**
 * A MariaDB connection whose statement timed out (`PROTOCOL_SEQUENCE_TIMEOUT`) is destroyed rather
 * than handed out again: mysql2 would queue later statements behind the one still unanswered, and a
 * connection cut silently stays so until TCP gives up on it (hours).
 */
function withStalledConnectionsDropped(dataSource: DataSource): DataSource {
  const initialize = dataSource.initialize.bind(dataSource);
  const watched = new WeakSet<QueryingConnection>();
  dataSource.initialize = async () => {
    await initialize();
    const pool = (
      dataSource.driver as unknown as {
        pool?: { on(event: 'acquire', listener: (connection: QueryingConnection) => void): void };
      }
    ).pool;
    pool?.on('acquire', (connection) => {
      if (watched.has(connection)) return;
      watched.add(connection);
      const query = connection.query.bind(connection);
      connection.query = (...args: unknown[]) => {
        const last = args.length - 1;
        const callback = args[last];
        if (typeof callback === 'function') {
          args[last] = (error: { code?: string } | null, ...rest: unknown[]) => {
            if (error?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
            return (callback as (...all: unknown[]) => unknown)(error, ...rest);
          };
        }
        return query(...args);
      };
    });
    return dataSource;
  };
  return dataSource;
}
