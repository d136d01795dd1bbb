import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { insertAll } from './batches';

/** Inserts `row`, or updates the row with the same `key`; says which. */
export async function saveRow<R extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<R>,
  { key, row }: { readonly key: FindOptionsWhere<R>; readonly row: R },
): Promise<'inserted' | 'updated'> {
  if (await manager.exists(entity, { where: key })) {
    await manager.update(entity, key, row as never);
    return 'updated';
  }
  await manager.insert(entity, row as never);
  return 'inserted';
}

/** Replaces the ordered child rows (numbers, members, supervisors) owned by one parent. */
export async function replaceChildren<C extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<C>,
  { owner, rows }: { readonly owner: FindOptionsWhere<C>; readonly rows: readonly C[] },
): Promise<void> {
  await manager.delete(entity, owner);
  await insertAll(manager, entity, rows);
}
