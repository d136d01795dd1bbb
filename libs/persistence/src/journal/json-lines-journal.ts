import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';

/**
 * Entries kept in one local file, a JSON document per line, in the order appended. An append is on
 * disk (fsync) when it resolves; settling rewrites the file through a rename, so a crash leaves the old
 * or the new file, never half of one. A torn last line (a crash mid-append) is skipped on reading.
 * One writer per file: operations of this object are serialised.
 */
export class JsonLinesJournal<T extends { readonly id: string }> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
  }

  append(entry: T): Promise<void> {
    return this.serial(async () => {
      const file = await open(this.path, 'a');
      try {
        // The leading newline ends a line torn by a crash, so this entry does not join it.
        await file.write(`\n${JSON.stringify(entry)}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
    });
  }

  /** Every entry, oldest first. */
  owed(): Promise<T[]> {
    return this.serial(() => this.read());
  }

  settle(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    return this.serial(async () => {
      const kept = (await this.read()).filter((entry) => !gone.has(entry.id));
      const temporary = join(dirname(this.path), `.${Date.now()}-${process.pid}.journal.tmp`);
      await writeFile(temporary, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { flush: true });
      await rename(temporary, this.path);
    });
  }

  private async read(): Promise<T[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: T[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        entries.push(JSON.parse(line) as T);
      } catch {
        // A torn line from a crash mid-append: the webhook that wrote it had not been told it was kept.
      }
    }
    return entries;
  }

  private serial<R>(work: () => Promise<R>): Promise<R> {
    const turn = this.queue.then(work);
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
