import { Id, Instant } from '@dutyline/domain';
import { DataSource, EntityManager } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { NotificationDeliveryRow } from '../entities';

/*
 * The delivery ledger of the notification workers (the application's `DeliveryLedger` port, which an
 * adapter cannot import: the shapes below match it, and the worker's composition root checks that).
 */

export type StoredDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A delivery as stored; `record` is the JSON document given when it was added. */
export interface StoredDelivery<Kind extends string, Record> {
  readonly id: string;
  readonly kind: Kind;
  readonly accountId: Id;
  readonly hotlineId: Id;
  readonly callId: Id;
  readonly record: Record;
  readonly status: StoredDeliveryStatus;
  readonly steps: Readonly<{ [step: string]: string }>;
  readonly lastError: string | null;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export type NewStoredDelivery<Kind extends string, Record> = Pick<
  StoredDelivery<Kind, Record>,
  'id' | 'kind' | 'accountId' | 'hotlineId' | 'callId' | 'record' | 'createdAt'
>;

const MAX_ERROR_LENGTH = 1000;

/**
 * Notifications owed about calls and the steps done of each. Each write is one statement on one row
 * (a round trip, not four: a voicemail storm writes two per e-mail); a step is merged into the row's
 * steps by the database, so two steps recorded at once both stay.
 * Failure contract: a rejection means the store is unreachable or failed; nothing was written.
 */
export class SqlDeliveryLedger<Kind extends string = string, Record = unknown> {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  /** `false` (nothing written) when a delivery with this id exists. */
  addDelivery(delivery: NewStoredDelivery<Kind, Record>): Promise<boolean> {
    return this.store.write(async (manager) => {
      if (await manager.exists(NotificationDeliveryRow, { where: { id: delivery.id } })) return false;
      await manager.insert(NotificationDeliveryRow, {
        id: delivery.id,
        accountId: delivery.accountId,
        kind: delivery.kind,
        hotlineId: delivery.hotlineId,
        callId: delivery.callId,
        record: JSON.stringify(delivery.record),
        status: 'pending',
        steps: '{}',
        lastError: null,
        createdAt: delivery.createdAt,
        updatedAt: delivery.createdAt,
      });
      return true;
    });
  }

  delivery(id: string): Promise<StoredDelivery<Kind, Record> | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(NotificationDeliveryRow, { where: { id } });
      return row ? this.fromRow(row) : undefined;
    });
  }

  /** One statement in autocommit (the step merged into the stored steps by `JSON_SET`), not a locked read then a write. */
  recordStep(id: string, { step, result, at }: { step: string; result: string; at: Instant }): Promise<void> {
    if (!isPlainStepName(step))
      return this.change(id, (row) => ({
        steps: JSON.stringify({ ...JSON.parse(row.steps), [step]: result }),
        updatedAt: at,
      }));
    return this.store.statement(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(NotificationDeliveryRow)
        .set({ steps: () => 'JSON_SET(steps, :path, :result)', updatedAt: at })
        .where('id = :id', { id, path: `$."${step}"`, result })
        .execute();
    });
  }

  /** One UPDATE, with `step` (done just before) merged into the steps when given. */
  async finishDelivery(
    id: string,
    {
      status,
      at,
      error = null,
      step,
    }: {
      status: 'delivered' | 'failed';
      at: Instant;
      error?: string | null;
      step?: { readonly step: string; readonly result: string };
    },
  ): Promise<void> {
    const end = { status, ...(error === null ? {} : { lastError: clip(error) }), updatedAt: at };
    if (!step) return this.update(id, end);
    if (!isPlainStepName(step.step)) {
      await this.recordStep(id, { ...step, at });
      return this.update(id, end);
    }
    await this.store.statement(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(NotificationDeliveryRow)
        .set({ ...end, steps: () => 'JSON_SET(steps, :path, :result)' })
        .where('id = :id', { id, path: `$."${step.step}"`, result: step.result })
        .execute();
    });
  }

  noteAttemptFailed(id: string, error: string, at: Instant): Promise<void> {
    return this.update(id, { lastError: clip(error), updatedAt: at });
  }

  /** Pending deliveries created before `createdBefore`, oldest first (then by id); `after` is the last id of the previous batch. */
  pendingDeliveries(options: {
    readonly createdBefore: Instant;
    readonly limit: number;
    readonly after?: string | null;
  }): Promise<StoredDelivery<Kind, Record>[]> {
    return this.store.read(async (manager) => {
      const query = manager
        .createQueryBuilder(NotificationDeliveryRow, 'd')
        .where('d.status = :status', { status: 'pending' })
        .andWhere('d.createdAt < :before', { before: options.createdBefore });
      if (options.after) {
        const last = await manager.findOne(NotificationDeliveryRow, { where: { id: options.after } });
        if (last)
          query.andWhere('(d.createdAt > :at OR (d.createdAt = :at AND d.id > :id))', {
            at: last.createdAt,
            id: last.id,
          });
      }
      const rows = await query.orderBy('d.createdAt', 'ASC').addOrderBy('d.id', 'ASC').take(options.limit).getMany();
      return rows.map((row) => this.fromRow(row));
    });
  }

  /** One UPDATE of the row, nothing when it does not exist. */
  private update(id: string, values: Partial<NotificationDeliveryRow>): Promise<void> {
    return this.store.statement(
      async (manager) => void (await manager.update(NotificationDeliveryRow, { id }, values)),
    );
  }

  private change(
    id: string,
    update: (row: NotificationDeliveryRow) => Partial<NotificationDeliveryRow>,
  ): Promise<void> {
    return this.store.write(async (manager: EntityManager) => {
      const row = await manager.findOne(NotificationDeliveryRow, {
        where: { id },
        ...(this.store.mariaDb ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (row) await manager.update(NotificationDeliveryRow, { id }, update(row));
    });
  }

  private fromRow(row: NotificationDeliveryRow): StoredDelivery<Kind, Record> {
    return {
      id: row.id,
      kind: row.kind as Kind,
      accountId: row.accountId,
      hotlineId: row.hotlineId,
      callId: row.callId,
      record: JSON.parse(row.record) as Record,
      status: row.status as StoredDeliveryStatus,
      steps: JSON.parse(row.steps) as { [step: string]: string },
      lastError: row.lastError,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}

/** A step name a JSON path can quote as it is (no `"` nor `\\`). */
const isPlainStepName = (step: string): boolean => !/["\\]/.test(step);

const clip = (text: string): string =>
  text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
