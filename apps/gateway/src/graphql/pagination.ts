import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { MAX_PAGE_SIZE, Page, PageRequest, invalid } from '@dutyline/domain';

@ObjectType({ description: 'Relay-style page information.' })
export class PageInfo {
  @Field({ description: 'More items follow `endCursor`.' })
  hasNextPage!: boolean;
  @Field({ description: 'Items exist before `startCursor`.' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Pass it as `after` to get the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Page size when `first` is not given. */
export const DEFAULT_GRAPHQL_PAGE_SIZE = 20;
/** The largest `first` a deployment may allow: a cursor inside a page re-reads up to twice a page (see `paginate`). */
export const MAX_GRAPHQL_PAGE_SIZE = Math.floor(MAX_PAGE_SIZE / 2);

/** `first` and `after` for any list field: `people(@Args() page: PageArgs)`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_GRAPHQL_PAGE_SIZE,
    description: 'Page size, from 1 to the server maximum (100 by default).',
  })
  first?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'A cursor from a previous page: `pageInfo.endCursor` or an edge `cursor`.',
  })
  after?: string | null;
}

/**
 * A connection type for `node`: `@ObjectType() class PersonConnection extends Paginated(PersonModel) {}`.
 * Declares `<Name>Edge { cursor, node }` and the `edges` / `pageInfo` fields.
 */
export function Paginated<T>(node: Type<T>, name: string = node.name.replace(/Model$/, '')): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field()
    cursor!: string;
    @Field(() => node)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];
    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType as Type<Connection<T>>;
}

/**
 * A GraphQL cursor: the repository's cursor where a page started (null: the list's start) and how
 * many items after it were seen. Repositories hand out one cursor per page (`nextCursor`); this
 * gives every edge a cursor of its own without knowing how the repository sorts.
 */
interface Position {
  readonly from: string | null;
  readonly skip: number;
}

const encodeCursor = (position: Position): string =>
  Buffer.from(JSON.stringify([position.from, position.skip])).toString('base64url');

function decodeCursor(cursor: string, field: string, maxSkip: number): Position {
  let value: unknown;
  try {
    value = /^[A-Za-z0-9_-]{1,2048}$/.test(cursor)
      ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      : undefined;
  } catch {
    value = undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    (value[0] !== null && typeof value[0] !== 'string') ||
    !Number.isInteger(value[1]) ||
    value[1] < 0 ||
    value[1] > maxSkip
  ) {
    invalid('INVALID_CURSOR', field, 'this cursor was not handed out by this list; pass a cursor from a previous page');
  }
  return { from: value[0], skip: value[1] };
}

export interface PaginateOptions {
  /** The largest `first` allowed (GRAPHQL_MAX_PAGE_SIZE). */
  readonly maxPageSize: number;
  /** The argument names as the client wrote them, for error fields. @defaultValue `first`, `after` */
  readonly fields?: { readonly first: string; readonly after: string };
}

/**
 * One page of a list as a Relay connection, from a repository call taking a `PageRequest`:
 * `paginate(page, (request) => people.listPeople(actor.accountId, request), { maxPageSize })`.
 * `first` outside 1…maxPageSize is refused (`INVALID_PAGE_SIZE`, never clamped), a foreign cursor
 * too (`INVALID_CURSOR`); both name the argument.
 */
export async function paginate<T>(
  args: PageArgs,
  fetch: (request: PageRequest) => Promise<Page<T>>,
  options: PaginateOptions,
): Promise<Connection<T>> {
  const fields = options.fields ?? { first: 'first', after: 'after' };
  const first = args.first ?? DEFAULT_GRAPHQL_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > options.maxPageSize) {
    invalid('INVALID_PAGE_SIZE', fields.first, `first must be from 1 to ${options.maxPageSize}`);
  }
  const at = args.after == null ? { from: null, skip: 0 } : decodeCursor(args.after, fields.after, options.maxPageSize);
  const page = await fetch({ first: first + at.skip, ...(at.from !== null ? { after: at.from } : {}) });
  const items = page.items.slice(at.skip);
  const edges = items.map((node, i) => ({ node, cursor: encodeCursor({ from: at.from, skip: at.skip + i + 1 }) }));
  if (page.nextCursor !== null && edges.length > 0)
    edges[edges.length - 1].cursor = encodeCursor({ from: page.nextCursor, skip: 0 });
  return {
    edges,
    pageInfo: {
      hasNextPage: page.nextCursor !== null,
      hasPreviousPage: at.from !== null || at.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? args.after ?? null,
    },
  };
}

/** A `Page` of a list held in memory (already sorted), with offset cursors: for `paginate` over small computed lists. */
export function pageOfArray<T>(items: readonly T[], request: PageRequest): Page<T> {
  const start = request.after == null ? 0 : Number(request.after);
  if (!Number.isInteger(start) || start < 0)
    invalid('INVALID_CURSOR', 'after', 'this cursor was not handed out by this list');
  const end = start + (request.first ?? items.length);
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}
