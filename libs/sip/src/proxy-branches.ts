import { CallInstruction, DialInstruction, EndedLegOutcome, LegToDrop } from '@dutyline/application';
import { Branch, CallerSteps, InboundSipCall } from './proxy-call';
import { ProxyContext, maxForwardsOf, newBranchId } from './proxy-context';
import { DialogRelay } from './proxy-dialog-relay';
import { upstreamResponse } from './proxy-messages';
import { legOutcomeOf } from './sip-leg-outcome';
import { SipHeaders, SipRequest, SipResponse, callIdOf, copyRequest, cseqOf, request } from './sip-message';
import { expandUri, targetTemplateFor } from './sip-proxy.settings';
import { parseNameAddress, parseUri } from './sip-uri';
import { formatVia } from './sip-via';

interface Announcement {
  readonly acceptKey: string;
  readonly timeoutSeconds: number;
  /** The text, or `<url>` of an audio file. */
  readonly text: string;
}

/** How a leg ended, as the service is told. */
interface LegEnd {
  readonly outcome: EndedLegOutcome;
  readonly sipCode: number | null;
  readonly detail: string | null;
}

/**
 * The numbers rung for a call, one branch at a time (sequential forking): the forwarded INVITE,
 * its responses, its ring timeout, and the end of a leg that rang or answered.
 */
export class ProxyBranches {
  constructor(
    private readonly context: ProxyContext,
    private readonly caller: CallerSteps,
    private readonly relay: DialogRelay,
  ) {}

