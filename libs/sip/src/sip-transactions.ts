import { Timer } from '@dutyline/application';
import { SipAddress, SipHeaders, SipMessage, SipRequest, SipResponse, callIdOf, cseqOf, request } from './sip-message';
import { tagOf } from './sip-uri';
import { MAGIC_COOKIE, branchOf, sentByOf, topViaOf } from './sip-via';

/*
 * The transaction layer of RFC 3261 §17 for an unreliable transport (UDP), with the 2xx handling of
 * RFC 6026: retransmissions are sent and absorbed here, so the proxy above sees each request and
 * each response once (every 2xx to an INVITE is passed up: a proxy forwards them all).
 */

/** RFC 3261 timer values. */
export interface SipTimerSettings {
  /** Round-trip estimate. @defaultValue 500 */
  readonly t1Ms: number;
  /** Longest retransmit interval of non-INVITE requests and INVITE responses. @defaultValue 4000 */
  readonly t2Ms: number;
  /** Longest time a message stays in the network. @defaultValue 5000 */
  readonly t4Ms: number;
}

export const DEFAULT_SIP_TIMERS: SipTimerSettings = { t1Ms: 500, t2Ms: 4000, t4Ms: 5000 };

export interface TransactionContext {
  send(message: SipMessage, to: SipAddress): void;
  readonly timer: Timer;
  readonly timers: SipTimerSettings;
}

/** What a client transaction passes up. */
export interface ClientHandler {
  onResponse(response: SipResponse): void;
  /** No final response in time (timer B or F). */
  onTimeout(): void;
}

/** The callbacks one transaction scheduled, cancelled together. */
class Scheduled {
  private readonly cancels = new Set<() => void>();

  constructor(private readonly timer: Timer) {}

  after(ms: number, callback: () => void): void {
    const cancel = this.timer.schedule(ms, () => {
      this.cancels.delete(cancel);
      callback();
    });
    this.cancels.add(cancel);
  }

  /** Calls `send` now, then after `first` ms, doubling up to `cap` ms, until cleared. */
  retransmitting(send: () => void, first: number, cap: number): void {
    const again = (interval: number) =>
      this.after(interval, () => {
        send();
        again(Math.min(interval * 2, cap));
      });
    send();
    again(first);
  }

  clear(): void {
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }
}

/**
 * What identifies the server transaction of a request (RFC 3261 §17.2.3): the branch, the sent-by
 * and the method (an ACK belongs to its INVITE); a request from an RFC 2543 peer (no magic
 * cookie) is matched on Call-ID, CSeq number and From tag instead.
 */
export function serverKeyOf(message: SipRequest, method: string = message.method): string | null {
  const via = topViaOf(message);
  if (!via) return null;
  const ownMethod = method === 'ACK' ? 'INVITE' : method;
  const branch = branchOf(via);
  if (branch.startsWith(MAGIC_COOKIE)) return `${branch}|${sentByOf(via)}|${ownMethod}`;
  return `2543|${callIdOf(message)}|${cseqOf(message).seq}|${tagOf(message.headers.get('From')) ?? ''}|${sentByOf(via)}|${ownMethod}`;
}

const clientKeyOf = (message: SipMessage): string => `${branchOf(topViaOf(message))}|${cseqOf(message).method}`;

/** The server side of an INVITE: provisional and final responses, retransmitted until the ACK. */
export class InviteServerTransaction {
  private state: 'proceeding' | 'completed' | 'confirmed' | 'accepted' | 'terminated' = 'proceeding';
  private last: SipResponse | null = null;
  private readonly scheduled: Scheduled;

