import { Clock, VersionConflictError } from '@dutyline/domain';
import { CallLogger } from '../shared';
import { CallChangeReporter } from './call-change-reporter';
import { CallEventApplier } from './call-event-applier';
import { CallPersistence, callKeyOf, carrierKey } from './call-persistence';
import { InboundCallSettings } from './inbound-call-options';
import { CallJournal, CallJournalEntry, CallReference, CallStore, JournaledEntry, Timer } from './ports';
import { StoredCall } from './stored-call';
import { TimeBudget } from './time-budget';

/** What one `writeBack()` pass did. */
export interface WriteBackResult {
  /** Entries the store took (or already had). */
  readonly written: number;
  /** Entries still waiting: the store failed, or their call is not stored yet. */
  readonly waiting: number;
  /** Entries given up (their call never reached the store within `orphanMaxAgeMs`). */
  readonly dropped: number;
}

/** A journal entry's effect on the store. */
type WriteBackOutcome = 'written' | 'waiting';

/** What one pass has learnt so far. */
interface WriteBackPass {
  /** Calls opened here that another instance stored first: our id → theirs. */
  readonly redirected: Map<string, string>;
  /** Each call as the store holds it after this pass's writes, by call key. */
  readonly latest: Map<string, StoredCall>;
  /** Calls whose earlier entries wait: their later ones wait too. */
  readonly blocked: Set<string>;
  /** Entries written with their call's creation. */
  readonly folded: Set<number>;
  /** Entries that leave the journal. */
  readonly settled: { seq: number; callKey: string }[];
}

export interface JournalWriteBackDependencies {
  readonly store: CallStore;
  readonly journal: CallJournal;
  readonly persistence: CallPersistence;
  readonly applier: CallEventApplier;
  readonly reporter: CallChangeReporter;
  readonly clock: Clock;
  readonly timer: Timer;
  readonly logger: CallLogger;
}

export type JournalWriteBackSettings = Pick<
  InboundCallSettings,
  'writeBackTimeoutMs' | 'orphanMaxAgeMs' | 'saveAttempts'
>;

/**
 * Hands the journal to the store, in order per call: opened calls are created (when another
 * instance stored the same carrier call, the events meant for this copy go to that one), events
 * are applied to the call as stored with compare-and-set (a repeated event changes nothing, so an
 * entry handed over twice is harmless). An event whose call is not stored yet waits, with the
 * entries behind it on the same call; one older than `orphanMaxAgeMs` is given up. A pass stops at
 * the first store failure; one pass runs at a time.
 */
export class JournalWriteBack {
  private writing: Promise<WriteBackResult> | null = null;

  constructor(
    private readonly deps: JournalWriteBackDependencies,
    private readonly settings: JournalWriteBackSettings,
  ) {}