  async startBranch(call: InboundSipCall, dial: DialInstruction): Promise<void> {
    const settings = this.context.settings;
    const targetUri = expandUri(targetTemplateFor(settings, dial.to), { number: dial.to, callId: dial.callId });
    const branch: Branch = {
      id: newBranchId(),
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
    const hop = await this.context.resolve(parseUri(targetUri));
    const announcement = dial.confirm ? await this.announcementFor(dial, call) : null;
    if (call.callerGone || call.branch !== branch) return;
    if (hop === null)
      return this.legEnded(branch, {
        outcome: 'failed',
        sipCode: null,
        detail: `cannot resolve the target ${targetUri}`,
      });
    branch.acceptKey = announcement?.acceptKey ?? null;

    const invite = this.forwardedInvite(branch, { targetUri, announcement });
    branch.transaction = this.context.transactions.sendInvite(invite, hop, {
      onResponse: (response) => this.onBranchResponse(branch, response),
      onTimeout: () =>
        this.caller.serial(call, () =>
          this.legEnded(branch, { outcome: 'failed', sipCode: null, detail: 'no response from the target' }),
        ),
    });
    branch.stopTimers.push(this.context.schedule(dial.ringTimeoutSeconds * 1000, () => this.onRingTimeout(branch)));
  }

  /** Stops the leg of `step`: CANCEL while it rings, BYE once it answered. */
  stopLeg(call: InboundSipCall, step: number): void {
    const branch = call.branch;
    if (!branch || branch.dial.step !== step) return;
    this.settle(branch);
    if (branch.answer) void this.hangUpAnswered(branch);
    else branch.transaction?.cancel();
  }

  dropLeg(call: InboundSipCall, leg: LegToDrop | null): void {
    if (leg && call.branch?.dial.step === leg.step && call.branch.answer && !call.branch.relayed)
      void this.hangUpAnswered(call.branch);
  }

  settle(branch: Branch): void {
    branch.settled = true;
    for (const stop of branch.stopTimers.splice(0)) stop();
  }

  /** Ends a leg that answered but does not take the call: ACK its 2xx, then BYE (as the caller's side of that dialog). */
  async hangUpAnswered(branch: Branch): Promise<void> {
    const answer = branch.answer;
    const invite = branch.transaction?.request;
    if (branch.hungUp || !answer || !invite) return;
    branch.hungUp = true;
    const remoteTarget = parseNameAddress(answer.headers.get('Contact') ?? '')?.uri ?? invite.uri;
    const routes = answer.headers
      .all('Record-Route')
      .reverse()
      .filter((route) => !this.context.isOurRoute(route));
    const hop = await this.context.resolve(
      parseUri(routes.length > 0 ? (parseNameAddress(routes[0])?.uri ?? remoteTarget) : remoteTarget),
    );
    if (hop === null) return;
    const inDialog = (method: string, seq: number) => {
      const headers = new SipHeaders([['Via', formatVia(this.context.ownVia(newBranchId()))]]);
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
    this.context.transport.send(inDialog('ACK', seq), hop);
    this.context.transactions.sendNonInvite(inDialog('BYE', seq + 1), hop);
  }

  private forwardedInvite(
    branch: Branch,
    { targetUri, announcement }: { readonly targetUri: string; readonly announcement: Announcement | null },
  ): SipRequest {
    const { call, dial } = branch;
    const settings = this.context.settings;
    const invite = copyRequest(call.invite, { uri: targetUri });
    const headers = invite.headers;
    const prefix = settings.headerPrefix;
    while (headers.has('Route') && this.context.isOurRoute(headers.get('Route'))) headers.removeFirst('Route');
    headers.set('Max-Forwards', String(maxForwardsOf(call.invite) - 1));
    if (settings.recordRoute) headers.prepend('Record-Route', `<sip:${this.context.hostPort()};lr>`);
    headers.prepend('Via', formatVia(this.context.ownVia(branch.id)));
    // The proxy asserts who calls on the hotline's behalf: the hotline's number, or the caller's when the hotline shows it.
    headers.remove('P-Asserted-Identity').remove('P-Preferred-Identity').remove('Privacy').removeStartingWith(prefix);
    headers.append('P-Asserted-Identity', `<sip:${dial.callerId}@${settings.advertisedHost};user=phone>`);
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
    const prompt = await this.context.inbound.calleePrompt({
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
      else this.caller.serial(call, () => this.onBranchAnswered(branch, response));
      return;
    }
    this.caller.serial(call, async () => {
      if (branch.settled) return;
      const outcome = legOutcomeOf(response.status, {
        cancelledByProxy: branch.cancelledByProxy,
        reported: response.headers.get(`${this.context.settings.headerPrefix}Outcome`),
      });
      await this.legEnded(branch, { outcome, sipCode: response.status, detail: response.reason || null });
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
      this.caller.finished(call);
      call.transaction.respond(upstreamResponse(answer));
      this.relay.answered(call, answer);
      return;
    }
    await this.hangUpAnswered(branch);
    await this.caller.apply(call, instruction);
  }

  /**
   * A 2xx means the callee took the call: the pick-up is reported, then — when the service waits
   * for it — the confirmation with the accept key (the downstream PBX asked for it, or nobody could),
   * or the machine-detection verdict "a person".
   */
  private async takeCall(branch: Branch, callId: string): Promise<CallInstruction> {
    const { dial, call } = branch;
    const inbound = this.context.inbound;
    const leg = { callId, step: dial.step, carrierLegId: branch.id, hotlineNumber: call.hotlineNumber };
    const answered = await inbound.legAnswered(leg);
    if (answered.kind !== 'nothing') return answered;
    if (!dial.confirm) return inbound.humanAnswered(leg);
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
    return inbound.confirmation({ ...leg, digits: acceptKey });
  }

  private onRingTimeout(branch: Branch): void {
    if (branch.settled || !branch.transaction) return;
    branch.cancelledByProxy = true;
    branch.transaction.cancel();
    branch.stopTimers.push(
      this.context.schedule(this.context.settings.cancelGraceMs, () =>
        this.caller.serial(branch.call, async () => {
          if (branch.settled) return;
          branch.transaction?.abandon();
          await this.legEnded(branch, {
            outcome: 'no-answer',
            sipCode: null,
            detail: 'no final response after CANCEL',
          });
        }),
      ),
    );
  }

  private async legEnded(branch: Branch, { outcome, sipCode, detail }: LegEnd): Promise<void> {
    const { call } = branch;
    if (branch.settled || call.branch !== branch || call.finished || call.callId === null) return;
    this.settle(branch);
    const instruction = await this.context.inbound.legEnded({
      callId: call.callId,
      step: branch.dial.step,
      outcome,
      sipCode,
      detail,
      carrierLegId: branch.id,
      hotlineNumber: call.hotlineNumber,
    });
    await this.caller.apply(call, instruction);
  }
}
