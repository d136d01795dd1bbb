import { Timer } from '@dutyline/application';
import { SipAddress, SipMessage, SipRequest, SipResponse } from './sip-message';

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

/** What every transaction is made of: its request, the layer's context, and what to do once it terminates. */
export interface TransactionParts {
  readonly request: SipRequest;
  readonly context: TransactionContext;
  /** Called once, when the transaction terminates. */
  readonly ended: () => void;
}

/** What every transaction holds: its request, the layer's context, its timers, and what to do once it terminates. */
export abstract class Transaction {
  readonly request: SipRequest;
  protected readonly context: TransactionContext;
  protected readonly ended: () => void;
  protected readonly scheduled: Scheduled;

  protected constructor(parts: TransactionParts) {
    this.request = parts.request;
    this.context = parts.context;
    this.ended = parts.ended;
    this.scheduled = new Scheduled(parts.context.timer);
  }
}

/** The callbacks one transaction scheduled, cancelled together. */
export class Scheduled {
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
