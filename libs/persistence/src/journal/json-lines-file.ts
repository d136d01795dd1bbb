import { open, readFile } from 'node:fs/promises';

/** Appends `value` as a JSON line, on disk (fsync) when it resolves; the file is the owner's only (0600). */
export async function appendJsonLine(path: string, value: unknown): Promise<void> {
  const file = await open(path, 'a', 0o600);
  try {
    // The leading newline ends a line torn by a crash, so this one does not join it.
    await file.write(`\n${JSON.stringify(value)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Every JSON line of the file in order (none when it does not exist); a line torn by a crash mid-append is skipped (its append never resolved). */
export async function readJsonLines<T>(path: string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines: T[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      lines.push(JSON.parse(line) as T);
    } catch {
      // Torn by a crash mid-append.
    }
  }
  return lines;
}

/** Runs the work given to it one at a time, in order; a failure does not stop the work after it. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(work: () => Promise<R>): Promise<R> {
    const turn = this.tail.then(work);
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}