  constructor(
    readonly request: SipRequest,
    private readonly replyTo: SipAddress,
    private readonly context: TransactionContext,
    private readonly ended: () => void,
  ) {
    this.scheduled = new Scheduled(context.timer);
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
export class NonInviteServerTransaction {
  private last: SipResponse | null = null;
  private done = false;
  private terminated = false;
  private readonly scheduled: Scheduled;

  constructor(
    readonly request: SipRequest,
    private readonly replyTo: SipAddress,
    private readonly context: TransactionContext,
    private readonly ended: () => void,
  ) {
    this.scheduled = new Scheduled(context.timer);
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

/**
 * The client side of an INVITE the proxy forwarded: retransmitted until a response, non-2xx final
 * responses acknowledged hop by hop, CANCEL sent once a provisional response allows it.
 */
export class InviteClientTransaction {
  private state: 'calling' | 'proceeding' | 'accepted' | 'completed' | 'terminated' = 'calling';
  private cancelWanted = false;
  private cancelSent = false;
  private readonly scheduled: Scheduled;

  constructor(
    readonly request: SipRequest,
    readonly to: SipAddress,
    private readonly layer: TransactionLayer,
    private readonly context: TransactionContext,
    private readonly handler: ClientHandler,
    private readonly ended: () => void,
  ) {
    this.scheduled = new Scheduled(context.timer);
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
    this.layer.sendNonInvite(this.sameHop('CANCEL', this.request.headers.get('To') ?? ''), this.to, IGNORED);
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
    return request(method, this.request.uri, headers);
  }
}

/** The client side of CANCEL or BYE: retransmitted until a final response. */
export class NonInviteClientTransaction {
  private state: 'trying' | 'proceeding' | 'completed' | 'terminated' = 'trying';
  private readonly scheduled: Scheduled;

  constructor(
    readonly request: SipRequest,
    readonly to: SipAddress,
    private readonly context: TransactionContext,
    private readonly handler: ClientHandler,
    private readonly ended: () => void,
  ) {
    this.scheduled = new Scheduled(context.timer);
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

const IGNORED: ClientHandler = { onResponse: () => undefined, onTimeout: () => undefined };

/** Every live transaction, matched to the messages that belong to it. */
export class TransactionLayer {
  private readonly servers = new Map<string, ServerTransaction>();
  private readonly clients = new Map<string, ClientTransaction>();

  constructor(private readonly context: TransactionContext) {}

  /** The server transaction a request belongs to (a retransmission, an ACK, or with `method` 'INVITE' the INVITE a CANCEL names). */
  serverFor(message: SipRequest, method: string = message.method): ServerTransaction | undefined {
    const key = serverKeyOf(message, method);
    return key === null ? undefined : this.servers.get(key);
  }

  inviteServer(message: SipRequest, replyTo: SipAddress): InviteServerTransaction {
    const key = serverKeyOf(message) ?? `${callIdOf(message)}|INVITE`;
    const transaction = new InviteServerTransaction(message, replyTo, this.context, () =>
      this.forgetServer(key, transaction),
    );
    this.servers.set(key, transaction);
    return transaction;
  }

  nonInviteServer(message: SipRequest, replyTo: SipAddress): NonInviteServerTransaction {
    const key = serverKeyOf(message) ?? `${callIdOf(message)}|${message.method}`;
    const transaction = new NonInviteServerTransaction(message, replyTo, this.context, () =>
      this.forgetServer(key, transaction),
    );
    this.servers.set(key, transaction);
    return transaction;
  }

  clientFor(response: SipResponse): ClientTransaction | undefined {
    return this.clients.get(clientKeyOf(response));
  }

  /** Sends an INVITE whose top Via carries a fresh branch of ours. */
  sendInvite(message: SipRequest, to: SipAddress, handler: ClientHandler): InviteClientTransaction {
    const key = clientKeyOf(message);
    const transaction = new InviteClientTransaction(message, to, this, this.context, handler, () =>
      this.forgetClient(key, transaction),
    );
    this.clients.set(key, transaction);
    transaction.start();
    return transaction;
  }

  sendNonInvite(message: SipRequest, to: SipAddress, handler: ClientHandler = IGNORED): NonInviteClientTransaction {
    const key = clientKeyOf(message);
    const transaction = new NonInviteClientTransaction(message, to, this.context, handler, () =>
      this.forgetClient(key, transaction),
    );
    this.clients.set(key, transaction);
    transaction.start();
    return transaction;
  }

  close(): void {
    for (const transaction of [...this.servers.values(), ...this.clients.values()]) transaction.terminate();
  }

  private forgetServer(key: string, transaction: ServerTransaction): void {
    if (this.servers.get(key) === transaction) this.servers.delete(key);
  }

  private forgetClient(key: string, transaction: ClientTransaction): void {
    if (this.clients.get(key) === transaction) this.clients.delete(key);
  }
}