  run(): Promise<WriteBackResult> {
    if (this.writing) return this.writing;
    this.writing = this.pass().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async pass(): Promise<WriteBackResult> {
    const { persistence, logger } = this.deps;
    const entries = this.deps.journal.pending();
    const pass: WriteBackPass = {
      redirected: new Map(),
      latest: new Map(),
      blocked: new Set(),
      folded: new Set(),
      settled: [],
    };
    const { blocked, folded, settled } = pass;
    let dropped = 0;
    // Each call's events journaled by our id, in order: what a call opened during the outage is created with.
    const eventsOf = new Map<string, JournaledEntry[]>();
    for (const each of entries) {
      if (each.entry.kind === 'event' && 'callId' in each.entry.call) {
        const list = eventsOf.get(each.entry.call.callId) ?? [];
        list.push(each);
        eventsOf.set(each.entry.call.callId, list);
      }
    }
    for (const { seq, entry } of entries) {
      const callKey = callKeyOf(entry);
      if (blocked.has(callKey) || folded.has(seq)) continue;
      let outcome: WriteBackOutcome;
      const budget = new TimeBudget(this.deps.timer, this.settings.writeBackTimeoutMs);
      try {
        outcome = await budget.run('writing the journal back', () =>
          entry.kind === 'opened'
            ? this.writeBackOpened(
                entry.call,
                (eventsOf.get(entry.call.id) ?? []).filter((each) => each.seq > seq),
                pass,
              )
            : this.writeBackEvent(entry, callKey, pass),
        );
        persistence.storeAnswered();
      } catch (error) {
        persistence.storeFailed(error);
        break;
      } finally {
        budget.close();
      }
      if (outcome === 'waiting') {
        const age = entry.kind === 'event' ? this.deps.clock.now() - entry.receivedAt : 0;
        if (age <= this.settings.orphanMaxAgeMs) {
          blocked.add(callKey);
          continue;
        }
        logger.error("a journaled event's call never reached the store: given up", {
          callKey,
          key: entry.kind === 'event' ? entry.event.key : 'opened',
        });
        dropped += 1;
      }
      settled.push({ seq, callKey });
    }
    if (settled.length > 0) await this.deps.journal.settle(settled.map((each) => each.seq));
    for (const { callKey } of settled) persistence.released(callKey, pass.latest.get(callKey));
    const written = settled.length - dropped;
    const waiting = entries.length - settled.length;
    if (settled.length > 0) logger.info('journaled call changes written back', { written, dropped, waiting });
    return { written, waiting, dropped };
  }

  /**
   * A call opened while the store was away, created with this journal's later events on it (`own`, by our id) folded in
   * (one write: another instance's events cannot land in between); when the store already has it
   * (created meanwhile, or the same carrier call by another instance), the events follow one by one.
   */
  private async writeBackOpened(
    call: StoredCall,
    own: readonly JournaledEntry[],
    pass: WriteBackPass,
  ): Promise<WriteBackOutcome> {
    const { applier, store } = this.deps;
    const full = own.reduce(
      (doc, { entry }) => (entry.kind === 'event' ? applier.applied(doc, entry.event).next : doc),
      call,
    );
    const result = await store.create(full);
    if (result.created) {
      for (const { seq } of own) {
        pass.folded.add(seq);
        pass.settled.push({ seq, callKey: call.id });
      }
      pass.latest.set(call.id, result.call);
      // Notices owed by the folded events (the webhook may have sent them from its copy: same event ids, repeats collapse).
      await this.deps.reporter.notify(call, full);
      return 'written';
    }
    if (result.call.id !== call.id) {
      this.deps.logger.warn('another instance stored the same carrier call: its events go to that one', {
        callId: call.id,
        storedAs: result.call.id,
      });
      pass.redirected.set(call.id, result.call.id);
    }
    pass.latest.set(call.id, result.call);
    return 'written';
  }

  /** One event into the store; rejects when the store fails. */
  private async writeBackEvent(
    entry: CallJournalEntry & { kind: 'event' },
    callKey: string,
    pass: WriteBackPass,
  ): Promise<WriteBackOutcome> {
    const { redirected, latest, blocked } = pass;
    const { store } = this.deps;
    const ref: CallReference = entry.call;
    for (let attempt = 1; ; attempt++) {
      const before =
        'callId' in ref
          ? await store.load(redirected.get(ref.callId) ?? ref.callId)
          : await store.findByCarrierCall(ref.carrier, ref.carrierCallId);
      if (!before) return 'waiting';
      // An earlier entry of this call, journaled by our id or by the carrier's, waits: so does this one (order kept).
      const keys = [before.id, carrierKey(before.carrier, before.carrierCallId)];
      if (keys.some((key) => blocked.has(key))) {
        for (const key of keys) blocked.add(key);
        return 'waiting';
      }
      const { next, changed } = this.deps.applier.applied(before, entry.event);
      if (!changed) {
        latest.set(callKey, before);
        return 'written';
      }
      try {
        const version = await store.save(next);
        latest.set(callKey, { ...next, version });
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < this.settings.saveAttempts * 3) continue;
        throw error;
      }
      // Notices owed by this change (the webhook may have sent them from its copy: same event ids, repeats collapse).
      await this.deps.reporter.notify(before, next);
      return 'written';
    }
  }
}
