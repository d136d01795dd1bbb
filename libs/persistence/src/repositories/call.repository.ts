import {
  CallFigures,
  CallOutcome,
  Id,
  Instant,
  Page,
  PageRequest,
  VersionConflictError,
  assertId,
} from '@dutyline/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { CallRow } from '../entities/call.entities';
import { CallDocument, CallFiguresRow, callFiguresOfRow, callOfRow, callRowOf } from '../mappers/call.mapper';
import { GroupInsert } from '../support/group-insert';
import { decodeCursor, keysetPageOf, pageSize } from '../support/pagination';
import { isUniqueViolation } from '../support/store-errors';

/** What the call log is filtered on; every field narrows the list (the application's `CallFilter`). */
export interface SqlCallFilter {
  readonly hotlineId?: Id;
  readonly outcome?: CallOutcome;
  /** Calls answered by this person. */
  readonly answeredBy?: Id;
  /** Calls that started at or after this instant. */
  readonly from?: Instant;
  /** Calls that started before this instant. */
  readonly to?: Instant;
}

const CARRIER_CALL_INDEX = { name: 'UQ_calls_carrier_call', columns: 'calls.carrier, calls.carrier_call_id' };
const CALL_ID_INDEX = { name: 'PRIMARY', columns: 'calls.id' };
/** The call is stored already: under its carrier leg (a retried answer), or under its id (created again by a write-back). */
const isStoredAlready = (error: unknown) =>
  isUniqueViolation(error, CARRIER_CALL_INDEX) || isUniqueViolation(error, CALL_ID_INDEX);

/**
 * The calls of every account, one JSON document each (the application's `CallStore` and
 * `CallLogReader` ports; `C` is the application's `StoredCall`). Writes are compare-and-set on the
 * version; the listed columns are derived from the document on each write, so filters always agree
 * with the record a supervisor reads.
 * Failure contract: `VersionConflictError` (domain) from `save` when the stored version differs or
 * the call is absent (nothing written); `INVALID_CURSOR` / `INVALID_PAGE_SIZE` ValidationErrors for a
 * bad page request; any other rejection: the store is unreachable or failed, nothing written.
 */
export class SqlCallStore<C extends CallDocument = CallDocument> {
  private readonly store: SqlStore;
  /** New calls arriving together (a busy answer path) share one INSERT statement. */
  private readonly inserts: GroupInsert<CallRow>;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
    this.inserts = new GroupInsert((rows) => this.store.insertMany(CallRow, rows), { isRowError: isStoredAlready });
  }

  /**
   * Stores a new call at version 1, resolving once it is stored. When a call of the same carrier and
   * caller's leg is already stored (a retried answer webhook), or this very call (created again after
   * a create that timed out but committed), writes nothing and returns that one with `created: false`.
   */
  async create(call: C): Promise<{ readonly created: boolean; readonly call: C }> {
    const row = callRowOf(call, 1);
    try {
      await this.inserts.insert(row);
    } catch (error) {
      if (!isStoredAlready(error)) throw error;
      const existing = isUniqueViolation(error, CALL_ID_INDEX)
        ? await this.load(call.id)
        : await this.findByCarrierCall(call.carrier, call.carrierCallId);
      if (!existing) throw error;
      return { created: false, call: existing };
    }
    return { created: true, call: { ...call, version: 1 } };
  }

  /** The call with this id, whatever its account. */
  load(callId: Id): Promise<C | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(CallRow, { where: { id: callId } });
      return row ? callOfRow<C>(row) : undefined;
    });
  }

  /** The call the carrier opened with this id of the caller's leg. */
  findByCarrierCall(carrier: string, carrierCallId: string): Promise<C | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(CallRow, { where: { carrier, carrierCallId } });
      return row ? callOfRow<C>(row) : undefined;
    });
  }

  /** Replaces the call if its stored version is still `call.version`; resolves with the new version. */
  save(call: C): Promise<number> {
    const version = call.version + 1;
    const { id: _id, ...columns } = callRowOf(call, version);
    return this.store.write(async (manager) => {
      const { affected } = await manager.update(CallRow, { id: call.id, version: call.version }, columns);
      if (!affected)
        throw new VersionConflictError(`call ${call.id} is no longer at version ${call.version} (or is not stored)`);
      return version;
    });
  }

  /** The account's calls, newest first (start instant, then id, both descending). */
  async listCalls(accountId: Id, filter: SqlCallFilter = {}, page?: PageRequest): Promise<Page<C>> {
    const size = pageSize(page);
    const after = decodeCursor<number>(page?.after, 'number');
    return this.store.read(async (manager) =>
      keysetPageOf(
        callsOf(manager, accountId, filter),
        {
          alias: 'call',
          sortProperty: 'startedAt',
          after,
          size,
          direction: 'DESC',
        },
        (row) => callOfRow<C>(row),
      ),
    );
  }

  /**
   * The statistics' columns of the account's calls of `filter`, in `listCalls`' order, the newest
   * `limit` at most: a handful of values a call, no document read or parsed.
   */
  async callFigures(accountId: Id, filter: SqlCallFilter, limit: number): Promise<CallFigures[]> {
    const rows = await this.store.read((manager) =>
      callsOf(manager, accountId, filter)
        .select('call.outcome', 'outcome')
        .addSelect('call.answeredBy', 'answeredBy')
        .addSelect('call.answeredByName', 'answeredByName')
        .addSelect('call.timeToAnswerMs', 'timeToAnswerMs')
        .addSelect('call.durationMs', 'durationMs')
        .orderBy('call.startedAt', 'DESC')
        .addOrderBy('call.id', 'DESC')
        .limit(limit)
        .getRawMany<CallFiguresRow>(),
    );
    return rows.map(callFiguresOfRow);
  }

  /** The call if it belongs to the account; another account's call is absent. */
  async call(accountId: Id, callId: Id): Promise<C | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(CallRow, { where: { id: assertId(callId, 'callId'), accountId } });
      return row ? callOfRow<C>(row) : undefined;
    });
  }
}

/** The account's calls of `filter`, unsorted. */
function callsOf(manager: EntityManager, accountId: Id, filter: SqlCallFilter): SelectQueryBuilder<CallRow> {
  const query = manager.createQueryBuilder(CallRow, 'call').where('call.accountId = :accountId', { accountId });
  if (filter.hotlineId !== undefined) query.andWhere('call.hotlineId = :hotlineId', { hotlineId: filter.hotlineId });
  if (filter.outcome !== undefined) query.andWhere('call.outcome = :outcome', { outcome: filter.outcome });
  if (filter.answeredBy !== undefined)
    query.andWhere('call.answeredBy = :answeredBy', { answeredBy: filter.answeredBy });
  if (filter.from !== undefined) query.andWhere('call.startedAt >= :from', { from: filter.from });
  if (filter.to !== undefined) query.andWhere('call.startedAt < :to', { to: filter.to });
  return query;
}
