import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ValidationError } from '@dutyline/domain';
import { decodeCursor, encodeCursor, pageOf, pageSize } from './pagination';

const refusalOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return [error.code, error.field];
  }
  return 'accepted';
};

describe('page size', () => {
  it.each([
    [undefined, DEFAULT_PAGE_SIZE],
    [{}, DEFAULT_PAGE_SIZE],
    [{ first: 1 }, 1],
    [{ first: MAX_PAGE_SIZE }, MAX_PAGE_SIZE],
  ])('of %j is %d', (request, size) => {
    expect(pageSize(request)).toBe(size);
  });

  it.each([0, -1, 1.5, MAX_PAGE_SIZE + 1, Number.NaN])('refuses first = %d', (first) => {
    expect(refusalOf(() => pageSize({ first }))).toEqual(['INVALID_PAGE_SIZE', 'first']);
  });
});

describe('cursors', () => {
  it.each([
    [{ sort: 'élodie martin', id: 'p-1' }, 'string'],
    [{ sort: 1_806_000_000_123, id: 'a-9' }, 'number'],
  ] as const)('round-trip %j', (key, type) => {
    expect(decodeCursor(encodeCursor(key), type)).toEqual(key);
  });

  it('reads no cursor as the first page', () => {
    expect([decodeCursor(undefined, 'string'), decodeCursor(null, 'string')]).toEqual([null, null]);
  });

  it.each([
    ['not base64url', 'a b'],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['the wrong shape', Buffer.from('{"sort":"a","id":"b"}').toString('base64url')],
    ['a number where text sorts', encodeCursor({ sort: 5, id: 'x' })],
    ['too long', 'a'.repeat(2000)],
  ])('refuses a cursor that is %s', (_case, cursor) => {
    expect(refusalOf(() => decodeCursor(cursor, 'string'))).toEqual(['INVALID_CURSOR', 'after']);
  });
});

describe('pageOf', () => {
  const rows = ['a', 'b', 'c'].map((id) => ({ id, sort: id.toUpperCase() }));

  it('hands out a cursor at the last row shown when a row more was found', () => {
    const page = pageOf(rows, { size: 2, keyOf: (r) => r, items: rows.map((r) => r.id) });
    expect([page.items, decodeCursor(page.nextCursor, 'string')]).toEqual([['a', 'b'], { sort: 'B', id: 'b' }]);
  });

  it('ends when no row more was found', () => {
    expect(pageOf(rows, { size: 3, keyOf: (r) => r, items: rows.map((r) => r.id) })).toEqual({
      items: ['a', 'b', 'c'],
      nextCursor: null,
    });
  });
});
