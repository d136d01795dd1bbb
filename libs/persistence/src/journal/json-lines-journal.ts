import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { SerialQueue, appendJsonLine, readJsonLines } from './json-lines-file';

/**
 * Entries kept in one local file, a JSON document per line, in the order appended. An append is on
 * disk (fsync) when it resolves; settling rewrites the file through a rename, so a crash leaves the old
 * or the new file, never half of one. A torn last line (a crash mid-append) is skipped on reading.
 * One writer per file: operations of this object are serialised.
 */
export class JsonLinesJournal<T extends { readonly id: string }> {
  private readonly queue = new SerialQueue();

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
  }

  append(entry: T): Promise<void> {
    return this.queue.run(() => appendJsonLine(this.path, entry));
  }

  /** Every entry, oldest first. */
  owed(): Promise<T[]> {
    return this.queue.run(() => readJsonLines<T>(this.path));
  }

  settle(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    return this.queue.run(async () => {
      const kept = (await readJsonLines<T>(this.path)).filter((entry) => !gone.has(entry.id));
      const temporary = join(dirname(this.path), `.${Date.now()}-${process.pid}.journal.tmp`);
      await writeFile(temporary, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''), {
        mode: 0o600,
        flush: true,
      });
      await rename(temporary, this.path);
    });
  }
}
