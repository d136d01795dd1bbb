import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, PageRequest, invalid } from '@dutyline/domain';
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Where a page ended: the sort value and the id of its last row. */
export interface Keyset<S extends string | number> {
  readonly sort: S;
  readonly id: string;
}

export function pageSize(request: PageRequest | undefined): number {
  const first = request?.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    invalid('INVALID_PAGE_SIZE', 'first', `ask for 1 to ${MAX_PAGE_SIZE} items per page, not ${first}`);
  }
  return first;
}

/** Opaque to clients: base64url of `[sort, id]`. */
export const encodeCursor = (key: Keyset<string | number>): string =>
  Buffer.from(JSON.stringify([key.sort, key.id]), 'utf8').toString('base64url');

export function decodeCursor<S extends string | number>(
  after: string | null | undefined,
  sortType: 'string' | 'number',
): Keyset<S> | null {
  if (after === undefined || after === null) return null;
  const refuse = (): never => invalid('INVALID_CURSOR', 'after', 'this cursor was not handed out by this list');
  let parsed: unknown;
  try {
    parsed =
      typeof after === 'string' && /^[A-Za-z0-9_-]{1,1024}$/.test(after)
        ? JSON.parse(Buffer.from(after, 'base64url').toString('utf8'))
        : refuse();
  } catch {
    return refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== sortType || typeof parsed[1] !== 'string')
    return refuse();
  return { sort: parsed[0] as S, id: parsed[1] };
}

/** Which rows a keyset page holds: those after `after` in the order `(sortProperty, id)`, `size` of them. */
export interface KeysetOrder {
  readonly alias: string;
  readonly sortProperty: string;
  readonly after: Keyset<string | number> | null;
  readonly size: number;
  readonly direction?: 'ASC' | 'DESC';
}

/**
 * Restricts `query` to the rows after `after` in the order `(sortColumn, id)` and orders and limits
 * it to one more row than the page holds (to tell whether a next page exists).
 */
export function keysetPage<R extends ObjectLiteral>(
  query: SelectQueryBuilder<R>,
  { alias, sortProperty, after, size, direction = 'ASC' }: KeysetOrder,
): SelectQueryBuilder<R> {
  const beyond = direction === 'ASC' ? '>' : '<';
  if (after) {
    query.andWhere(
      new Brackets((q) =>
        q
          .where(`${alias}.${sortProperty} ${beyond} :afterSort`, { afterSort: after.sort })
          .orWhere(`(${alias}.${sortProperty} = :afterSort AND ${alias}.id ${beyond} :afterId)`, { afterId: after.id }),
      ),
    );
  }
  return query
    .orderBy(`${alias}.${sortProperty}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(size + 1);
}

/** The page of `rows` (fetched with `keysetPage`, so possibly one too many) and its next cursor. */
export function pageOf<R, T>(
  rows: readonly R[],
  {
    size,
    keyOf,
    items,
  }: { readonly size: number; readonly keyOf: (row: R) => Keyset<string | number>; readonly items: readonly T[] },
): Page<T> {
  const more = rows.length > size;
  return { items: items.slice(0, size), nextCursor: more ? encodeCursor(keyOf(rows[size - 1])) : null };
}

/** One page of `query`'s rows in `order` (`keysetPage`), each made an item by `itemOf`, and its next cursor. */
export async function keysetPageOf<R extends ObjectLiteral & { id: string }, T>(
  query: SelectQueryBuilder<R>,
  order: KeysetOrder,
  itemOf: (row: R) => T,
): Promise<Page<T>> {
  const rows = await keysetPage(query, order).getMany();
  return pageOf(rows, {
    size: order.size,
    keyOf: (row) => ({ sort: row[order.sortProperty] as string | number, id: row.id }),
    items: rows.slice(0, order.size).map(itemOf),
  });
}
