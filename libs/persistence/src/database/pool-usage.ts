import type { DataSource } from 'typeorm';
import { isMariaDb, isSerialisedWorkPending } from './sql-store';

/** A database's connections: how many it may open, and how many serve a request now. */
export interface PoolUsage {
  readonly size: number;
  readonly inUse: number;
}

/** mysql2's pool internals (stable since mysql2 1.x): the connections opened and those idle. */
interface Mysql2Pool {
  readonly config?: { readonly connectionLimit?: number };
  readonly _allConnections?: { readonly length: number };
  readonly _freeConnections?: { readonly length: number };
}

/**
 * The pool of `dataSource`, read without a query: on MariaDB/MySQL mysql2's pool (connections
 * opened minus idle); on SQLite the one connection, in use while a unit of work of this process holds it.
 */
export function poolUsage(dataSource: DataSource): PoolUsage {
  if (!isMariaDb(dataSource))
    return { size: 1, inUse: dataSource.isInitialized && isSerialisedWorkPending(dataSource) ? 1 : 0 };
  const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
  const size = pool?.config?.connectionLimit ?? Number((dataSource.options as { poolSize?: number }).poolSize ?? 10);
  const inUse = (pool?._allConnections?.length ?? 0) - (pool?._freeConnections?.length ?? 0);
  return { size, inUse: Math.max(0, inUse) };
}
