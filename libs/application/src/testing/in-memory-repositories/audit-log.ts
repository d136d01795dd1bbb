import { AuditEntry, AuditFilter, AuditLog, Id, Page, PageRequest } from '@dutyline/domain';
import { pageOf } from '../in-memory-database';
import { InMemoryRepository } from './in-memory-repository';

export class InMemoryAuditLog extends InMemoryRepository implements AuditLog {
  async append(entries: readonly AuditEntry[]): Promise<void> {
    this.called('append');
    const table = this.db.table<AuditEntry>('audit');
    for (const entry of entries) table.set(String(table.size), entry);
  }

  async list(accountId: Id, filter: AuditFilter = {}, page?: PageRequest): Promise<Page<AuditEntry>> {
    this.called('list');
    const matches = this.entries(accountId).filter(
      (e) =>
        (filter.entityType === undefined || e.entityType === filter.entityType) &&
        (filter.entityId === undefined || e.entityId === filter.entityId) &&
        (filter.actorId === undefined || e.actor.id === filter.actorId) &&
        (filter.action === undefined || e.action === filter.action) &&
        (filter.from === undefined || e.at >= filter.from) &&
        (filter.to === undefined || e.at < filter.to),
    );
    return pageOf(matches, page, { keyOf: (e) => ({ sort: e.at, id: e.id }), descending: true });
  }

  /** Every entry of the account, oldest first: what tests read. */
  entries(accountId: Id): AuditEntry[] {
    return [...this.db.table<AuditEntry>('audit').values()].filter((e) => e.accountId === accountId);
  }
}
