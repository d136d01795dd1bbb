import { GroupInsert } from './group-insert';

/** Records each statement's rows; refuses rows named in `refused` (as a duplicate key would) and fails whole when `down`. */
function table(options: { refused?: string[] } = {}) {
  const statements: string[][] = [];
  const stored: string[] = [];
  const state = { down: false };
  let release: (() => void) | null = null;
  const insertRows = async (rows: readonly string[]) => {
    statements.push([...rows]);
    if (release === null && rows.includes('slow')) await new Promise<void>((resolve) => (release = resolve));
    if (state.down) throw new Error('connection lost');
    const dup = rows.find((row) => options.refused?.includes(row));
    if (dup) throw Object.assign(new Error(`duplicate ${dup}`), { row: dup });
    stored.push(...rows);
  };
  return { statements, stored, state, insertRows, release: () => release?.() };
}

const isRowError = (error: unknown) => (error as { row?: string }).row !== undefined;

describe('GroupInsert', () => {
  it('writes the rows offered in one turn as one statement and settles each once stored', async () => {
    const t = table();
    const group = new GroupInsert(t.insertRows, { isRowError });
    await Promise.all(['a', 'b', 'c'].map((row) => group.insert(row)));
    expect(t.statements).toEqual([['a', 'b', 'c']]);
    expect(t.stored).toEqual(['a', 'b', 'c']);
  });

  it('gathers the rows offered while maxInFlight statements run into the next one', async () => {
    const t = table();
    const group = new GroupInsert(t.insertRows, { isRowError, maxInFlight: 1 });
    const first = group.insert('slow');
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['d', 'e'].map((row) => group.insert(row));
    let laterSettled = false;
    void Promise.all(later).then(() => (laterSettled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(laterSettled).toBe(false);
    t.release();
    await Promise.all([first, ...later]);
    expect(t.statements).toEqual([['slow'], ['d', 'e']]);
  });

  it('starts a second statement for rows offered in a later turn while one runs', async () => {
    const t = table();
    const group = new GroupInsert(t.insertRows, { isRowError, maxInFlight: 2 });
    const first = group.insert('slow');
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(['d', 'e'].map((row) => group.insert(row)));
    expect(t.stored).toEqual(['d', 'e']);
    t.release();
    await first;
    expect(t.statements).toEqual([['slow'], ['d', 'e']]);
  });

  it('caps a statement at maxRows', async () => {
    const t = table();
    const group = new GroupInsert(t.insertRows, { maxRows: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((row) => group.insert(row)));
    expect(t.statements).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(t.stored).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('retries a batch refused for one row row by row: only that row is refused', async () => {
    const t = table({ refused: ['dup'] });
    const group = new GroupInsert(t.insertRows, { isRowError });
    const results = await Promise.allSettled(['a', 'dup', 'c'].map((row) => group.insert(row)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(t.stored).toEqual(['a', 'c']);
    expect(t.statements).toEqual([['a', 'dup', 'c'], ['a'], ['dup'], ['c']]);
  });

  it('rejects the whole batch, once, on any other failure, and keeps working afterwards', async () => {
    const t = table();
    const group = new GroupInsert(t.insertRows, { isRowError });
    t.state.down = true;
    const results = await Promise.allSettled(['a', 'b'].map((row) => group.insert(row)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(t.statements).toEqual([['a', 'b']]);
    t.state.down = false;
    await group.insert('c');
    expect(t.stored).toEqual(['c']);
  });
});
