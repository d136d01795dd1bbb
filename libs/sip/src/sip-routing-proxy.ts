import {
  CallInstruction,
  CallLogger,
  DialInstruction,
  EndedLegOutcome,
  InboundCalls,
  LegToDrop,
  Timer,
  e164OrNull,
  silentCallLogger,
  systemTimer,
  errorContext,
} from '@dutyline/application';
import { Prompt } from '@dutyline/domain';
import { createHash, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ALLOWED_METHODS, localResponse, reasonHeader, upstreamResponse } from './proxy-messages';
import { legOutcomeOf } from './sip-leg-outcome';
import {
  SipAddress,
  SipHeaders,
  SipMessage,
  SipRequest,
  SipResponse,
  callIdOf,
  copyRequest,
  cseqOf,
  request,
} from './sip-message';
import {
  ResolvedSipProxySettings,
  SipProxySettings,
  expandUri,
  resolveSipProxySettings,
  targetTemplateFor,
} from './sip-proxy.settings';
import { InviteClientTransaction } from './sip-client-transactions';
import { InviteServerTransaction } from './sip-server-transactions';
import { TransactionLayer } from './sip-transactions';
import { SipUri, formatHostPort, hostAndPort, numberOf, parseNameAddress, parseUri, tagOf, userOf } from './sip-uri';
import { MAGIC_COOKIE, Via, branchOf, formatVia, parseVia, responseAddressOf, stampSource, topViaOf } from './sip-via';
import { UdpTransport } from './udp-transport';

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

/** A caller's INVITE the proxy is routing. */
interface InboundSipCall {
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
interface Branch {
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

interface AnsweredDialog {
  readonly callId: string;
  readonly answeredAt: number;
  readonly forget: () => void;
}

/**
 * The SIP carrier adapter: a stateful proxy (RFC 3261 §16) that routes a hotline's inbound calls by
 * sequential forking, driven by the inbound call service. It never handles media — SDP passes
 * through and the callee answers the caller directly — so it cannot play prompts or record:
 * voicemail and messages are redirects (302) to a PBX that can, press-1 confirmation is delegated
 * to the downstream PBX by header, and a 2xx from a leg always means the call was taken.
 */
export class SipRoutingProxy {
  private readonly settings: ResolvedSipProxySettings;
  private readonly logger: CallLogger;
  private readonly timer: Timer;
  private readonly now: () => number;
  private readonly transport: UdpTransport;
  private readonly transactions: TransactionLayer;
  private readonly calls = new WeakMap<InviteServerTransaction, InboundSipCall>();
  /** Calls still waiting for their final response, by Call-ID and From tag: what a merged INVITE would repeat. */
  private readonly ringing = new Map<string, InboundSipCall>();
  private readonly dialogs = new Map<string, AnsweredDialog>();
  private readonly pending = new Set<() => void>();
  private readonly secret = randomBytes(16).toString('hex');
  private local: SipAddress | null = null;
  private closed = false;

  constructor(
    private readonly deps: SipProxyDependencies,
    settings: SipProxySettings,
  ) {
    this.settings = resolveSipProxySettings(settings);
    this.logger = deps.logger ?? silentCallLogger;
    this.timer = deps.timer ?? systemTimer;
    this.now = deps.now ?? Date.now;
    this.transport = new UdpTransport((message, source) => this.receive(message, source), this.logger);
    this.transactions = new TransactionLayer({
      send: (message, to) => this.transport.send(message, to),
      timer: this.timer,
      timers: this.settings.timers,
    });
  }

  /** Binds the socket; resolves with the address and port really bound. */
  async start(): Promise<SipAddress> {
    this.local = await this.transport.bind(this.settings.bindAddress, this.settings.port);
    this.logger.info('SIP proxy listening', { address: this.local.address, port: this.local.port });
    return this.local;
  }

  /** The bound address; throws before `start`. */
  get address(): SipAddress {
    if (!this.local) throw new Error('the SIP proxy is not started');
    return this.local;
  }

