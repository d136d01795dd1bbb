import { Id } from '@dutyline/domain';
import { BoundedMap } from './bounded-map';
import { StoredCall } from './stored-call';

/** A call changed while the store was unreachable; `call.version` is the last version stored (0: never created). */
export interface UnsavedCall {
  readonly call: StoredCall;
  readonly created: boolean;
}

/**
 * This instance's recent calls: the freshest copy of each (read when the store is down), the ones
 * whose changes the store has not taken yet, and which carrier call opened which call (a retried
 * answer webhook gets the same reply).
 */
export class CallMemory {
  private readonly recent: BoundedMap<Id, StoredCall>;
  private readonly unsaved: BoundedMap<Id, UnsavedCall>;
  private readonly byCarrierCall: BoundedMap<string, Id>;

  constructor(capacity: number) {
    this.recent = new BoundedMap(capacity);
    this.unsaved = new BoundedMap(capacity);
    this.byCarrierCall = new BoundedMap(capacity);
  }

  /** The store holds `call` as it is. */
  stored(call: StoredCall): void {
    this.remember(call);
    this.unsaved.delete(call.id);
  }

  /** The store could not take `call`: keep it until it can. */
  keep(call: StoredCall, created: boolean): void {
    this.remember(call);
    this.unsaved.set(call.id, { call, created });
  }

  /** Stop trying to store the changes kept for this call. */
  drop(callId: Id): void {
    this.unsaved.delete(callId);
  }

  recentCall(callId: Id): StoredCall | undefined {
    return this.recent.get(callId);
  }

  unsavedCall(callId: Id): UnsavedCall | undefined {
    return this.unsaved.get(callId);
  }

  callOpenedBy(carrier: string, carrierCallId: string): StoredCall | undefined {
    const id = this.byCarrierCall.get(`${carrier}\u0000${carrierCallId}`);
    return id === undefined ? undefined : this.recent.get(id);
  }

  private remember(call: StoredCall): void {
    this.recent.set(call.id, call);
    this.byCarrierCall.set(`${call.carrier}\u0000${call.carrierCallId}`, call.id);
  }
}
