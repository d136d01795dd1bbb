import { createHash, randomBytes } from 'node:crypto';
import { InboundSipCall } from './proxy-call';
import { ProxyContext, maxForwardsOf } from './proxy-context';
import { upstreamResponse } from './proxy-messages';
import { SipAddress, SipRequest, SipResponse, callIdOf, copyRequest, cseqOf } from './sip-message';
import { parseNameAddress, parseUri } from './sip-uri';
import { MAGIC_COOKIE, branchOf, formatVia, responseAddressOf, topViaOf } from './sip-via';

interface AnsweredDialog {
  readonly callId: string;
  readonly answeredAt: number;
  readonly forget: () => void;
}

/**
 * The dialogs of answered calls: requests within them (ACK, BYE, re-INVITE, …) and responses with no
 * transaction are forwarded statelessly; with record-routing, the BYE tells the service how long the call lasted.
 */
export class DialogRelay {
  private readonly dialogs = new Map<string, AnsweredDialog>();
  private readonly secret = randomBytes(16).toString('hex');

  constructor(private readonly context: ProxyContext) {}

  /** Forgets every dialog (the proxy closes). */
  close(): void {
    for (const dialog of this.dialogs.values()) dialog.forget();
    this.dialogs.clear();
  }

  /** The caller and the callee are connected: with record-routing the BYE ends the call, else the service is told now. */
  answered(call: InboundSipCall, answer: SipResponse): void {
    const { settings, inbound } = this.context;
    const callId = call.callId;
    if (callId === null) return;
    if (!settings.recordRoute) {
      void inbound.callEnded({ callId });
      return;
    }
    const sipCallId = callIdOf(answer);
    const forget = this.context.schedule(settings.dialogTtlSeconds * 1000, () => this.dialogs.delete(sipCallId));
    this.dialogs.set(sipCallId, { callId, answeredAt: this.context.now(), forget });
  }

  /** Forwards a request of a dialog the proxy record-routed (ACK, BYE, re-INVITE, …), statelessly. */
  forwardInDialog(message: SipRequest, replyTo: SipAddress): void {
    const context = this.context;
    const route = message.headers.get('Route');
    if (route === undefined || !context.isOurRoute(route)) {
      if (message.method !== 'ACK')
        context.respondOnce(message, replyTo, { status: 481, reason: 'Call/Transaction Does Not Exist' });
      return;
    }
    const maxForwards = maxForwardsOf(message);
    if (maxForwards <= 0) {
      if (message.method !== 'ACK') context.respondOnce(message, replyTo, { status: 483, reason: 'Too Many Hops' });
      return;
    }
    const forwarded = copyRequest(message);
    forwarded.headers.removeFirst('Route');
    const next = forwarded.headers.get('Route');
    const nextUri = next === undefined ? forwarded.uri : (parseNameAddress(next)?.uri ?? forwarded.uri);
    forwarded.headers.set('Max-Forwards', String(maxForwards - 1));
    forwarded.headers.prepend('Via', formatVia(context.ownVia(this.statelessBranch(message))));
    void context.resolve(parseUri(nextUri)).then((hop) => {
      if (hop !== null && !context.closed) context.transport.send(forwarded, hop);
    });
    if (message.method === 'BYE') this.dialogEnded(callIdOf(message));
  }

  /** A response no client transaction matches: one to a request forwarded statelessly (in a dialog), or a late 2xx. */
  forwardResponse(message: SipResponse): void {
    const via = topViaOf(message);
    if (!via || !this.context.isOurs(via.host, via.port)) return;
    if (cseqOf(message).method === 'INVITE' && (message.status < 200 || message.status >= 300)) return;
    const forwarded = upstreamResponse(message);
    const next = topViaOf(forwarded);
    if (next) this.context.transport.send(forwarded, responseAddressOf(next));
  }

  private dialogEnded(sipCallId: string): void {
    const dialog = this.dialogs.get(sipCallId);
    if (!dialog) return;
    this.dialogs.delete(sipCallId);
    dialog.forget();
    const durationSeconds = Math.max(0, Math.round((this.context.now() - dialog.answeredAt) / 1000));
    void this.context.inbound.callEnded({ callId: dialog.callId, durationSeconds });
  }

  /** The same branch for every retransmission of a request forwarded statelessly (RFC 3261 §16.11). */
  private statelessBranch(message: SipRequest): string {
    const digest = createHash('sha256')
      .update(
        `${this.secret}|${branchOf(topViaOf(message))}|${message.method}|${callIdOf(message)}|${message.headers.get('CSeq')}`,
      )
      .digest('hex');
    return `${MAGIC_COOKIE}dl${digest.slice(0, 24)}`;
  }
}