  /** Stops every timer and transaction and closes the socket. Calls in progress are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    for (const cancel of this.pending) cancel();
    this.pending.clear();
    for (const dialog of this.dialogs.values()) dialog.forget();
    this.dialogs.clear();
    this.ringing.clear();
    this.transactions.close();
    await this.transport.close();
  }

  // ---- incoming messages --------------------------------------------------------------------------------------

  private receive(message: SipMessage, source: SipAddress): void {
    if (this.closed) return;
    try {
      if (message.kind === 'request') this.onRequest(message, source);
      else this.onResponse(message);
    } catch (error) {
      // The message's own text (its Call-ID, what the error quotes of it) goes in a warning, never in the error line.
      this.logger.error('SIP message handling failed', {
        errorName: error instanceof Error ? error.name : typeof error,
      });
      this.logger.warn('SIP message handling failed: the message', {
        callId: callIdOf(message),
        ...errorContext(error),
      });
    }
  }

  private onRequest(message: SipRequest, source: SipAddress): void {
    stampSource(message, source);
    const via = topViaOf(message);
    if (!via) return;
    const replyTo = responseAddressOf(via);
    const allowFrom = this.settings.allowFrom;
    if (allowFrom !== null && !allowFrom.includes(source.address)) {
      if (message.method !== 'ACK') this.respondOnce(message, replyTo, 403, 'Forbidden');
      return;
    }
    if (message.method === 'ACK') {
      const transaction = this.transactions.serverFor(message);
      if (transaction instanceof InviteServerTransaction) transaction.onAck();
      else this.forwardInDialog(message, replyTo);
      return;
    }
    const existing = this.transactions.serverFor(message);
    if (existing) {
      existing.onRetransmission();
      return;
    }
    if (message.method === 'CANCEL') return this.onCancel(message, replyTo);
    if (tagOf(message.headers.get('To')) !== null) return this.forwardInDialog(message, replyTo);
    switch (message.method) {
      case 'INVITE':
        return this.onInvite(message, replyTo);
      case 'OPTIONS':
        return this.respondOnce(message, replyTo, 200, 'OK', [['Allow', ALLOWED_METHODS]]);
      case 'MESSAGE':
        return this.onRecordingReport(message, replyTo);
      default:
        return this.respondOnce(message, replyTo, 405, 'Method Not Allowed', [['Allow', ALLOWED_METHODS]]);
    }
  }

  private onResponse(message: SipResponse): void {
    const transaction = this.transactions.clientFor(message);
    if (transaction) {
      transaction.receive(message);
      return;
    }
    // No transaction: a response to a request forwarded statelessly (in a dialog), or a late 2xx.
    const via = topViaOf(message);
    if (!via || !this.isOurs(via.host, via.port)) return;
    if (cseqOf(message).method === 'INVITE' && (message.status < 200 || message.status >= 300)) return;
    const forwarded = upstreamResponse(message);
    const next = topViaOf(forwarded);
    if (next) this.transport.send(forwarded, responseAddressOf(next));
  }

  // ---- a call arrives --------------------------------------------------------------------------------------

  private onInvite(invite: SipRequest, replyTo: SipAddress): void {
    const transaction = this.transactions.inviteServer(invite, replyTo);
    const toTag = randomToken(8);
    const maxForwards = maxForwardsOf(invite);
    if (maxForwards <= 0) return transaction.respond(localResponse(invite, 483, 'Too Many Hops', { toTag }));
    if (
      invite.headers.all('Via').some((value) => {
        const via = parseVia(value);
        return via !== null && this.isOurs(via.host, via.port);
      })
    ) {
      return transaction.respond(localResponse(invite, 482, 'Loop Detected', { toTag }));
    }
    const dialogKey = `${callIdOf(invite)}|${tagOf(invite.headers.get('From')) ?? ''}`;
    if (this.ringing.has(dialogKey)) {
      // The same call on another branch (a fork that came back, a PBX retrying too early): RFC 3261 §8.2.2.2.
      return transaction.respond(
        localResponse(invite, 482, 'Loop Detected', {
          toTag,
          headers: [reasonHeader(482, 'This call is already being routed')],
        }),
      );
    }
    transaction.respond(localResponse(invite, 100, 'Trying'));

    const called = numberOf(invite.uri) ?? numberOf(invite.headers.get('To')) ?? userOf(invite.uri) ?? '';
    const call: InboundSipCall = {
      invite,
      transaction,
      toTag,
      dialogKey,
      hotlineNumber: e164OrNull(called) ?? called,
      callId: null,
      branch: null,
      finished: false,
      callerGone: false,
      queue: Promise.resolve(),
    };
    this.calls.set(transaction, call);
    this.ringing.set(dialogKey, call);
    this.serial(call, async () => {
      const instruction = await this.deps.inbound.answer({
        carrier: this.settings.carrier,
        hotlineNumber: call.hotlineNumber,
        caller: callerOf(invite),
        carrierCallId: callIdOf(invite),
      });
      if ('callId' in instruction && instruction.callId) call.callId = instruction.callId;
      if (call.callerGone) return this.reportCallerGone(call);
      // `nothing` to an answer: the service already routes this call (same Call-ID): never ring twice.
      if (instruction.kind === 'nothing')
        return this.finish(call, 482, 'Loop Detected', [reasonHeader(482, 'This call is already being routed')]);
      await this.apply(call, instruction);
    });
  }

  /** Carries out what the service said, for the caller of `call`. */
  private async apply(call: InboundSipCall, instruction: CallInstruction): Promise<void> {
    if (call.callerGone) return;
    switch (instruction.kind) {
      case 'dial':
        this.dropLeg(call, instruction.dropLeg);
        return this.startBranch(call, instruction);
      case 'voicemail':
        this.dropLeg(call, instruction.dropLeg);
        return this.redirect(call, this.settings.voicemailUri, [
          480,
          'Temporarily Unavailable',
          'Nobody is available; no voicemail is configured for SIP calls',
        ]);
      case 'message': {
        this.dropLeg(call, instruction.dropLeg);
        const apology = instruction.step === null;
        const refusal: [number, string, string] = apology
          ? [503, 'Service Unavailable', textOf(instruction.prompt)]
          : [480, 'Temporarily Unavailable', textOf(instruction.prompt)];
        return this.redirect(call, this.settings.announcementUri, refusal);
      }
      case 'unknown-number': {
        // A hotline out of service (its account is disabled) exists: unavailable, not unknown.
        if (instruction.message)
          return this.finish(call, 480, 'Temporarily Unavailable', [reasonHeader(480, instruction.message.text)]);
        const status = this.settings.unknownNumberStatus;
        return this.finish(call, status, status === 404 ? 'Not Found' : 'Does Not Exist Anywhere', [
          reasonHeader(status, 'No hotline answers this number'),
        ]);
      }
      case 'hang-up-leg':
        return this.stopLeg(call, instruction.step);
      case 'bridge':
      case 'announce':
      case 'nothing':
        return;
    }
  }

