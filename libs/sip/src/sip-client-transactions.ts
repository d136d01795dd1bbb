import { SipAddress, SipHeaders, SipRequest, SipResponse, callIdOf, cseqOf, request } from './sip-message';
import { ClientHandler, Transaction, TransactionParts } from './sip-transaction-base';

export interface ClientTransactionParts extends TransactionParts {
  /** Where the request goes. */
  readonly to: SipAddress;
  readonly handler: ClientHandler;
}

export interface InviteClientTransactionParts extends ClientTransactionParts {
  /** Sends a CANCEL as a client transaction of its own. */
  readonly sendNonInvite: (message: SipRequest, to: SipAddress) => void;
}

/**
 * The client side of an INVITE the proxy forwarded: retransmitted until a response, non-2xx final
 * responses acknowledged hop by hop, CANCEL sent once a provisional response allows it.
 */
export class InviteClientTransaction extends Transaction {
  readonly to: SipAddress;
  private state: 'calling' | 'proceeding' | 'accepted' | 'completed' | 'terminated' = 'calling';
  private cancelWanted = false;
  private cancelSent = false;
  private readonly handler: ClientHandler;
  private readonly sendNonInvite: (message: SipRequest, to: SipAddress) => void;

  constructor(parts: InviteClientTransactionParts) {
    super(parts);
    this.to = parts.to;
    this.handler = parts.handler;
    this.sendNonInvite = parts.sendNonInvite;
  }

  start(): void {
    const { t1Ms } = this.context.timers;
    this.scheduled.retransmitting(() => this.context.send(this.request, this.to), t1Ms, Number.MAX_SAFE_INTEGER); // timer A
    this.scheduled.after(64 * t1Ms, () => {
      // timer B
      if (this.state !== 'calling') return;
      this.terminate();
      this.handler.onTimeout();
    });
  }

  /** A provisional response was received. */
  get provisional(): boolean {
    return this.state !== 'calling';
  }

  receive(response: SipResponse): void {
    const { status } = response;
    if (this.state === 'calling' || this.state === 'proceeding') {
      if (status < 200) {
        if (this.state === 'calling') this.scheduled.clear();
        this.state = 'proceeding';
        this.handler.onResponse(response);
        if (this.cancelWanted) this.sendCancel();
      } else if (status < 300) {
        this.state = 'accepted';
        this.scheduled.clear();
        this.scheduled.after(64 * this.context.timers.t1Ms, () => this.terminate()); // timer M
        this.handler.onResponse(response);
      } else {
        this.state = 'completed';
        this.scheduled.clear();
        this.acknowledge(response);
        this.scheduled.after(Math.max(32_000, 64 * this.context.timers.t1Ms), () => this.terminate()); // timer D
        this.handler.onResponse(response);
      }
    } else if (this.state === 'accepted' && status >= 200 && status < 300) {
      this.handler.onResponse(response);
    } else if (this.state === 'completed' && status >= 300) {
      this.acknowledge(response);
    }
  }

  /** Cancels the INVITE: at once when a provisional response came, else as soon as one does. */
  cancel(): void {
    this.cancelWanted = true;
    if (this.state === 'proceeding') this.sendCancel();
  }

  /**
   * Stops retransmitting without a final response (the proxy has given up on this branch); late
   * responses are still matched, and a late provisional one still gets the CANCEL asked for.
   */
  abandon(): void {
    if (this.state !== 'calling' && this.state !== 'proceeding') return;
    this.scheduled.clear();
    this.scheduled.after(64 * this.context.timers.t1Ms, () => this.terminate());
  }

  terminate(): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.scheduled.clear();
    this.ended();
  }

  private sendCancel(): void {
    if (this.cancelSent) return;
    this.cancelSent = true;
    this.sendNonInvite(this.sameHop('CANCEL', this.request.headers.get('To') ?? ''), this.to);
  }

  /** The hop-by-hop ACK of a non-2xx final response (RFC 3261 §17.1.1.3). */
  private acknowledge(response: SipResponse): void {
    this.context.send(this.sameHop('ACK', response.headers.get('To') ?? ''), this.to);
  }

  /** A CANCEL or ACK for this INVITE: its Request-URI, top Via, Route, From, Call-ID and CSeq number. */
  private sameHop(method: 'CANCEL' | 'ACK', to: string): SipRequest {
    const headers = new SipHeaders([['Via', this.request.headers.get('Via') ?? '']]);
    for (const route of this.request.headers.all('Route')) headers.append('Route', route);
    headers
      .append('Max-Forwards', '70')
      .append('From', this.request.headers.get('From') ?? '')
      .append('To', to)
      .append('Call-ID', callIdOf(this.request))
      .append('CSeq', `${cseqOf(this.request).seq} ${method}`);
    return request({ method, uri: this.request.uri, headers });
  }
}

/** The client side of CANCEL or BYE: retransmitted until a final response. */
export class NonInviteClientTransaction extends Transaction {
  readonly to: SipAddress;
  private state: 'trying' | 'proceeding' | 'completed' | 'terminated' = 'trying';
  private readonly handler: ClientHandler;

  constructor(parts: ClientTransactionParts) {
    super(parts);
    this.to = parts.to;
    this.handler = parts.handler;
  }

  start(): void {
    const { t1Ms, t2Ms } = this.context.timers;
    this.scheduled.retransmitting(() => this.context.send(this.request, this.to), t1Ms, t2Ms); // timer E
    this.scheduled.after(64 * t1Ms, () => {
      // timer F
      if (this.state === 'completed' || this.state === 'terminated') return;
      this.terminate();
      this.handler.onTimeout();
    });
  }

  receive(response: SipResponse): void {
    if (this.state === 'completed' || this.state === 'terminated') return;
    if (response.status < 200) {
      this.state = 'proceeding';
      return;
    }
    this.state = 'completed';
    this.scheduled.clear();
    this.scheduled.after(this.context.timers.t4Ms, () => this.terminate()); // timer K
    this.handler.onResponse(response);
  }

  terminate(): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.scheduled.clear();
    this.ended();
  }
}

export type ClientTransaction = InviteClientTransaction | NonInviteClientTransaction;
