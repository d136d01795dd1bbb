import { Id, Instant, VersionConflictError, invalid } from '@dutyline/domain';
import { DataSource, MoreThan } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { HotlineDocumentRow, HotlineRow } from '../entities';
import { isForeignKeyViolation, isUniqueViolation } from '../support/store-errors';

/** The documents' primary key, as each database names it in a refusal. */
const DOCUMENT_KEY = {
  name: 'PRIMARY',
  columns: 'hotline_documents.account_id, hotline_documents.hotline_id, hotline_documents.kind',
};

/** A JSON document of a hotline, with the version it was read at. */
export interface HotlineDocument<T> {
  readonly version: number;
  readonly body: T;
  readonly updatedAt: Instant;
}

export interface HotlineRef {
  readonly accountId: Id;
  readonly hotlineId: Id;
}

/**
 * One versioned JSON document per hotline and `kind` (the notification workers keep their gap-alert
 * state and notification settings so), deleted with the hotline. Writes are compare-and-set on the
 * version. `pending` is a count the owner keeps beside the body (e.g. unsent notices), so the
 * documents that still owe something are found without reading every body.
 * Failure contract: `VersionConflictError` (domain) when another writer got there first (nothing
 * written); `UNKNOWN_HOTLINE` ValidationError at `hotlineId`; any other rejection: store unreachable.
 */
export class SqlHotlineDocuments {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  document<T>(hotline: HotlineRef, kind: string): Promise<HotlineDocument<T> | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(HotlineDocumentRow, {
        where: { accountId: hotline.accountId, hotlineId: hotline.hotlineId, kind },
      });
      return row ? { version: row.version, body: JSON.parse(row.body) as T, updatedAt: row.updatedAt } : undefined;
    });
  }

  /** Writes `body` if the stored version is still `expectedVersion` (0: none stored yet); resolves with the new version. */
  saveDocument<T>(
    hotline: HotlineRef,
    kind: string,
    write: { readonly expectedVersion: number; readonly body: T; readonly at: Instant; readonly pending?: number },
  ): Promise<number> {
    const { accountId, hotlineId } = hotline;
    const { expectedVersion } = write;
    const columns = { body: JSON.stringify(write.body), pending: write.pending ?? 0, updatedAt: write.at };
    if (expectedVersion > 0) {
      // One UPDATE in autocommit, atomic on its own: the version in its WHERE is the compare-and-set.
      return this.store.statement(async (manager) => {
        const { affected } = await manager.update(
          HotlineDocumentRow,
          { accountId, hotlineId, kind, version: expectedVersion },
          { version: expectedVersion + 1, ...columns },
        );
        if (!affected) throw conflict(kind, hotlineId);
        return expectedVersion + 1;
      });
    }
    // The first version: one INSERT, the primary key refusing a second writer, the foreign key an unknown hotline.
    return this.store.statement(async (manager) => {
      try {
        await manager.insert(HotlineDocumentRow, { accountId, hotlineId, kind, version: 1, ...columns });
      } catch (error) {
        if (isUniqueViolation(error, DOCUMENT_KEY)) throw conflict(kind, hotlineId);
        if (isForeignKeyViolation(error))
          invalid('UNKNOWN_HOTLINE', 'hotlineId', `there is no hotline ${hotlineId} in this account`);
        throw error;
      }
      return 1;
    });
  }

  /** The hotlines whose `kind` document still owes something (`pending > 0`). */
  pendingDocuments(kind: string): Promise<HotlineRef[]> {
    return this.store.read(async (manager) => {
      const rows = await manager.find(HotlineDocumentRow, {
        select: { accountId: true, hotlineId: true },
        where: { kind, pending: MoreThan(0) },
        order: { accountId: 'ASC', hotlineId: 'ASC' },
      });
      return rows.map((row) => ({ accountId: row.accountId, hotlineId: row.hotlineId }));
    });
  }

  /** Every hotline of every account, by account then id: those the gap checks watch. */
  allHotlines(): Promise<HotlineRef[]> {
    return this.store.read(async (manager) => {
      const rows = await manager.find(HotlineRow, {
        select: { accountId: true, id: true },
        order: { accountId: 'ASC', id: 'ASC' },
      });
      return rows.map((row) => ({ accountId: row.accountId, hotlineId: row.id }));
    });
  }
}

function conflict(kind: string, hotlineId: Id): VersionConflictError {
  return new VersionConflictError(`the ${kind} document of hotline ${hotlineId} changed since it was read`);
}