  /** Sends the caller to a URI (302), or answers with the refusal when none is configured; the caller's leg is then over. */
  private async redirect(
    call: InboundSipCall,
    template: string | null,
    [status, reason, text]: [number, string, string],
  ): Promise<void> {
    if (template !== null) {
      const contact = expandUri(template, { number: call.hotlineNumber, callId: call.callId });
      this.finish(call, 302, 'Moved Temporarily', [['Contact', `<${contact}>`]]);
    } else {
      this.finish(call, status, reason, [reasonHeader(status, text)]);
    }
    if (call.callId !== null) await this.deps.inbound.callEnded({ callId: call.callId });
  }

  private finish(
    call: InboundSipCall,
    status: number,
    reason: string,
    headers: readonly (readonly [string, string])[] = [],
  ): void {
    if (call.finished) return;
    this.finished(call);
    call.transaction.respond(localResponse(call.invite, status, reason, { toTag: call.toTag, headers }));
  }

  /** The caller has (or is about to get) its final response. */
  private finished(call: InboundSipCall): void {
    call.finished = true;
    if (this.ringing.get(call.dialogKey) === call) this.ringing.delete(call.dialogKey);
  }

  // ---- ringing a number ------------------------------------------------------------------------------------

  private async startBranch(call: InboundSipCall, dial: DialInstruction): Promise<void> {
    const targetUri = expandUri(targetTemplateFor(this.settings, dial.to), { number: dial.to, callId: dial.callId });
    const branch: Branch = {
      id: `${MAGIC_COOKIE}dl${randomToken(12)}`,
      call,
      dial,
      transaction: null,
      acceptKey: null,
      settled: false,
      cancelledByProxy: false,
      answer: null,
      relayed: false,
      hungUp: false,
      stopTimers: [],
    };
    call.branch = branch;
    const hop = await this.resolve(parseUri(targetUri));
    const announcement = dial.confirm ? await this.announcementFor(dial, call) : null;
    if (call.callerGone || call.branch !== branch) return;
    if (hop === null) return this.legEnded(branch, 'failed', null, `cannot resolve the target ${targetUri}`);
    branch.acceptKey = announcement?.acceptKey ?? null;

    const invite = this.forwardedInvite(call, dial, targetUri, branch.id, announcement);
    branch.transaction = this.transactions.sendInvite(invite, hop, {
      onResponse: (response) => this.onBranchResponse(branch, response),
      onTimeout: () => this.serial(call, () => this.legEnded(branch, 'failed', null, 'no response from the target')),
    });
    branch.stopTimers.push(this.schedule(dial.ringTimeoutSeconds * 1000, () => this.onRingTimeout(branch)));
  }

