interface Offered<R> {
  readonly row: R;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupInsertOptions {
  /** Rows per statement at most. @defaultValue 100 */
  readonly maxRows?: number;
  /** An error that concerns one row (a duplicate key): the batch is then written row by row, so each row gets its own answer. */
  readonly isRowError?: (error: unknown) => boolean;
}

/**
 * Group commit for single-row INSERTs: the rows offered while a batch is being written go together
 * in the next multi-row INSERT, so a busy path pays one round trip for many rows while a quiet one
 * waits for nothing but its own. Each `insert` settles when its row is stored (or refused): nothing
 * is acknowledged before the database has it. A multi-row INSERT is one statement, stored whole or
 * not at all; a batch refused for a row's sake is retried row by row, any other failure rejects the
 * whole batch.
 */
export class GroupInsert<R> {
  private queue: Offered<R>[] = [];
  private draining = false;
  private readonly maxRows: number;
  private readonly isRowError: (error: unknown) => boolean;

  constructor(
    private readonly insertRows: (rows: readonly R[]) => Promise<unknown>,
    options: GroupInsertOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 100;
    this.isRowError = options.isRowError ?? (() => false);
  }

  insert(row: R): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      // After this turn's I/O callbacks: the rows offered in the same turn share the first statement.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.write(this.queue.splice(0, this.maxRows));
    this.draining = false;
  }

  private async write(batch: readonly Offered<R>[]): Promise<void> {
    let failure: unknown;
    try {
      await this.insertRows(batch.map((offered) => offered.row));
      for (const offered of batch) offered.resolve();
      return;
    } catch (error) {
      failure = error;
    }
    if (batch.length === 1 || !this.isRowError(failure)) {
      for (const offered of batch) offered.reject(failure);
      return;
    }
    for (const offered of batch) {
      try {
        await this.insertRows([offered.row]);
        offered.resolve();
      } catch (error) {
        offered.reject(error);
      }
    }
  }
}
