import type { Id, Instant } from '@dutyline/domain';

/** A person on a call: who, in which account, through which call, and until when at the latest. */
export interface ActiveCallHold {
  readonly personId: Id;
  readonly accountId: Id;
  readonly callId: Id;
  /** The hold lapses then even if the end of the call is never reported (epoch milliseconds). */
  readonly until: Instant;
}

/**
 * Who is on a Dutyline call now, for the cap on simultaneous calls per person (F26): a person is held
 * from the moment their leg is put through until the call ends. Shared by every gateway instance in
 * production (Redis), within the process in the embedded default.
 * Failure contract: a rejection means it cannot tell or record now; the call goes on as if nobody were
 * on a call, and a hold never released lapses at its `until`.
 */
export interface ActiveCalls {
  /** Holds the person through this call; holding again through the same call only moves `until`. */
  hold(hold: ActiveCallHold): Promise<void>;
  /** The call ended: the person is no longer held through it. Releasing what is not held does nothing. */
  release(release: { readonly accountId: Id; readonly personId: Id; readonly callId: Id }): Promise<void>;
  /** How many calls each of `personIds` (of the account) is on now; a person on none may be left out. */
  counts(accountId: Id, personIds: readonly Id[]): Promise<Map<Id, number>>;
}

/** The holds in this process's memory (the embedded default: one gateway). Never fails. */
export class InProcessActiveCalls implements ActiveCalls {
  /** Per `account:person`, the lapse instant of each call holding them. */
  private readonly holds = new Map<string, Map<Id, Instant>>();

  constructor(private readonly now: () => Instant = Date.now) {}

  async hold({ accountId, personId, callId, until }: ActiveCallHold): Promise<void> {
    const key = `${accountId}:${personId}`;
    const calls = this.holds.get(key) ?? new Map<Id, Instant>();
    calls.set(callId, until);
    this.holds.set(key, calls);
  }

  async release({ accountId, personId, callId }: { accountId: Id; personId: Id; callId: Id }): Promise<void> {
    const key = `${accountId}:${personId}`;
    this.holds.get(key)?.delete(callId);
    if (this.holds.get(key)?.size === 0) this.holds.delete(key);
  }

  async counts(accountId: Id, personIds: readonly Id[]): Promise<Map<Id, number>> {
    const now = this.now();
    const counts = new Map<Id, number>();
    for (const personId of personIds) {
      const key = `${accountId}:${personId}`;
      const calls = this.holds.get(key);
      if (!calls) continue;
      for (const [callId, until] of calls) if (until <= now) calls.delete(callId);
      if (calls.size === 0) this.holds.delete(key);
      else counts.set(personId, calls.size);
    }
    return counts;
  }
}