  private forwardedInvite(
    call: InboundSipCall,
    dial: DialInstruction,
    targetUri: string,
    branchId: string,
    announcement: Announcement | null,
  ): SipRequest {
    const invite = copyRequest(call.invite, { uri: targetUri });
    const headers = invite.headers;
    const prefix = this.settings.headerPrefix;
    while (headers.has('Route') && this.isOurRoute(headers.get('Route'))) headers.removeFirst('Route');
    headers.set('Max-Forwards', String(maxForwardsOf(call.invite) - 1));
    if (this.settings.recordRoute) headers.prepend('Record-Route', `<sip:${this.hostPort()};lr>`);
    headers.prepend('Via', formatVia(this.ownVia(branchId)));
    // The proxy asserts who calls on the hotline's behalf: the hotline's number, or the caller's when the hotline shows it.
    headers.remove('P-Asserted-Identity').remove('P-Preferred-Identity').remove('Privacy').removeStartingWith(prefix);
    headers.append('P-Asserted-Identity', `<sip:${dial.callerId}@${this.settings.advertisedHost};user=phone>`);
    headers.append(`${prefix}Call`, `${dial.callId};step=${dial.step};ring=${dial.ringTimeoutSeconds}`);
    if (announcement) {
      headers.append(`${prefix}Confirm`, `key=${announcement.acceptKey};timeout=${announcement.timeoutSeconds}`);
      headers.append(`${prefix}Announce`, announcement.text);
    }
    if (dial.machineDetection) headers.append(`${prefix}Machine-Detection`, 'on');
    return invite;
  }

  /** What a downstream PBX should announce to the callee before they take the call (F15). */
  private async announcementFor(dial: DialInstruction, call: InboundSipCall): Promise<Announcement | null> {
    const prompt = await this.deps.inbound.calleePrompt({
      callId: dial.callId,
      step: dial.step,
      hotlineNumber: call.hotlineNumber,
    });
    if (prompt.kind !== 'announce') return null;
    const text =
      prompt.prompt.kind === 'text'
        ? prompt.prompt.text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
        : `<${prompt.prompt.url}>`;
    return { acceptKey: prompt.acceptKey, timeoutSeconds: prompt.timeoutSeconds, text };
  }

  private onBranchResponse(branch: Branch, response: SipResponse): void {
    const { call } = branch;
    if (response.status < 200) {
      if (response.status > 100 && !branch.settled && !call.finished && call.branch === branch)
        call.transaction.respond(upstreamResponse(response));
      return;
    }
    if (response.status < 300) {
      if (branch.relayed)
        call.transaction.respond(upstreamResponse(response)); // the callee retransmits its 2xx until the caller's ACK
      else this.serial(call, () => this.onBranchAnswered(branch, response));
      return;
    }
    this.serial(call, async () => {
      if (branch.settled) return;
      const outcome = legOutcomeOf(response.status, {
        cancelledByProxy: branch.cancelledByProxy,
        reported: response.headers.get(`${this.settings.headerPrefix}Outcome`),
      });
      await this.legEnded(branch, outcome, response.status, response.reason || null);
    });
  }

  private async onBranchAnswered(branch: Branch, answer: SipResponse): Promise<void> {
    const { call } = branch;
    if (branch.answer) return;
    branch.answer = answer;
    if (branch.settled || call.finished || call.branch !== branch || call.callId === null)
      return this.hangUpAnswered(branch);
    this.settle(branch);
    const instruction = await this.takeCall(branch, call.callId);
    if ((instruction.kind === 'bridge' || instruction.kind === 'nothing') && !call.finished) {
      branch.relayed = true;
      this.finished(call);
      call.transaction.respond(upstreamResponse(answer));
      this.answered(call, answer);
      return;
    }
    await this.hangUpAnswered(branch);
    await this.apply(call, instruction);
  }

