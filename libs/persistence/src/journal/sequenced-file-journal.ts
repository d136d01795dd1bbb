import { mkdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SerialQueue, appendJsonLine, readJsonLines } from './json-lines-file';

/** An entry with its place in the journal. */
export interface SequencedEntry<E> {
  readonly seq: number;
  readonly entry: E;
}

/** A line of the file: an entry appended, or entries settled. */
type Line<E> = { readonly seq: number; readonly entry: E } | { readonly settled: readonly number[] };

/**
 * A journal of entries numbered in the order appended (the application's `CallJournal`), kept in
 * memory for reading and in a local append-only file: each append and each settle is a line, on disk
 * (fsync) when it resolves; once nothing is pending the file is emptied, and `open` rewrites it with
 * the pending entries only (through a rename: a crash leaves the old file or the new one). A line torn
 * by a crash mid-append is skipped (its append had not resolved). One process per file (0600).
 */
export class SequencedFileJournal<E> {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly path: string,
    private entries: SequencedEntry<E>[],
    private next: number,
  ) {}

  static async open<E>(path: string): Promise<SequencedFileJournal<E>> {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const pending = new Map<number, E>();
    for (const line of await readJsonLines<Line<E>>(path)) {
      if ('settled' in line) for (const seq of line.settled) pending.delete(seq);
      else pending.set(line.seq, line.entry);
    }
    const entries = [...pending].map(([seq, entry]) => ({ seq, entry })).sort((a, b) => a.seq - b.seq);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, entries.map((each) => `${JSON.stringify(each)}\n`).join(''), {
      mode: 0o600,
      flush: true,
    });
    await rename(temporary, path);
    return new SequencedFileJournal(path, entries, (entries.at(-1)?.seq ?? 0) + 1);
  }

  /** Resolves with the entry's number once it is on disk; a rejection leaves it out of the journal. */
  append(entry: E): Promise<number> {
    const seq = this.next++;
    return this.queue.run(async () => {
      await appendJsonLine(this.path, { seq, entry } satisfies Line<E>);
      this.entries.push({ seq, entry });
      return seq;
    });
  }

  /** Unsettled entries in the order appended. */
  pending(): readonly SequencedEntry<E>[] {
    return this.entries;
  }

  /** These entries leave the journal (a crash before this resolves hands them over again: harmless by contract). */
  settle(seqs: readonly number[]): Promise<void> {
    const done = new Set(seqs);
    return this.queue.run(async () => {
      this.entries = this.entries.filter((each) => !done.has(each.seq));
      if (this.entries.length === 0) await writeFile(this.path, '', { mode: 0o600, flush: true });
      else await appendJsonLine(this.path, { settled: seqs } satisfies Line<E>);
    });
  }
}
