import { AuditEntry, AuditFilter, AuditLog, Id, Page, PageRequest } from '@dutyline/domain';
import { DataSource } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { AuditEntryRow } from '../entities';
import { auditFromRow, auditToRow } from '../mappers/audit.mapper';
import { insertAll } from '../support/batches';
import { decodeCursor, keysetPageOf, pageSize } from '../support/pagination';

export class SqlAuditLog implements AuditLog {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return this.store.write((manager) => insertAll(manager, AuditEntryRow, entries.map(auditToRow)));
  }

  list(accountId: Id, filter: AuditFilter = {}, page?: PageRequest): Promise<Page<AuditEntry>> {
    const size = pageSize(page);
    const after = decodeCursor<number>(page?.after, 'number');
    return this.store.read(async (manager) => {
      const query = manager.createQueryBuilder(AuditEntryRow, 'a').where('a.accountId = :accountId', { accountId });
      if (filter.entityType !== undefined)
        query.andWhere('a.entityType = :entityType', { entityType: filter.entityType });
      if (filter.entityId !== undefined) query.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
      if (filter.actorId !== undefined) query.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
      if (filter.action !== undefined) query.andWhere('a.action = :action', { action: filter.action });
      if (filter.from !== undefined) query.andWhere('a.at >= :from', { from: filter.from });
      if (filter.to !== undefined) query.andWhere('a.at < :to', { to: filter.to });
      return keysetPageOf(
        query,
        {
          alias: 'a',
          sortProperty: 'at',
          after,
          size,
          direction: 'DESC',
        },
        auditFromRow,
      );
    });
  }
}
