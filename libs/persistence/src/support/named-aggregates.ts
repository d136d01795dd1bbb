import { Id, Page, PageRequest } from '@dutyline/domain';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { chunks, distinct, findIn, groupBy, inOrderOf } from './batches';
import { decodeCursor, keysetPage, pageOf, pageSize } from './pagination';
import { replaceChildren, saveRow } from './rows';

/** A row listed by name, owning ordered child rows: a person and their numbers, a team and its members… */
export interface NamedAggregate<R extends NamedRow, C extends ObjectLiteral, T> {
  readonly table: EntityTarget<R>;
  readonly childTable: EntityTarget<C>;
  /** The child column holding the parent's id, e.g. `personId`. */
  readonly parentKey: keyof C & string;
  build(row: R, children: readonly C[]): T;
}

interface NamedRow extends ObjectLiteral {
  accountId: string;
  id: string;
  sortName: string;
}

/** The aggregates of `rows` (all of one account): one query for the children of all of them. */
export async function assemble<R extends NamedRow, C extends ObjectLiteral, T>(
  manager: EntityManager,
  shape: NamedAggregate<R, C, T>,
  { accountId, rows }: { readonly accountId: Id; readonly rows: readonly R[] },
): Promise<T[]> {
  const children = groupBy(
    await findIn(manager, shape.childTable, { accountId, property: shape.parentKey, values: rows.map((r) => r.id) }),
    (c) => c[shape.parentKey],
  );
  return rows.map((row) => shape.build(row, children.get(row.id) ?? []));
}

/** In the order asked, absent ids left out: one query (rows joined with their children) for up to 500 ids. */
export async function loadByIds<R extends NamedRow, C extends ObjectLiteral, T extends { id: string }>(
  manager: EntityManager,
  shape: NamedAggregate<R, C, T>,
  { accountId, ids }: { readonly accountId: Id; readonly ids: readonly Id[] },
): Promise<T[]> {
  if (ids.length === 0) return [];
  const found: T[] = [];
  for (const batch of chunks(distinct(ids))) {
    const rows = await manager
      .createQueryBuilder(shape.table, 'r')
      .leftJoinAndMapMany(
        `r.${CHILDREN}`,
        // TypeORM's overloads take the entity class; `EntityTarget` is that or its name.
        shape.childTable as never,
        'c',
        `c.accountId = r.accountId AND c.${shape.parentKey} = r.id`,
      )
      .where('r.accountId = :accountId', { accountId })
      .andWhere('r.id IN (:...ids)', { ids: batch })
      .getMany();
    for (const row of rows) found.push(shape.build(row, (row as Record<string, C[]>)[CHILDREN] ?? []));
  }
  return inOrderOf(ids, found);
}

/** Where a joined row's children are put while it is read. */
const CHILDREN = 'joinedChildren';

/** A page ordered by `sortName`, then id. */
export async function pageByName<R extends NamedRow, C extends ObjectLiteral, T>(
  manager: EntityManager,
  shape: NamedAggregate<R, C, T>,
  { accountId, request }: { readonly accountId: Id; readonly request: PageRequest | undefined },
): Promise<Page<T>> {
  const size = pageSize(request);
  const after = decodeCursor<string>(request?.after, 'string');
  const query = manager.createQueryBuilder(shape.table, 'r').where('r.accountId = :accountId', { accountId });
  const rows = await keysetPage(query, { alias: 'r', sortProperty: 'sortName', after, size }).getMany();
  return pageOf(rows, {
    size,
    keyOf: (r) => ({ sort: r.sortName, id: r.id }),
    items: await assemble(manager, shape, { accountId, rows: rows.slice(0, size) }),
  });
}

/** Inserts or updates the row and replaces its children; says whether the row was new. */
export async function saveAggregate<R extends NamedRow, C extends ObjectLiteral, T>(
  manager: EntityManager,
  shape: NamedAggregate<R, C, T>,
  { row, children }: { readonly row: R; readonly children: readonly C[] },
): Promise<'inserted' | 'updated'> {
  const saved = await saveRow(manager, shape.table, { key: { accountId: row.accountId, id: row.id } as never, row });
  await replaceChildren(manager, shape.childTable, {
    owner: { accountId: row.accountId, [shape.parentKey]: row.id } as never,
    rows: children,
  });
  return saved;
}
