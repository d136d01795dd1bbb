import { Id, NotFound, Page, PageRequest, PatternRepository, Result, StoredPattern, err, ok } from '@dutyline/domain';
import { pageOf, rowKey, rowsOf } from '../in-memory-database';
import { NOT_FOUND, byName, InMemoryRepository } from './in-memory-repository';

export class InMemoryPatternRepository extends InMemoryRepository implements PatternRepository {
  private get patterns() {
    return this.db.table<StoredPattern>('patterns');
  }

  async pattern(accountId: Id, id: Id): Promise<StoredPattern | undefined> {
    this.called('pattern');
    return this.patterns.get(rowKey(accountId, id));
  }

  async listPatterns(accountId: Id, page?: PageRequest): Promise<Page<StoredPattern>> {
    this.called('listPatterns');
    return pageOf(rowsOf(this.patterns, accountId), page, { keyOf: byName });
  }

  async savePattern(pattern: StoredPattern): Promise<void> {
    this.called('savePattern');
    this.patterns.set(rowKey(pattern.accountId, pattern.id), pattern);
  }

  async deletePattern(accountId: Id, id: Id): Promise<Result<void, NotFound>> {
    this.called('deletePattern');
    return this.patterns.delete(rowKey(accountId, id)) ? ok(undefined) : err(NOT_FOUND);
  }
}
