import { ForeignKey, ObjectType } from 'typeorm';

/*
 * The foreign keys the migrations create, declared on the entities too so that TypeORM's schema
 * diff (`migration:generate`, a review aid only) sees the tables as they are on MariaDB, where an
 * unspecified rule reads back as RESTRICT.
 */

/** `account_id` → `accounts.id` */
export const belongsToAccount = <T>(account: () => ObjectType<T>, name: string) =>
  ForeignKey(account, ['accountId'], ['id'], { name, onDelete: 'RESTRICT', onUpdate: 'RESTRICT' });

/** A child row that goes with its parent: `(account_id, column)` → `parent(account_id, id)` ON DELETE CASCADE. */
export const ownedBy = <T>(parent: () => ObjectType<T>, column: string, name: string) =>
  ForeignKey(parent, ['accountId', column], ['accountId', 'id'], { name, onDelete: 'CASCADE', onUpdate: 'RESTRICT' });

/** A reference that keeps its target alive: `(account_id, column)` → `target(account_id, id)` ON DELETE RESTRICT. */
export const refersTo = <T>(target: () => ObjectType<T>, column: string, name: string) =>
  ForeignKey(target, ['accountId', column], ['accountId', 'id'], { name, onDelete: 'RESTRICT', onUpdate: 'RESTRICT' });