  /**
   * A 2xx means the callee took the call: the pick-up is reported, then — when the service waits
   * for it — the confirmation with the accept key (the downstream PBX asked for it, or nobody could),
   * or the machine-detection verdict "a person".
   */
  private async takeCall(branch: Branch, callId: string): Promise<CallInstruction> {
    const { dial, call } = branch;
    const leg = { callId, step: dial.step, carrierLegId: branch.id, hotlineNumber: call.hotlineNumber };
    const answered = await this.deps.inbound.legAnswered(leg);
    if (answered.kind !== 'nothing') return answered;
    if (!dial.confirm) return this.deps.inbound.humanAnswered(leg);
    const acceptKey = branch.acceptKey ?? (await this.announcementFor(dial, call))?.acceptKey;
    if (acceptKey === undefined)
      return {
        kind: 'hang-up-leg',
        callId,
        carrierCallId: null,
        step: dial.step,
        to: dial.to,
        carrierLegId: branch.id,
      };
    return this.deps.inbound.confirmation({ ...leg, digits: acceptKey });
  }

  private onRingTimeout(branch: Branch): void {
    if (branch.settled || !branch.transaction) return;
    branch.cancelledByProxy = true;
    branch.transaction.cancel();
    branch.stopTimers.push(
      this.schedule(this.settings.cancelGraceMs, () =>
        this.serial(branch.call, async () => {
          if (branch.settled) return;
          branch.transaction?.abandon();
          await this.legEnded(branch, 'no-answer', null, 'no final response after CANCEL');
        }),
      ),
    );
  }

  private async legEnded(
    branch: Branch,
    outcome: EndedLegOutcome,
    sipCode: number | null,
    detail: string | null,
  ): Promise<void> {
    const { call } = branch;
    if (branch.settled || call.branch !== branch || call.finished || call.callId === null) return;
    this.settle(branch);
    const instruction = await this.deps.inbound.legEnded({
      callId: call.callId,
      step: branch.dial.step,
      outcome,
      sipCode,
      detail,
      carrierLegId: branch.id,
      hotlineNumber: call.hotlineNumber,
    });
    await this.apply(call, instruction);
  }

  private settle(branch: Branch): void {
    branch.settled = true;
    for (const stop of branch.stopTimers.splice(0)) stop();
  }

  /** Stops the leg of `step`: CANCEL while it rings, BYE once it answered. */
  private stopLeg(call: InboundSipCall, step: number): void {
    const branch = call.branch;
    if (!branch || branch.dial.step !== step) return;
    this.settle(branch);
    if (branch.answer) void this.hangUpAnswered(branch);
    else branch.transaction?.cancel();
  }

  private dropLeg(call: InboundSipCall, leg: LegToDrop | null): void {
    if (leg && call.branch?.dial.step === leg.step && call.branch.answer && !call.branch.relayed)
      void this.hangUpAnswered(call.branch);
  }

  /** Ends a leg that answered but does not take the call: ACK its 2xx, then BYE (as the caller's side of that dialog). */
  private async hangUpAnswered(branch: Branch): Promise<void> {
    const answer = branch.answer;
    const invite = branch.transaction?.request;
    if (branch.hungUp || !answer || !invite) return;
    branch.hungUp = true;
    const remoteTarget = parseNameAddress(answer.headers.get('Contact') ?? '')?.uri ?? invite.uri;
    const routes = answer.headers
      .all('Record-Route')
      .reverse()
      .filter((route) => !this.isOurRoute(route));
    const hop = await this.resolve(
      parseUri(routes.length > 0 ? (parseNameAddress(routes[0])?.uri ?? remoteTarget) : remoteTarget),
    );
    if (hop === null) return;
    const inDialog = (method: string, seq: number) => {
      const headers = new SipHeaders([['Via', formatVia(this.ownVia(`${MAGIC_COOKIE}dl${randomToken(12)}`))]]);
      for (const route of routes) headers.append('Route', route);
      headers
        .append('Max-Forwards', '70')
        .append('From', invite.headers.get('From') ?? '')
        .append('To', answer.headers.get('To') ?? '')
        .append('Call-ID', callIdOf(invite))
        .append('CSeq', `${seq} ${method}`);
      return request({ method, uri: remoteTarget, headers });
    };
    const seq = cseqOf(invite).seq;
    this.transport.send(inDialog('ACK', seq), hop);
    this.transactions.sendNonInvite(inDialog('BYE', seq + 1), hop);
  }

