import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonLinesJournal } from './json-lines-journal';

describe('JsonLinesJournal', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps entries in order across instances (a restart), forgets settled ones, and skips a torn last line', async () => {
    const path = join(dir, 'nested', 'owed.jsonl');
    const first = new JsonLinesJournal<{ id: string; n: number }>(path);
    await Promise.all([
      first.append({ id: 'a', n: 1 }),
      first.append({ id: 'b', n: 2 }),
      first.append({ id: 'c', n: 3 }),
    ]);
    appendFileSync(path, '{"id":"torn",');
    const restarted = new JsonLinesJournal<{ id: string; n: number }>(path);
    await restarted.append({ id: 'after-crash', n: 0 });
    expect(await restarted.owed()).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
      { id: 'after-crash', n: 0 },
    ]);
    await restarted.settle(['after-crash']);
    await restarted.settle(['a', 'c']);
    await restarted.append({ id: 'd', n: 4 });
    expect(await new JsonLinesJournal(path).owed()).toEqual([
      { id: 'b', n: 2 },
      { id: 'd', n: 4 },
    ]);
  });

  it('owes nothing before the first append', async () => {
    expect(await new JsonLinesJournal(join(dir, 'none.jsonl')).owed()).toEqual([]);
  });
});
