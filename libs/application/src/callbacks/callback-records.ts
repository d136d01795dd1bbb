import { Id, Instant, Result, VersionConflictError, err, ok } from '@dutyline/domain';
import { NotFoundRefusal, notFound } from '../shared';
import { CallbackJobScheduler } from './callback-jobs';
import { CallbackRequestStore } from './ports';
import { StoredCallbackRequest } from './stored-callback-request';

/** What a change of a stored request answers: the new record, `null` for "nothing to change", or a refusal. */
export type RecordChange<E> = Result<StoredCallbackRequest | null, E>;

/** The stored request a change is for, and how one the caller may not see is reported. */
export interface RequestToChange {
  readonly accountId: Id;
  readonly id: Id;
  /** The field a `NOT_FOUND` names. @defaultValue 'id' */
  readonly field?: string;
  /** False: the caller may not see the request, which then behaves as absent. */
  readonly visible?: (record: StoredCallbackRequest) => boolean;
}

/**
 * Reads and writes stored requests for the callback use cases: every change is computed on the record
 * as stored and written compare-and-set on its version, computed again on a conflict (a second agent,
 * a webhook on another instance), then the request's job is (re)scheduled.
 */
export class CallbackRecords {
  constructor(
    private readonly deps: {
      readonly store: CallbackRequestStore;
      readonly jobs: CallbackJobScheduler;
      readonly clock: { now(): Instant };
      /** @defaultValue 3 */
      readonly saveAttempts?: number;
    },
  ) {}

  get store(): CallbackRequestStore {
    return this.deps.store;
  }

  /** Stores a new record and schedules its job. */
  async create(record: StoredCallbackRequest): Promise<StoredCallbackRequest> {
    const created = await this.deps.store.create(record);
    await this.deps.jobs.schedule(created);
    return created;
  }

  /**
   * Applies `change` to the request `id` of the account. `NOT_FOUND` at `field` when the account has no
   * such request (or `visible` says the caller may not see it). Rejects with `VersionConflictError` when
   * others changed the request on every attempt.
   */
  update<E>(
    request: RequestToChange,
    change: (record: StoredCallbackRequest, now: Instant) => RecordChange<E>,
  ): Promise<Result<StoredCallbackRequest, E | NotFoundRefusal>> {
    const { accountId, id, field, visible } = request;
    return this.changing(
      {
        load: () => this.deps.store.load(accountId, id),
        missing: () => notFound('callback request', id, field ?? 'id'),
        visible,
      },
      change,
    );
  }

  /** The same, for the request whose outbound call is `callId`; `undefined` when no request has that call. */
  async updateByCall<E>(
    callId: Id,
    change: (record: StoredCallbackRequest, now: Instant) => RecordChange<E>,
  ): Promise<Result<StoredCallbackRequest, E> | undefined> {
    const result = await this.changing({ load: () => this.deps.store.byCall(callId), missing: () => null }, change);
    if (!result.ok && result.error === null) return undefined;
    return result as Result<StoredCallbackRequest, E>;
  }

  /** Schedules the job a record is owed (after a change made elsewhere, or on reconcile). */
  schedule(record: StoredCallbackRequest): Promise<boolean> {
    return this.deps.jobs.schedule(record);
  }

  /** Loads the record (`missing` when absent or not `visible`), applies `change`, saves compare-and-set. */
  private async changing<E, M>(
    target: {
      readonly load: () => Promise<StoredCallbackRequest | undefined>;
      readonly missing: () => M;
      readonly visible?: (record: StoredCallbackRequest) => boolean;
    },
    change: (record: StoredCallbackRequest, now: Instant) => RecordChange<E>,
  ): Promise<Result<StoredCallbackRequest, E | M>> {
    const { load, missing, visible = () => true } = target;
    const attempts = this.deps.saveAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      const record = await load();
      if (!record || !visible(record)) return err(missing());
      const changed = change(record, this.deps.clock.now());
      if (!changed.ok) return changed;
      if (changed.value === null) return ok(record);
      try {
        const saved = await this.deps.store.save(changed.value);
        await this.deps.jobs.schedule(saved);
        return ok(saved);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= attempts) throw error;
      }
    }
  }
}
