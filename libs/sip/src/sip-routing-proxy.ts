import { CallLogger, InboundCalls, Timer, errorContext, silentCallLogger, systemTimer } from '@dutyline/application';
import { CallerSide } from './proxy-caller-side';
import { ProxyContext } from './proxy-context';
import { DialogRelay } from './proxy-dialog-relay';
import { ALLOWED_METHODS, localResponse, reasonHeader } from './proxy-messages';
import { SipAddress, SipMessage, SipRequest, SipResponse, callIdOf } from './sip-message';
import { SipProxySettings, resolveSipProxySettings } from './sip-proxy.settings';
import { InviteServerTransaction } from './sip-server-transactions';
import { tagOf } from './sip-uri';
import { responseAddressOf, stampSource, topViaOf } from './sip-via';

export interface SipProxyDependencies {
  /** The inbound call service (`InboundCallService`), which decides every step. */
  readonly inbound: InboundCalls;
  /** @defaultValue silentCallLogger */
  readonly logger?: CallLogger;
  /** Ring timers and SIP retransmissions. @defaultValue systemTimer */
  readonly timer?: Timer;
  /** Wall clock for the length of answered calls, in ms. @defaultValue Date.now */
  readonly now?: () => number;
}

/**
 * The SIP carrier adapter: a stateful proxy (RFC 3261 §16) that routes a hotline's inbound calls by
 * sequential forking, driven by the inbound call service. It never handles media — SDP passes
 * through and the callee answers the caller directly — so it cannot play prompts or record:
 * voicemail and messages are redirects (302) to a PBX that can, press-1 confirmation is delegated
 * to the downstream PBX by header, and a 2xx from a leg always means the call was taken.
 *
 * It sorts what arrives between the caller's side of each call (with the branches it rings,
 * `proxy-caller-side.ts`, `proxy-branches.ts`) and the dialog relay (`proxy-dialog-relay.ts`).
 */
export class SipRoutingProxy {
  private readonly context: ProxyContext;
  private readonly relay: DialogRelay;
  private readonly caller: CallerSide;

  constructor(deps: SipProxyDependencies, settings: SipProxySettings) {
    this.context = new ProxyContext({
      settings: resolveSipProxySettings(settings),
      inbound: deps.inbound,
      logger: deps.logger ?? silentCallLogger,
      timer: deps.timer ?? systemTimer,
      now: deps.now ?? Date.now,
      onMessage: (message, source) => this.receive(message, source),
    });
    this.relay = new DialogRelay(this.context);
    this.caller = new CallerSide(this.context, this.relay);
  }

  /** Binds the socket; resolves with the address and port really bound. */
  async start(): Promise<SipAddress> {
    const local = await this.context.bind();
    this.context.logger.info('SIP proxy listening', { address: local.address, port: local.port });
    return local;
  }

  /** The bound address; throws before `start`. */
  get address(): SipAddress {
    return this.context.address;
  }

  /** Stops every timer and transaction and closes the socket. Calls in progress are dropped. */
  async close(): Promise<void> {
    this.context.close();
    this.relay.close();
    this.caller.close();
    this.context.transactions.close();
    await this.context.transport.close();
  }

  private receive(message: SipMessage, source: SipAddress): void {
    if (this.context.closed) return;
    try {
      if (message.kind === 'request') this.onRequest(message, source);
      else this.onResponse(message);
    } catch (error) {
      // The message's own text (its Call-ID, what the error quotes of it) goes in a warning, never in the error line.
      this.context.logger.error('SIP message handling failed', {
        errorName: error instanceof Error ? error.name : typeof error,
      });
      this.context.logger.warn('SIP message handling failed: the message', {
        callId: callIdOf(message),
        ...errorContext(error),
      });
    }
  }

  private onRequest(message: SipRequest, source: SipAddress): void {
    const { settings, transactions } = this.context;
    stampSource(message, source);
    const via = topViaOf(message);
    if (!via) return;
    const replyTo = responseAddressOf(via);
    const allowFrom = settings.allowFrom;
    if (allowFrom !== null && !allowFrom.includes(source.address)) {
      if (message.method !== 'ACK') this.context.respondOnce(message, replyTo, { status: 403, reason: 'Forbidden' });
      return;
    }
    if (message.method === 'ACK') {
      const transaction = transactions.serverFor(message);
      if (transaction instanceof InviteServerTransaction) transaction.onAck();
      else this.relay.forwardInDialog(message, replyTo);
      return;
    }
    const existing = transactions.serverFor(message);
    if (existing) {
      existing.onRetransmission();
      return;
    }
    if (message.method === 'CANCEL') return this.caller.onCancel(message, replyTo);
    if (tagOf(message.headers.get('To')) !== null) return this.relay.forwardInDialog(message, replyTo);
    const allow: [string, string] = ['Allow', ALLOWED_METHODS];
    switch (message.method) {
      case 'INVITE':
        return this.caller.onInvite(message, replyTo);
      case 'OPTIONS':
        return this.context.respondOnce(message, replyTo, { status: 200, reason: 'OK', headers: [allow] });
      case 'MESSAGE':
        return this.onRecordingReport(message, replyTo);
      default:
        return this.context.respondOnce(message, replyTo, {
          status: 405,
          reason: 'Method Not Allowed',
          headers: [allow],
        });
    }
  }

  private onResponse(message: SipResponse): void {
    const transaction = this.context.transactions.clientFor(message);
    if (transaction) transaction.receive(message);
    else this.relay.forwardResponse(message);
  }

  /** A voicemail server reports a recording: `MESSAGE` with `<prefix>Call: <callId>` and `<prefix>Recording: <reference>`. */
  private onRecordingReport(message: SipRequest, replyTo: SipAddress): void {
    const prefix = this.context.settings.headerPrefix;
    const transaction = this.context.transactions.nonInviteServer(message, replyTo);
    const callId = message.headers.get(`${prefix}Call`)?.split(';')[0].trim();
    const reference = message.headers.get(`${prefix}Recording`)?.trim();
    if (!callId || !reference) {
      transaction.respond(
        localResponse(message, {
          status: 400,
          reason: 'Bad Request',
          headers: [reasonHeader(400, `${prefix}Call and ${prefix}Recording are required`)],
        }),
      );
      return;
    }
    void this.context.inbound
      .recording({ callId, reference })
      .then(() => transaction.respond(localResponse(message, { status: 200, reason: 'OK' })));
  }
}
