import { SipAddress, SipResponse } from './sip-message';
import { Transaction, TransactionParts } from './sip-transaction-base';

export interface ServerTransactionParts extends TransactionParts {
  /** Where the responses go. */
  readonly replyTo: SipAddress;
}

/** The server side of an INVITE: provisional and final responses, retransmitted until the ACK. */
export class InviteServerTransaction extends Transaction {
  private state: 'proceeding' | 'completed' | 'confirmed' | 'accepted' | 'terminated' = 'proceeding';
  private last: SipResponse | null = null;
  private readonly replyTo: SipAddress;

  constructor(parts: ServerTransactionParts) {
    super(parts);
    this.replyTo = parts.replyTo;
  }

  /** A final response has been sent: the caller's INVITE is answered. */
  get answered(): boolean {
    return this.state !== 'proceeding';
  }

  respond(response: SipResponse): void {
    const { t1Ms, t2Ms } = this.context.timers;
    if (this.state === 'accepted' && response.status >= 200 && response.status < 300) {
      this.send(response); // a 2xx retransmitted by the callee, forwarded again
      return;
    }
    if (this.state !== 'proceeding') return;
    this.last = response;
    if (response.status >= 300) {
      this.state = 'completed';
      this.scheduled.retransmitting(() => this.send(response), t1Ms, t2Ms); // timer G
      this.scheduled.after(64 * t1Ms, () => this.terminate()); // timer H: the ACK never came
    } else if (response.status >= 200) {
      this.state = 'accepted';
      this.send(response);
      this.scheduled.after(64 * t1Ms, () => this.terminate()); // timer L
    } else {
      this.send(response);
    }
  }

  /** The INVITE came again: repeat the last response. */
  onRetransmission(): void {
    if ((this.state === 'proceeding' || this.state === 'completed') && this.last) this.send(this.last);
  }

  onAck(): void {
    if (this.state !== 'completed') return;
    this.state = 'confirmed';
    this.scheduled.clear();
    this.scheduled.after(this.context.timers.t4Ms, () => this.terminate()); // timer I
  }

  terminate(): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.scheduled.clear();
    this.ended();
  }

  private send(response: SipResponse): void {
    this.context.send(response, this.replyTo);
  }
}

/** The server side of any other request: the final response repeated to each retransmission. */
export class NonInviteServerTransaction extends Transaction {
  private last: SipResponse | null = null;
  private done = false;
  private terminated = false;
  private readonly replyTo: SipAddress;

  constructor(parts: ServerTransactionParts) {
    super(parts);
    this.replyTo = parts.replyTo;
  }

  respond(response: SipResponse): void {
    if (this.done || this.terminated) return;
    this.last = response;
    this.context.send(response, this.replyTo);
    if (response.status >= 200) {
      this.done = true;
      this.scheduled.after(64 * this.context.timers.t1Ms, () => this.terminate()); // timer J
    }
  }

  onRetransmission(): void {
    if (this.last) this.context.send(this.last, this.replyTo);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.scheduled.clear();
    this.ended();
  }
}

export type ServerTransaction = InviteServerTransaction | NonInviteServerTransaction;
