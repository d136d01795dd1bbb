import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SequencedFileJournal } from './sequenced-file-journal';

describe('SequencedFileJournal', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sequenced-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('numbers entries in order, keeps them across a restart until settled, and numbers on after the last', async () => {
    const path = join(dir, 'calls.jsonl');
    const first = await SequencedFileJournal.open<{ call: string }>(path);
    expect(await first.append({ call: 'a' })).toBe(1);
    expect(await first.append({ call: 'b' })).toBe(2);
    expect(await first.append({ call: 'c' })).toBe(3);
    await first.settle([1]);
    const restarted = await SequencedFileJournal.open<{ call: string }>(path);
    expect(restarted.pending()).toEqual([
      { seq: 2, entry: { call: 'b' } },
      { seq: 3, entry: { call: 'c' } },
    ]);
    expect(await restarted.append({ call: 'd' })).toBe(4);
    await restarted.settle([2, 3]);
    expect((await SequencedFileJournal.open(path)).pending()).toEqual([{ seq: 4, entry: { call: 'd' } }]);
  });

  it('skips a line torn by a crash, empties the file once nothing is pending, and keeps it to its owner', async () => {
    const path = join(dir, 'nested', 'calls.jsonl');
    const journal = await SequencedFileJournal.open<{ call: string }>(path);
    await journal.append({ call: 'a' });
    appendFileSync(path, '{"seq":2,"entry":{"ca');
    const restarted = await SequencedFileJournal.open<{ call: string }>(path);
    expect(restarted.pending()).toEqual([{ seq: 1, entry: { call: 'a' } }]);
    expect(await restarted.append({ call: 'b' })).toBe(2);
    await restarted.settle([1, 2]);
    expect(statSync(path).size).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
