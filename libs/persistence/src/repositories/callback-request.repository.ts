import { createHash } from 'node:crypto';
import {
  CallbackServiceRef,
  CallbackStatus,
  Id,
  Instant,
  Page,
  PageRequest,
  VersionConflictError,
  assertId,
} from '@dutyline/domain';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { SqlStore, inTurn, inTurnOn, underNamedLock } from '../database/sql-store';
import { CallbackIntakeSettingsRow, CallbackRequestRow } from '../entities/callback.entities';
import {
  CallbackIntakeDocument,
  CallbackRequestDocument,
  callbackIntakeOfRow,
  callbackIntakeRowOf,
  callbackRequestOfRow,
  callbackRequestRowOf,
} from '../mappers/callback.mapper';
import { decodeCursor, keysetPageOf, pageSize } from '../support/pagination';
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

/** How long an intake waits for another of the same caller and service. */
const INTAKE_LOCK_SECONDS = 10;

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
  /** On MariaDB, this store's intakes by caller and service, each waiting for the one before it (the named lock keeps other processes out). */
  private readonly intakes = new Map<string, Promise<unknown>>();
  /**
   * Connections that may hold an intake lock at once: each also needs one from the pool for its work,
   * so never the whole pool (none at all with a pool of one: the queue in this process only).
   */
  private readonly lockSlots: Slots;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
    const poolSize = Number((dataSource.options as { poolSize?: number }).poolSize ?? 10);
    this.lockSlots = new Slots(Math.max(0, Math.min(2, poolSize - 1)));
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
      const { affected } = await manager.update(
        CallbackRequestRow,
        { accountId, id, version: record.version },
        columns,
      );
      if (!affected)
        throw new VersionConflictError(
          `callback request ${id} is no longer at version ${record.version} (or is not stored)`,
        );
      return callbackRequestOfRow<D>(row);
    });
  }

  /**
   * Runs `work` alone among the intakes of this caller for this service. On MariaDB a named lock
   * (`GET_LOCK`, held on a connection of its own) keeps out every other process and store; on SQLite,
   * whose file one process serves, a queue per caller and database file in this process. When the
   * lock cannot be had within `INTAKE_LOCK_SECONDS` the work runs anyway: a twin request is better
   * than a lost one.
   */
  oneIntakeAtATime<T>(
    caller: { readonly accountId: Id; readonly service: CallbackServiceRef; readonly number: string },
    work: () => Promise<T>,
  ): Promise<T> {
    const { accountId, service, number } = caller;
    const key = `${accountId}\u0000${service.kind}\u0000${service.id}\u0000${number}`;
    if (!this.store.mariaDb) return inTurnOn(this.store.dataSource, `intake\u0000${key}`, work);
    if (this.lockSlots.size === 0) return inTurn(this.intakes, key, work);
    const name = `dutyline_intake_${createHash('sha1').update(key).digest('hex')}`;
    return inTurn(this.intakes, key, () =>
      this.lockSlots.run(() =>
        underNamedLock(this.store.dataSource, { name, timeoutSeconds: INTAKE_LOCK_SECONDS, onTimeout: 'run' }, () =>
          work(),
        ),
      ),
    );
  }

  /** The requests of this caller and service that no event closed (expired ones included), oldest first. */
  unclosed(accountId: Id, service: CallbackServiceRef, number: string): Promise<D[]> {
    return this.store.read(async (manager) => {
      const rows = await manager
        .createQueryBuilder(CallbackRequestRow, 'r')
        .where(
          'r.accountId = :accountId AND r.serviceKind = :kind AND r.serviceId = :serviceId AND r.number = :number',
          {
            accountId,
            kind: service.kind,
            serviceId: service.id,
            number,
          },
        )
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
      const query = manager
        .createQueryBuilder(CallbackRequestRow, 'r')
        .where('r.accountId = :accountId', { accountId });
      narrow(query, filter);
      return keysetPageOf(
        query,
        {
          alias: 'r',
          sortProperty: 'createdAt',
          after,
          size,
          direction: 'DESC',
        },
        (row) => callbackRequestOfRow<D>(row),
      );
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
      return keysetPageOf(
        query,
        {
          alias: 'r',
          sortProperty: 'dialDueAt',
          after,
          size,
          direction: 'ASC',
        },
        (row) => callbackRequestOfRow<D>(row),
      );
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
  if (filter.visible)
    query.andWhere(
      'r.closedStatus IS NULL AND r.expiresAt > :at AND r.nextAttemptAt IS NOT NULL AND r.nextAttemptAt <= :at',
      at,
    );
  if (filter.service)
    query.andWhere('r.serviceKind = :kind AND r.serviceId = :serviceId', {
      kind: filter.service.kind,
      serviceId: filter.service.id,
    });
  if (filter.services) {
    const services = filter.services;
    if (services.length === 0) {
      query.andWhere('1 = 0');
    } else {
      query.andWhere(
        new Brackets((q) => {
          services.forEach((service, i) =>
            q.orWhere(`(r.serviceKind = :kind${i} AND r.serviceId = :service${i})`, {
              [`kind${i}`]: service.kind,
              [`service${i}`]: service.id,
            }),
          );
        }),
      );
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
      const row = await manager.findOne(CallbackIntakeSettingsRow, {
        where: { accountId, serviceKind: service.kind, serviceId: service.id },
      });
      return row ? callbackIntakeOfRow(row) : undefined;
    });
  }

  async saveIntakeSettings(settings: CallbackIntakeDocument): Promise<void> {
    const row = callbackIntakeRowOf(settings);
    await this.store.write((manager) =>
      saveRow(manager, CallbackIntakeSettingsRow, {
        key: { accountId: row.accountId, serviceKind: row.serviceKind, serviceId: row.serviceId },
        row,
      }),
    );
  }
}

/** At most `size` runs at once; the others wait their turn. */
class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    while (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
