import { CallInstruction, DialInstruction } from '@dutyline/application';
import { SipRequest, SipResponse } from './sip-message';
import { InviteClientTransaction } from './sip-client-transactions';
import { InviteServerTransaction } from './sip-server-transactions';

/** A caller's INVITE the proxy is routing. */
export interface InboundSipCall {
  readonly invite: SipRequest;
  readonly transaction: InviteServerTransaction;
  /** E.164 when the number called reads as one, else as written. */
  readonly hotlineNumber: string;
  readonly toTag: string;
  /** Call-ID and From tag. */
  readonly dialogKey: string;
  callId: string | null;
  branch: Branch | null;
  /** The caller has its final response (or has cancelled). */
  finished: boolean;
  callerGone: boolean;
  /** This call's events, handled one at a time. */
  queue: Promise<void>;
}

/** One number rung for a call: a forwarded INVITE. */
export interface Branch {
  readonly id: string;
  readonly call: InboundSipCall;
  readonly dial: DialInstruction;
  transaction: InviteClientTransaction | null;
  /** The key that takes the call, when the downstream is asked to confirm. */
  acceptKey: string | null;
  /** Its outcome was reported to the service, or the caller left: late responses change nothing. */
  settled: boolean;
  cancelledByProxy: boolean;
  answer: SipResponse | null;
  relayed: boolean;
  hungUp: boolean;
  stopTimers: (() => void)[];
}

/** What the branches ask of the caller's side of their call. */
export interface CallerSteps {
  /** Carries out what the service said, for the caller of `call`. */
  apply(call: InboundSipCall, instruction: CallInstruction): Promise<void>;
  /** The caller has (or is about to get) its final response. */
  finished(call: InboundSipCall): void;
  /** Runs `work` after the call's earlier events; a failure never leaves the caller without an answer. */
  serial(call: InboundSipCall, work: () => Promise<void>): void;
}
