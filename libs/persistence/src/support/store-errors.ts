/** Recognises constraint failures of either database in TypeORM's QueryFailedError. */
interface DriverFailure {
  readonly code?: string;
  readonly errno?: number;
  readonly message?: string;
  readonly driverError?: DriverFailure;
}

const failureOf = (error: unknown): DriverFailure => {
  const e = (error ?? {}) as DriverFailure;
  return e.driverError ?? e;
};

/**
 * A unique index refused the row. `index` is the MariaDB index name, `columns` SQLite's way of
 * naming it (`table.column, table.column`).
 */
export function isUniqueViolation(error: unknown, index: { name: string; columns: string }): boolean {
  const failure = failureOf(error);
  const message = failure.message ?? '';
  if (failure.code === 'ER_DUP_ENTRY' || failure.errno === 1062) return message.includes(`'${index.name}'`);
  if (failure.code === 'SQLITE_CONSTRAINT_UNIQUE' || failure.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return message.includes(index.columns);
  return false;
}

/** A foreign key refused a delete (the row is still referenced) or an insert (the target is absent). */
export function isForeignKeyViolation(error: unknown): boolean {
  const failure = failureOf(error);
  return (
    failure.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    failure.errno === 1451 ||
    failure.errno === 1452 ||
    failure.code === 'ER_ROW_IS_REFERENCED_2' ||
    failure.code === 'ER_NO_REFERENCED_ROW_2'
  );
}

/** InnoDB chose this transaction as a deadlock victim and rolled it back: running it again is safe. */
export function isDeadlock(error: unknown): boolean {
  const failure = failureOf(error);
  return failure.errno === 1213 || failure.code === 'ER_LOCK_DEADLOCK';
}
