import { Page, PageRequest } from '@dutyline/domain';
import { Connection, pageOfArray, paginate } from './pagination';

const letters = 'abcdefghij'.split('');
/** A repository-like list handing out one cursor per page, as the persistence adapter does. */
const fetchLetters = async (request: PageRequest): Promise<Page<string>> => pageOfArray(letters, request);
const options = { maxPageSize: 4 };

async function walk(first: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  do {
    const connection: Connection<string> = await paginate({ first, after }, fetchLetters, options);
    pages.push(connection.edges.map((e) => e.node));
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after !== null);
  return pages;
}

describe('paginate', () => {
  it('walks a list page by page with endCursor', async () => {
    expect(await walk(4)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
      ['i', 'j'],
    ]);
  });

  it('gives every edge a cursor that resumes right after it', async () => {
    const first = await paginate({ first: 4 }, fetchLetters, options);
    for (const [i, edge] of first.edges.entries()) {
      const next = await paginate({ first: 2, after: edge.cursor }, fetchLetters, options);
      expect(next.edges.map((e) => e.node)).toEqual(letters.slice(i + 1, i + 3));
      expect(next.pageInfo.hasPreviousPage).toBe(true);
    }
  });

  it('tells the first and last pages apart', async () => {
    const first = await paginate({ first: 4 }, fetchLetters, options);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const last = await paginate({ first: 6, after: first.edges[3].cursor }, fetchLetters, { maxPageSize: 10 });
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.edges.map((e) => e.node)).toEqual(letters.slice(4, 10));
  });

  it('uses 20 when first is not given', async () => {
    const seen: PageRequest[] = [];
    await paginate({}, async (request) => (seen.push(request), { items: [], nextCursor: null }), { maxPageSize: 100 });
    expect(seen).toEqual([{ first: 20 }]);
  });

  it.each([
    [{ first: 0 }, 'INVALID_PAGE_SIZE', 'first'],
    [{ first: 5 }, 'INVALID_PAGE_SIZE', 'first'],
    [{ first: -1 }, 'INVALID_PAGE_SIZE', 'first'],
    [{ first: 2, after: 'not-ours' }, 'INVALID_CURSOR', 'after'],
    [{ first: 2, after: Buffer.from('[null, 99]').toString('base64url') }, 'INVALID_CURSOR', 'after'],
    [{ first: 2, after: Buffer.from('{"x":1}').toString('base64url') }, 'INVALID_CURSOR', 'after'],
    [{ first: 2, after: '!!!' }, 'INVALID_CURSOR', 'after'],
  ])('refuses %j with %s on %s, never clamping', async (args, code, field) => {
    await expect(paginate(args, fetchLetters, options)).rejects.toMatchObject({ code, field });
  });

  it('names the arguments as the client wrote them', async () => {
    await expect(
      paginate({ first: 9 }, fetchLetters, { maxPageSize: 4, fields: { first: 'slotsFirst', after: 'slotsAfter' } }),
    ).rejects.toMatchObject({
      field: 'slotsFirst',
    });
  });
});
