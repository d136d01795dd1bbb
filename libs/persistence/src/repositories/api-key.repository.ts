import { ApiKey, ApiKeyRepository, Id, Instant, NotFound, Result, err, ok } from '@dutyline/domain';
import { Brackets, DataSource } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { AccountRow, ApiKeyRow } from '../entities';
import { apiKeyFromRow, apiKeyToRow } from '../mappers/account.mapper';

export class SqlApiKeyRepository implements ApiKeyRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  createApiKey(key: ApiKey): Promise<void> {
    return this.store.write(async (manager) => {
      await manager.insert(ApiKeyRow, apiKeyToRow(key));
    });
  }

  apiKeyByPrefix(prefix: string): Promise<ApiKey | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(ApiKeyRow, { where: { prefix } });
      return row ? apiKeyFromRow(row) : undefined;
    });
  }

  apiKeyCredential(prefix: string): Promise<{ key: ApiKey; accountDisabled: boolean } | undefined> {
    return this.store.read(async (manager) => {
      const found = await manager
        .createQueryBuilder(ApiKeyRow, 'k')
        .innerJoin(AccountRow, 'a', 'a.id = k.account_id')
        .addSelect('a.disabled_at', 'account_disabled_at')
        .where('k.prefix = :prefix', { prefix })
        .getRawAndEntities();
      const row = found.entities[0];
      return row ? { key: apiKeyFromRow(row), accountDisabled: found.raw[0]?.account_disabled_at != null } : undefined;
    });
  }

  apiKeys(accountId: Id): Promise<ApiKey[]> {
    return this.store.read(async (manager) =>
      (await manager.find(ApiKeyRow, { where: { accountId }, order: { createdAt: 'DESC', id: 'DESC' } })).map(
        apiKeyFromRow,
      ),
    );
  }

  revokeApiKey(accountId: Id, id: Id, at: Instant): Promise<Result<void, NotFound>> {
    return this.store.write(async (manager) => {
      const row = await manager.findOne(ApiKeyRow, {
        where: { accountId, id },
        select: { accountId: true, id: true, revokedAt: true },
      });
      if (!row) return err({ code: 'NOT_FOUND' });
      if (row.revokedAt === null) await manager.update(ApiKeyRow, { accountId, id }, { revokedAt: at });
      return ok(undefined);
    });
  }

  touchApiKey(accountId: Id, id: Id, at: Instant): Promise<void> {
    return this.store.write(async (manager) => {
      // One statement, so concurrent uses never move the instant backwards.
      await manager
        .createQueryBuilder()
        .update(ApiKeyRow)
        .set({ lastUsedAt: at })
        .where({ accountId, id })
        .andWhere(new Brackets((q) => q.where('last_used_at IS NULL').orWhere('last_used_at < :at', { at })))
        .execute();
    });
  }
}
