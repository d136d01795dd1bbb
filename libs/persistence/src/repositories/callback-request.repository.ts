import {
  CallbackServiceRef, CallbackStatus, Id, Instant, Page, PageRequest, VersionConflictError, assertId,
} from '@dutyline/domain';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { CallbackIntakeSettingsRow, CallbackRequestRow } from '../entities/callback.entities';
import {
  CallbackIntakeDocument, CallbackRequestDocument, callbackIntakeOfRow, callbackIntakeRowOf, callbackRequestOfRow, callbackRequestRowOf,
} from '../mappers/callback.mapper';
import { decodeCursor, keysetPage, pageOf, pageSize } from '../support/pagination';
import { saveRow } from '../support/rows';

/** What the callback list is filtered on (the application's `CallbackRequestFilter`); every field narrows it. */
export interface SqlCallbackRequestFilter {
  /** The status at `at`. */
  readonly status?: CallbackStatus;
  readonly service?: CallbackServiceRef;
  /** Only these services; an empty list matches nothing. */
  readonly services?: readonly CallbackServiceRef[];
  /** Only what agents may work at `at`: open and past the minimum delay. */
  readonly visible?: boolean;
  readonly at: Instant;
}

/**
 * Callback requests of every account, one JSON document each (the application's `CallbackRequestStore`;
 * `D` is its `StoredCallbackRequest`). Writes are compare-and-set on the version; the listed columns are
 * derived from the document on each write, so the list always agrees with the request read.
 * Failure contract: `VersionConflictError` from `save` when the stored version differs or the request is
 * absent (nothing written); `INVALID_CURSOR` / `INVALID_PAGE_SIZE` for a bad page request; any other
 * rejection: the store is unreachable or failed, nothing written.
 */
export class SqlCallbackRequestStore<D extends CallbackRequestDocument = CallbackRequestDocument> {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  async create(record: D): Promise<D> {
    const row = callbackRequestRowOf(record, 1);
    await this.store.write((manager) => manager.insert(CallbackRequestRow, row));
    return callbackRequestOfRow<D>(row);
  }

  load(accountId: Id, id: Id): Promise<D | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(CallbackRequestRow, { where: { accountId, id } });
      return row ? callbackRequestOfRow<D>(row) : undefined;
    });
  }

  /** Replaces the request if its stored version is still `record.version`; resolves with it at the new version. */
  save(record: D): Promise<D> {
    const row = callbackRequestRowOf(record, record.version + 1);
    const { accountId, id, ...columns } = row;
    return this.store.write(async (manager) => {
      const { affected } = await manager.update(CallbackRequestRow, { accountId, id, version: record.version }, columns);
      if (!affected) throw new VersionConflictError(`callback request ${id} is no longer at version ${record.version} (or is not stored)`);
      return callbackRequestOfRow<D>(row);
    });
  }

  /** The requests of this caller and service that no event closed (expired ones included), oldest first. */
  unclosed(accountId: Id, service: CallbackServiceRef, number: string): Promise<D[]> {
    return this.store.read(async (manager) => {
      const rows = await manager
        .createQueryBuilder(CallbackRequestRow, 'r')
        .where('r.accountId = :accountId AND r.serviceKind = :kind AND r.serviceId = :serviceId AND r.number = :number', {
          accountId, kind: service.kind, serviceId: service.id, number,
        })
        .andWhere('r.closedStatus IS NULL')
        .orderBy('r.createdAt', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .getMany();
      return rows.map((row) => callbackRequestOfRow<D>(row));
    });
  }

  /** Newest first (creation instant, then id, both descending). */
  async list(accountId: Id, filter: SqlCallbackRequestFilter, page?: PageRequest): Promise<Page<D>> {
    const size = pageSize(page);
    const after = decodeCursor<number>(page?.after, 'number');
    return this.store.read(async (manager) => {
      const query = manager.createQueryBuilder(CallbackRequestRow, 'r').where('r.accountId = :accountId', { accountId });
      narrow(query, filter);
      const rows = await keysetPage(query, 'r', 'createdAt', after, size, 'DESC').getMany();
      return pageOf(rows, size, (row) => ({ sort: row.createdAt, id: row.id }), rows.map((row) => callbackRequestOfRow<D>(row)));
    });
  }

  /** The request whose outbound call is `callId`, whatever its account. */
  byCall(callId: Id): Promise<D | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(CallbackRequestRow, { where: { activeCallId: assertId(callId, 'callId') } });
      return row ? callbackRequestOfRow<D>(row) : undefined;
    });
  }

  /** Automatic-mode requests with something due, soonest first, a page at a time (every account: the worker's reconcile). */
  async dueForDialling(page?: PageRequest): Promise<Page<D>> {
    const size = pageSize(page);
    const after = decodeCursor<number>(page?.after, 'number');
    return this.store.read(async (manager) => {
      const query = manager.createQueryBuilder(CallbackRequestRow, 'r').where('r.dialDueAt IS NOT NULL');
      const rows = await keysetPage(query, 'r', 'dialDueAt', after, size, 'ASC').getMany();
      return pageOf(rows, size, (row) => ({ sort: row.dialDueAt!, id: row.id }), rows.map((row) => callbackRequestOfRow<D>(row)));
    });
  }
}

/** Adds the filter's conditions; statuses that follow from time are compared with `filter.at`. */
function narrow(query: SelectQueryBuilder<CallbackRequestRow>, filter: SqlCallbackRequestFilter): void {
  const at = { at: filter.at };
  switch (filter.status) {
    case undefined:
      break;
    case 'open':
      query.andWhere('r.closedStatus IS NULL AND r.expiresAt > :at', at);
      break;
    case 'expired':
      query.andWhere('r.closedStatus IS NULL AND r.expiresAt <= :at', at);
      break;
    default:
      query.andWhere('r.closedStatus = :status', { status: filter.status });
  }
  if (filter.visible) query.andWhere('r.closedStatus IS NULL AND r.expiresAt > :at AND r.nextAttemptAt IS NOT NULL AND r.nextAttemptAt <= :at', at);
  if (filter.service) query.andWhere('r.serviceKind = :kind AND r.serviceId = :serviceId', { kind: filter.service.kind, serviceId: filter.service.id });
  if (filter.services) {
    const services = filter.services;
    if (services.length === 0) {
      query.andWhere('1 = 0');
    } else {
      query.andWhere(new Brackets((q) => {
        services.forEach((service, i) => q.orWhere(`(r.serviceKind = :kind${i} AND r.serviceId = :service${i})`, { [`kind${i}`]: service.kind, [`service${i}`]: service.id }));
      }));
    }
  }
}

/** Per-service intake settings (the application's `CallbackIntakeSettingsStore`). */
export class SqlCallbackIntakeSettingsStore {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  intakeSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackIntakeDocument | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(CallbackIntakeSettingsRow, { where: { accountId, serviceKind: service.kind, serviceId: service.id } });
      return row ? callbackIntakeOfRow(row) : undefined;
    });
  }

  async saveIntakeSettings(settings: CallbackIntakeDocument): Promise<void> {
    const row = callbackIntakeRowOf(settings);
    await this.store.write((manager) =>
      saveRow(manager, CallbackIntakeSettingsRow, { accountId: row.accountId, serviceKind: row.serviceKind, serviceId: row.serviceId }, row));
  }
}
