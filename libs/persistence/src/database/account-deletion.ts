import { DataSource, EntityMetadata } from 'typeorm';
import { AccountRow } from '../entities';
import { SqlStore } from './sql-store';

/** The tables that carry `account_id`, each after every table whose foreign keys point at it. */
export function accountTablesChildrenFirst(dataSource: DataSource): string[] {
  const owned = dataSource.entityMetadatas.filter((m) => m.columns.some((c) => c.databaseName === 'account_id'));
  const ordered: string[] = [];
  const placed = new Set<EntityMetadata>();
  const place = (metadata: EntityMetadata, path: Set<EntityMetadata>) => {
    if (placed.has(metadata) || path.has(metadata)) return;
    path.add(metadata);
    // Its children (tables whose foreign keys reference it) go first.
    for (const child of owned)
      if (child.foreignKeys.some((fk) => fk.referencedEntityMetadata === metadata)) place(child, path);
    placed.add(metadata);
    ordered.push(metadata.tableName);
  };
  for (const metadata of owned) place(metadata, new Set());
  return ordered;
}

/**
 * Deletes an account and every row of it, in one transaction: each table with `account_id`,
 * children first, then the account itself. Nothing of another account is touched. False when
 * there was no such account (nothing deleted).
 */
export async function deleteAccount(dataSource: DataSource, accountId: string): Promise<boolean> {
  const tables = accountTablesChildrenFirst(dataSource);
  return new SqlStore(dataSource).write(async (manager) => {
    if (!(await manager.exists(AccountRow, { where: { id: accountId } }))) return false;
    for (const table of tables) await manager.query(`DELETE FROM ${table} WHERE account_id = ?`, [accountId]);
    await manager.query('DELETE FROM accounts WHERE id = ?', [accountId]);
    return true;
  });
}
