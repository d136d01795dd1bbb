import { SipAddress, SipMessage, SipRequest, SipResponse, callIdOf, cseqOf } from './sip-message';
import { ClientTransaction, InviteClientTransaction, NonInviteClientTransaction } from './sip-client-transactions';
import { InviteServerTransaction, NonInviteServerTransaction, ServerTransaction } from './sip-server-transactions';
import { ClientHandler, TransactionContext } from './sip-transaction-base';
import { tagOf } from './sip-uri';
import { MAGIC_COOKIE, branchOf, sentByOf, topViaOf } from './sip-via';

/*
 * The transaction layer of RFC 3261 §17 for an unreliable transport (UDP), with the 2xx handling of
 * RFC 6026: retransmissions are sent and absorbed here, so the proxy above sees each request and
 * each response once (every 2xx to an INVITE is passed up: a proxy forwards them all). The
 * transactions themselves are in `sip-server-transactions.ts` and `sip-client-transactions.ts`.
 */

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
    const transaction = new InviteServerTransaction({
      request: message,
      replyTo,
      context: this.context,
      ended: () => this.forgetServer(key, transaction),
    });
    this.servers.set(key, transaction);
    return transaction;
  }

  nonInviteServer(message: SipRequest, replyTo: SipAddress): NonInviteServerTransaction {
    const key = serverKeyOf(message) ?? `${callIdOf(message)}|${message.method}`;
    const transaction = new NonInviteServerTransaction({
      request: message,
      replyTo,
      context: this.context,
      ended: () => this.forgetServer(key, transaction),
    });
    this.servers.set(key, transaction);
    return transaction;
  }

  clientFor(response: SipResponse): ClientTransaction | undefined {
    return this.clients.get(clientKeyOf(response));
  }

  /** Sends an INVITE whose top Via carries a fresh branch of ours. */
  sendInvite(message: SipRequest, to: SipAddress, handler: ClientHandler): InviteClientTransaction {
    const key = clientKeyOf(message);
    const transaction = new InviteClientTransaction({
      request: message,
      to,
      context: this.context,
      handler,
      ended: () => this.forgetClient(key, transaction),
      sendNonInvite: (cancel, cancelTo) => this.sendNonInvite(cancel, cancelTo, IGNORED),
    });
    this.clients.set(key, transaction);
    transaction.start();
    return transaction;
  }

  sendNonInvite(message: SipRequest, to: SipAddress, handler: ClientHandler = IGNORED): NonInviteClientTransaction {
    const key = clientKeyOf(message);
    const transaction = new NonInviteClientTransaction({
      request: message,
      to,
      context: this.context,
      handler,
      ended: () => this.forgetClient(key, transaction),
    });
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
