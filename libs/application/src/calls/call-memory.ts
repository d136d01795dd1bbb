import { Id } from '@dutyline/domain';
import { BoundedMap } from './bounded-map';
import { StoredCall } from './stored-call';

/**
 * This instance's recent calls: the freshest copy of each (read when the store is down or the call's
 * changes wait in the journal), and which carrier call opened which call (a retried answer webhook
 * gets the same reply).
 */
export class CallMemory {
  private readonly recent: BoundedMap<Id, StoredCall>;
  private readonly byCarrierCall: BoundedMap<string, Id>;

  constructor(capacity: number) {
    this.recent = new BoundedMap(capacity);
    this.byCarrierCall = new BoundedMap(capacity);
  }

  /** The store holds `call` as it is. */
  stored(call: StoredCall): void {
    this.remember(call);
  }

  /** This instance's copy of `call`, ahead of the store (its changes wait in the journal). */
  keep(call: StoredCall): void {
    this.remember(call);
  }

  recentCall(callId: Id): StoredCall | undefined {
    return this.recent.get(callId);
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
