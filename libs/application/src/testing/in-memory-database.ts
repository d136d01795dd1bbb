import { DEFAULT_PAGE_SIZE, Id, MAX_PAGE_SIZE, Page, PageRequest, invalid } from '@dutyline/domain';

/**
 * The state every in-memory repository shares, so references across them are checked as a real
 * store checks them (a team's members, a slot's assignees, a person still in use). Rows are keyed
 * by account and id: another account's ids are simply absent.
 */
export class InMemoryDatabase {
  /** Each repository call, by `repository.method`, in order: tests count reads with it. */
  readonly calls: string[] = [];

  readonly rows = new Map<string, Map<string, unknown>>();

  table<T>(name: string): Map<string, T> {
    let table = this.rows.get(name);
    if (!table) {
      table = new Map();
      this.rows.set(name, table);
    }
    return table as Map<string, T>;
  }

  count(call: string): number {
    return this.calls.filter((c) => c === call).length;
  }
}

export const rowKey = (accountId: Id, id: Id): string => `${accountId}\u0000${id}`;

/** Only the account's rows of a table. */
export function rowsOf<T>(table: Map<string, T>, accountId: Id): T[] {
  const prefix = `${accountId}\u0000`;
  return [...table.entries()].filter(([key]) => key.startsWith(prefix)).map(([, row]) => row);
}

/** Case- and accent-insensitive, as the SQL stores sort names. */
export const sortName = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** How a list is ordered: by `(sort, id)` of each item, ascending unless `descending`. */
export interface ListOrder<T> {
  readonly keyOf: (item: T) => { sort: string | number; id: string };
  readonly descending?: boolean;
}

/**
 * A page of `items` ordered by `(sort, id)`, with the same refusals as the SQL stores:
 * `INVALID_PAGE_SIZE` at `first`, `INVALID_CURSOR` at `after`.
 */
export function pageOf<T>(items: readonly T[], page: PageRequest | undefined, order: ListOrder<T>): Page<T> {
  const { keyOf, descending = false } = order;
  const size = page?.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    invalid('INVALID_PAGE_SIZE', 'first', `ask for 1 to ${MAX_PAGE_SIZE} items per page, not ${size}`);
  const compare = (a: { sort: string | number; id: string }, b: { sort: string | number; id: string }) => {
    const order = a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return descending ? -order : order;
  };
  const sorted = [...items].sort((a, b) => compare(keyOf(a), keyOf(b)));
  const after = page?.after == null ? null : decodeCursor(page.after);
  const rest = after ? sorted.filter((item) => compare(keyOf(item), after) > 0) : sorted;
  const items_ = rest.slice(0, size);
  const last = items_[items_.length - 1];
  return { items: items_, nextCursor: rest.length > size && last ? encodeCursor(keyOf(last)) : null };
}

const encodeCursor = (key: { sort: string | number; id: string }) =>
  Buffer.from(JSON.stringify([key.sort, key.id])).toString('base64url');

function decodeCursor(after: string): { sort: string | number; id: string } {
  try {
    const parsed: unknown =
      typeof after === 'string' ? JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) : undefined;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[1] === 'string' &&
      ['string', 'number'].includes(typeof parsed[0])
    ) {
      return { sort: parsed[0] as string | number, id: parsed[1] };
    }
  } catch {
    // refused below
  }
  return invalid('INVALID_CURSOR', 'after', 'this cursor was not handed out by this list');
}
