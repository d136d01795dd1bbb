interface Offered<R> {
  readonly row: R;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupInsertOptions {
  /** Rows per statement at most. @defaultValue 100 */
  readonly maxRows?: number;
  /** Statements running at once at most; rows offered meanwhile wait and go together. @defaultValue 2 */
  readonly maxInFlight?: number;
  /** An error that concerns one row (a duplicate key): the batch is then written row by row, so each row gets its own answer. */
  readonly isRowError?: (error: unknown) => boolean;
}

/**
 * Group commit for single-row INSERTs: the rows offered in one turn of the event loop, and those
 * offered while `maxInFlight` statements are running, go together in the next multi-row INSERT, so a
 * busy path pays one round trip for many rows while a quiet one waits for nothing but its own. Each `insert` settles when its row is stored (or refused): nothing
 * is acknowledged before the database has it. A multi-row INSERT is one statement, stored whole or
 * not at all; a batch refused for a row's sake is retried row by row, any other failure rejects the
 * whole batch.
 */
export class GroupInsert<R> {
  private queue: Offered<R>[] = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly maxRows: number;
  private readonly maxInFlight: number;
  private readonly isRowError: (error: unknown) => boolean;

  constructor(
    private readonly insertRows: (rows: readonly R[]) => Promise<unknown>,
    options: GroupInsertOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 100;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.isRowError = options.isRowError ?? (() => false);
  }

  insert(row: R): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // After this turn's I/O callbacks: the rows offered in the same turn share one statement.
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      this.inFlight += 1;
      void this.write(this.queue.splice(0, this.maxRows)).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
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