  // ---- the caller's side -----------------------------------------------------------------------------------

  private onCancel(cancel: SipRequest, replyTo: SipAddress): void {
    const transaction = this.transactions.nonInviteServer(cancel, replyTo);
    const invite = this.transactions.serverFor(cancel, 'INVITE');
    const call = invite instanceof InviteServerTransaction ? this.calls.get(invite) : undefined;
    if (!call) {
      transaction.respond(localResponse(cancel, 481, 'Call/Transaction Does Not Exist'));
      return;
    }
    transaction.respond(localResponse(cancel, 200, 'OK', { toTag: call.toTag }));
    if (call.finished) return;
    this.finished(call);
    call.callerGone = true;
    call.transaction.respond(localResponse(call.invite, 487, 'Request Terminated', { toTag: call.toTag }));
    const branch = call.branch;
    if (branch && !branch.settled) {
      this.settle(branch);
      branch.transaction?.cancel();
    }
    this.serial(call, () => this.reportCallerGone(call));
  }

  private async reportCallerGone(call: InboundSipCall): Promise<void> {
    if (call.callId === null) return;
    const instruction = await this.deps.inbound.callEnded({ callId: call.callId });
    if (instruction.kind === 'hang-up-leg' && call.branch && !call.branch.relayed) {
      if (call.branch.answer) await this.hangUpAnswered(call.branch);
      else call.branch.transaction?.cancel();
    }
  }

  /** The caller and the callee are connected: with record-routing the BYE ends the call, else the service is told now. */
  private answered(call: InboundSipCall, answer: SipResponse): void {
    const callId = call.callId;
    if (callId === null) return;
    if (!this.settings.recordRoute) {
      void this.deps.inbound.callEnded({ callId });
      return;
    }
    const sipCallId = callIdOf(answer);
    const forget = this.schedule(this.settings.dialogTtlSeconds * 1000, () => this.dialogs.delete(sipCallId));
    this.dialogs.set(sipCallId, { callId, answeredAt: this.now(), forget });
  }

  // ---- in-dialog requests ----------------------------------------------------------------------------------

  /** Forwards a request of a dialog the proxy record-routed (ACK, BYE, re-INVITE, …), statelessly. */
  private forwardInDialog(message: SipRequest, replyTo: SipAddress): void {
    const route = message.headers.get('Route');
    if (route === undefined || !this.isOurRoute(route)) {
      if (message.method !== 'ACK') this.respondOnce(message, replyTo, 481, 'Call/Transaction Does Not Exist');
      return;
    }
    const maxForwards = maxForwardsOf(message);
    if (maxForwards <= 0) {
      if (message.method !== 'ACK') this.respondOnce(message, replyTo, 483, 'Too Many Hops');
      return;
    }
    const forwarded = copyRequest(message);
    forwarded.headers.removeFirst('Route');
    const next = forwarded.headers.get('Route');
    const nextUri = next === undefined ? forwarded.uri : (parseNameAddress(next)?.uri ?? forwarded.uri);
    forwarded.headers.set('Max-Forwards', String(maxForwards - 1));
    forwarded.headers.prepend('Via', formatVia(this.ownVia(this.statelessBranch(message))));
    void this.resolve(parseUri(nextUri)).then((hop) => {
      if (hop !== null && !this.closed) this.transport.send(forwarded, hop);
    });
    if (message.method === 'BYE') this.dialogEnded(callIdOf(message));
  }

  private dialogEnded(sipCallId: string): void {
    const dialog = this.dialogs.get(sipCallId);
    if (!dialog) return;
    this.dialogs.delete(sipCallId);
    dialog.forget();
    const durationSeconds = Math.max(0, Math.round((this.now() - dialog.answeredAt) / 1000));
    void this.deps.inbound.callEnded({ callId: dialog.callId, durationSeconds });
  }

  /** A voicemail server reports a recording: `MESSAGE` with `<prefix>Call: <callId>` and `<prefix>Recording: <reference>`. */
  private onRecordingReport(message: SipRequest, replyTo: SipAddress): void {
    const prefix = this.settings.headerPrefix;
    const transaction = this.transactions.nonInviteServer(message, replyTo);
    const callId = message.headers.get(`${prefix}Call`)?.split(';')[0].trim();
    const reference = message.headers.get(`${prefix}Recording`)?.trim();
    if (!callId || !reference) {
      transaction.respond(
        localResponse(message, 400, 'Bad Request', {
          headers: [reasonHeader(400, `${prefix}Call and ${prefix}Recording are required`)],
        }),
      );
      return;
    }
    void this.deps.inbound
      .recording({ callId, reference })
      .then(() => transaction.respond(localResponse(message, 200, 'OK')));
  }

