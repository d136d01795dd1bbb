import { Id, NotFound, Page, PageRequest, PatternRepository, Result, StoredPattern, err, ok } from '@dutyline/domain';
import { DataSource } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { PatternRow } from '../entities';
import { patternFromRow, patternToRow } from '../mappers/settings.mapper';
import { decodeCursor, keysetPageOf, pageSize } from '../support/pagination';
import { saveRow } from '../support/rows';

export class SqlPatternRepository implements PatternRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  pattern(accountId: Id, id: Id): Promise<StoredPattern | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(PatternRow, { where: { accountId, id } });
      return row ? patternFromRow(row) : undefined;
    });
  }

  listPatterns(accountId: Id, page?: PageRequest): Promise<Page<StoredPattern>> {
    const size = pageSize(page);
    const after = decodeCursor<string>(page?.after, 'string');
    return this.store.read(async (manager) => {
      const query = manager.createQueryBuilder(PatternRow, 'p').where('p.accountId = :accountId', { accountId });
      return keysetPageOf(query, { alias: 'p', sortProperty: 'sortName', after, size }, patternFromRow);
    });
  }

  async savePattern(pattern: StoredPattern): Promise<void> {
    const row = patternToRow(pattern);
    await this.store.write((manager) =>
      saveRow(manager, PatternRow, { key: { accountId: row.accountId, id: row.id }, row }),
    );
  }

  deletePattern(accountId: Id, id: Id): Promise<Result<void, NotFound>> {
    return this.store.write(async (manager) => {
      const { affected } = await manager.delete(PatternRow, { accountId, id });
      return affected ? ok(undefined) : err({ code: 'NOT_FOUND' });
    });
  }
}
