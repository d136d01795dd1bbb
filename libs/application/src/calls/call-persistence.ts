import { Clock, VersionConflictError } from '@dutyline/domain';
import { CallLogger, errorContext } from '../shared';
import { CallMemory } from './call-memory';
import { InboundCallSettings } from './inbound-call-options';
import { CallEventRecord, CallJournal, CallJournalEntry, CallReference, CallStore, Timer } from './ports';
import { StoredCall } from './stored-call';
import { TimeBudget } from './time-budget';

/** The call as a request found it, and whether the store holds it so (false: its latest changes wait in the journal). */
export interface CurrentCall {
  readonly call: StoredCall;
  readonly persisted: boolean;
}

/** An event's change of a call, to be kept. */
export interface CallChange {
  /** The call after the event. */
  readonly next: StoredCall;
  /** The call the event was applied to. */
  readonly current: CurrentCall;
  readonly record: CallEventRecord;
}

export interface CallPersistenceDependencies {
  readonly store: CallStore;
  readonly journal: CallJournal;
  readonly clock: Clock;
  readonly timer: Timer;
  readonly logger: CallLogger;
  /** A journaled event applied to this instance's copy of its call (to rebuild the copy after a restart). */
  readonly apply: (call: StoredCall, record: CallEventRecord) => StoredCall;
}

export type CallPersistenceSettings = Pick<InboundCallSettings, 'memoryCapacity' | 'storeBudgetMs' | 'storeRetryMs'>;

/**
 * The call journal of an instance: where its calls are kept. In the store when it answers, with
 * compare-and-set; when it fails, is slow or is known to be away, in this instance's copy in memory and
 * in the journal, behind the call's earlier changes, until the write-back hands them over. After a
 * failure the store is left alone for `storeRetryMs`.
 */
export class CallPersistence {
  private readonly memory: CallMemory;
  /** Journal entries not written back yet, per call (our id, or `carrier\u0000carrierCallId`). */
  private readonly pendingByCall = new Map<string, number>();
  /** Until when webhooks leave the store alone (it failed); 0: it answers. */
  private storeDownUntil = 0;

  constructor(
    private readonly deps: CallPersistenceDependencies,
    private readonly settings: CallPersistenceSettings,
  ) {
    this.memory = new CallMemory(settings.memoryCapacity);
    this.recoverJournal();
  }

  /** This process's latest copy of a call it handled recently; another instance may have moved it on since. */
  recentCall(callId: string): StoredCall | undefined {
    return this.memory.recentCall(callId);
  }

  /** The call a carrier opened, as this instance last had it. */
  openedHere(carrier: string, carrierCallId: string): StoredCall | undefined {
    return this.memory.callOpenedBy(carrier, carrierCallId);
  }

  /** The call a carrier opened, from memory or the store; undefined when neither knows it (or the store fails). */
  async openedBy(carrier: string, carrierCallId: string, budget: TimeBudget): Promise<StoredCall | undefined> {
    let known = this.memory.callOpenedBy(carrier, carrierCallId);
    if (!known && !this.storeKnownDown()) {
      try {
        known = await budget.run('finding the call', () => this.deps.store.findByCarrierCall(carrier, carrierCallId));
        this.storeAnswered();
      } catch (error) {
        this.storeFailed(error);
      }
    }
    return known;
  }

  /**
   * Stores a new call; when the store cannot take it, it is kept in memory and journaled. Resolves with
   * the call as kept, or with the call another request of the same carrier call opened first (`created: false`).
   */
  async open(call: StoredCall, budget: TimeBudget): Promise<{ readonly created: boolean; readonly call: StoredCall }> {
    const result = this.storeKnownDown()
      ? null
      : await this.storeWrite(budget, 'storing the new call', () => this.deps.store.create(call)).catch(
          (error: unknown) => {
            this.deps.logger.warn('the call store did not take a new call: it is journaled', {
              callId: call.id,
              ...errorContext(error),
            });
            return null;
          },
        );
    if (result) {
      this.memory.stored(result.call);
      return result;
    }
    this.memory.keep(call);
    await this.journalEntry(call.id, { kind: 'opened', call });
    return { created: true, call };
  }

  /**
   * The call as stored, or this instance's copy when the store is away or the call's changes wait in
   * the journal; undefined when neither can be had.
   */
  async current(callId: string, budget: TimeBudget): Promise<CurrentCall | undefined> {
    const recent = this.memory.recentCall(callId);
    if (recent && (this.pendingByCall.has(callId) || this.storeKnownDown())) return { call: recent, persisted: false };
    if (this.storeKnownDown()) return undefined;
    try {
      const stored = await budget.run('loading the call', () => this.deps.store.load(callId));
      this.storeAnswered();
      if (stored) this.memory.stored(stored);
      return stored && { call: stored, persisted: true };
    } catch (error) {
      this.storeFailed(error);
      if (!recent) return undefined;
      this.deps.logger.warn('call store unreachable: going on from the copy in memory', {
        callId,
        ...errorContext(error),
      });
      return { call: recent, persisted: false };
    }
  }