  // ---- plumbing ----------------------------------------------------------------------------------------------

  private respondOnce(
    message: SipRequest,
    replyTo: SipAddress,
    status: number,
    reason: string,
    headers: readonly (readonly [string, string])[] = [],
  ): void {
    const toTag = randomToken(8);
    const transaction =
      message.method === 'INVITE'
        ? this.transactions.inviteServer(message, replyTo)
        : this.transactions.nonInviteServer(message, replyTo);
    transaction.respond(localResponse(message, status, reason, { toTag, headers }));
  }

  /** Runs `work` after the call's earlier events; a failure never leaves the caller without an answer. */
  private serial(call: InboundSipCall, work: () => Promise<void>): void {
    call.queue = call.queue.then(async () => {
      if (this.closed) return;
      try {
        await work();
      } catch (error) {
        this.logger.error('SIP call handling failed: the caller is refused', {
          callId: call.callId,
          errorName: error instanceof Error ? error.name : typeof error,
        });
        this.logger.warn('SIP call handling failed: the call', {
          callId: call.callId,
          sipCallId: callIdOf(call.invite),
          ...errorContext(error),
        });
        if (call.branch && !call.branch.settled) this.stopLeg(call, call.branch.dial.step);
        this.finish(call, 500, 'Server Internal Error', [reasonHeader(500, 'The hotline could not route the call')]);
      }
    });
  }

  private schedule(ms: number, callback: () => void): () => void {
    const cancel = this.timer.schedule(ms, () => {
      this.pending.delete(cancel);
      callback();
    });
    this.pending.add(cancel);
    return () => {
      this.pending.delete(cancel);
      cancel();
    };
  }

  /** The next hop for a URI: an IP address as is, a name by DNS (A/AAAA, no SRV); null when it cannot be reached. */
  private async resolve(uri: SipUri | null): Promise<SipAddress | null> {
    if (uri === null || uri.scheme === 'tel') return null;
    const { host, port } = hostAndPort(uri);
    if (isIP(host) !== 0) return { address: host, port };
    try {
      return { address: (await lookup(host)).address, port };
    } catch (error) {
      this.logger.warn('SIP host not found', { host, ...errorContext(error) });
      return null;
    }
  }

  private ownVia(branch: string): Via {
    return {
      transport: 'UDP',
      host: this.settings.advertisedHost,
      port: this.address.port,
      params: { branch, rport: null },
    };
  }

  private hostPort(): string {
    return formatHostPort({ address: this.settings.advertisedHost, port: this.address.port });
  }

  private isOurs(host: string, port: number | null): boolean {
    const local = this.local;
    if (!local) return false;
    const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const named = bare === this.settings.advertisedHost.toLowerCase() || bare === local.address;
    return named && (port ?? 5060) === local.port;
  }

  private isOurRoute(value: string | undefined): boolean {
    const uri = value === undefined ? null : parseUri(parseNameAddress(value)?.uri ?? '');
    return uri !== null && this.isOurs(uri.host, uri.port);
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

interface Announcement {
  readonly acceptKey: string;
  readonly timeoutSeconds: number;
  /** The text, or `<url>` of an audio file. */
  readonly text: string;
}

/** The caller's number: P-Asserted-Identity, else From; null when the caller asked for privacy. */
function callerOf(invite: SipRequest): string | null {
  const privacy = (invite.headers.get('Privacy') ?? '').toLowerCase();
  if (/\b(id|user|header)\b/.test(privacy)) return null;
  return userOf(invite.headers.get('P-Asserted-Identity')) ?? userOf(invite.headers.get('From'));
}

function maxForwardsOf(message: SipRequest): number {
  const value = Number(message.headers.get('Max-Forwards') ?? '70');
  return Number.isInteger(value) ? value : 70;
}

const textOf = (prompt: Prompt): string => (prompt.kind === 'text' ? prompt.text : 'The hotline cannot take the call');

const randomToken = (bytes: number): string => randomBytes(bytes).toString('hex');
