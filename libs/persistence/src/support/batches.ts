import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';

/** Keeps `IN (…)` lists and multi-row inserts well under both databases' parameter limits. */
export const BATCH_SIZE = 500;

export function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export const distinct = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Rows of one account whose `property` is one of `values`: one query per 500 values. */
export async function findIn<R extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<R>,
  {
    accountId,
    property,
    values,
    order,
  }: {
    readonly accountId: string;
    readonly property: keyof R & string;
    readonly values: readonly string[];
    readonly order?: Partial<Record<keyof R & string, 'ASC' | 'DESC'>>;
  },
): Promise<R[]> {
  const rows: R[] = [];
  for (const batch of chunks(distinct(values))) {
    const where = { accountId, [property]: In(batch) } as unknown as FindOptionsWhere<R>;
    rows.push(...(await manager.find(entity, { where, ...(order ? { order: order as never } : {}) })));
  }
  return rows;
}

/** Inserts rows in batches (one statement per 200 rows). */
export async function insertAll<R extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<R>,
  rows: readonly R[],
): Promise<void> {
  for (const batch of chunks(rows, 200)) await manager.insert(entity, batch as never);
}

/** Groups rows by a key, keeping their order. */
export function groupBy<R>(rows: readonly R[], keyOf: (row: R) => string): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** `items` in the order of `ids` (absent ones left out, duplicates once). */
export function inOrderOf<T extends { id: string }>(ids: readonly string[], items: readonly T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return distinct(ids).flatMap((id) => byId.get(id) ?? []);
}