  /**
   * Saves the change with compare-and-set when the call came from the store (`conflict`: another writer
   * got there first, nothing kept); otherwise, or when the store fails, keeps it in memory and journals it.
   */
  async persist(change: CallChange, budget: TimeBudget): Promise<'stored' | 'kept' | 'conflict'> {
    const { next, current, record } = change;
    if (current.persisted && !this.storeKnownDown()) {
      try {
        const version = await this.storeWrite(budget, 'saving the call', () => this.deps.store.save(next));
        this.memory.stored({ ...next, version });
        return 'stored';
      } catch (error) {
        if (error instanceof VersionConflictError) return 'conflict';
        this.deps.logger.warn('the call store did not take a change: it is journaled', {
          callId: next.id,
          ...errorContext(error),
        });
      }
    }
    this.memory.keep(next);
    await this.journalEvent({ callId: next.id }, record);
    return 'kept';
  }

  /** Journals an event of a call (by our id, or by the carrier's for a call this instance does not know). */
  journalEvent(call: CallReference, event: CallEventRecord): Promise<void> {
    const entry: CallJournalEntry = { kind: 'event', call, event, receivedAt: this.deps.clock.now() };
    return this.journalEntry(callKeyOf(entry), entry);
  }

  /**
   * One entry of the call left the journal (written back or given up); when it was the last, the copy
   * the store took (`stored`) is this instance's again.
   */
  released(callKey: string, stored: StoredCall | undefined): void {
    if (this.releasePending(callKey) && stored) this.memory.stored(stored);
  }

  /** Whether the journal holds anything not written back. */
  hasPendingWrites(): boolean {
    return this.deps.journal.pending().length > 0;
  }

  storeKnownDown(): boolean {
    return this.storeDownUntil !== 0 && this.deps.clock.now() < this.storeDownUntil;
  }

  storeFailed(error: unknown): void {
    if (error instanceof VersionConflictError) return;
    if (!this.storeKnownDown())
      this.deps.logger.warn('the call store is away: webhooks go on from memory and the journal', errorContext(error));
    this.storeDownUntil = this.deps.clock.now() + this.settings.storeRetryMs;
  }

  storeAnswered(): void {
    this.storeDownUntil = 0;
  }

  /** A write within the store's own budget (inside the request's): a stalled store costs a webhook this much once. */
  private storeWrite<T>(budget: TimeBudget, what: string, work: () => Promise<T>): Promise<T> {
    return budget.run(what, async () => {
      const own = new TimeBudget(this.deps.timer, this.settings.storeBudgetMs);
      try {
        const result = await own.run(what, work);
        this.storeAnswered();
        return result;
      } catch (error) {
        this.storeFailed(error);
        throw error;
      } finally {
        own.close();
      }
    });
  }

  /** Journals an entry about a call (our id or its carrier key); a journal that fails leaves it in memory only (logged). */
  private async journalEntry(callKey: string, entry: CallJournalEntry): Promise<void> {
    this.pendingByCall.set(callKey, (this.pendingByCall.get(callKey) ?? 0) + 1);
    try {
      await this.deps.journal.append(entry);
    } catch (error) {
      this.releasePending(callKey);
      this.deps.logger.error('could not journal a call change: it is kept in memory only', {
        callKey,
        ...errorContext(error),
      });
    }
  }

  /** One entry of the call left the journal; true when it was the last. */
  private releasePending(callKey: string): boolean {
    const left = (this.pendingByCall.get(callKey) ?? 1) - 1;
    if (left > 0) this.pendingByCall.set(callKey, left);
    else this.pendingByCall.delete(callKey);
    return left <= 0;
  }

  /** After a restart: the journal's calls back in memory (their copies rebuilt), so their next events follow them. */
  private recoverJournal(): void {
    for (const { entry } of this.deps.journal.pending()) {
      const callKey = callKeyOf(entry);
      this.pendingByCall.set(callKey, (this.pendingByCall.get(callKey) ?? 0) + 1);
      if (entry.kind === 'opened') {
        this.memory.keep(entry.call);
        continue;
      }
      const copy = this.memory.recentCall(callKey);
      if (copy) this.memory.keep(this.deps.apply(copy, entry.event));
    }
  }
}

export const carrierKey = (carrier: string, carrierCallId: string): string => `${carrier}\u0000${carrierCallId}`;

/** The call a journal entry is about: our id, or the carrier's key for an end reported by the carrier's id. */
export function callKeyOf(entry: CallJournalEntry): string {
  if (entry.kind === 'opened') return entry.call.id;
  return 'callId' in entry.call ? entry.call.callId : carrierKey(entry.call.carrier, entry.call.carrierCallId);
}
