import { CallInstruction, e164OrNull, errorContext } from '@dutyline/application';
import { Prompt } from '@dutyline/domain';
import { ProxyBranches } from './proxy-branches';
import { CallerSteps, InboundSipCall } from './proxy-call';
import { OwnResponse, ProxyContext, maxForwardsOf, randomToken } from './proxy-context';
import { DialogRelay } from './proxy-dialog-relay';
import { localResponse, reasonHeader } from './proxy-messages';
import { SipAddress, SipRequest, callIdOf } from './sip-message';
import { expandUri } from './sip-proxy.settings';
import { InviteServerTransaction } from './sip-server-transactions';
import { numberOf, tagOf, userOf } from './sip-uri';
import { parseVia } from './sip-via';

/** What the caller hears when the proxy cannot send it on: status, reason phrase and the Reason text. */
interface Refusal {
  readonly status: number;
  readonly reason: string;
  readonly text: string;
}

/**
 * The caller's side of each call: its INVITE, what the service says to do with it, its final
 * response, its CANCEL. The numbers rung for it are its branches.
 */
export class CallerSide implements CallerSteps {
  private readonly calls = new WeakMap<InviteServerTransaction, InboundSipCall>();
  /** Calls still waiting for their final response, by Call-ID and From tag: what a merged INVITE would repeat. */
  private readonly ringing = new Map<string, InboundSipCall>();
  private readonly branches: ProxyBranches;

  constructor(
    private readonly context: ProxyContext,
    relay: DialogRelay,
  ) {
    this.branches = new ProxyBranches(context, this, relay);
  }

  /** Forgets the calls still ringing (the proxy closes). */
  close(): void {
    this.ringing.clear();
  }

  onInvite(invite: SipRequest, replyTo: SipAddress): void {
    const transaction = this.context.transactions.inviteServer(invite, replyTo);
    const toTag = randomToken(8);
    const maxForwards = maxForwardsOf(invite);
    if (maxForwards <= 0)
      return transaction.respond(localResponse(invite, { status: 483, reason: 'Too Many Hops', toTag }));
    if (
      invite.headers.all('Via').some((value) => {
        const via = parseVia(value);
        return via !== null && this.context.isOurs(via.host, via.port);
      })
    ) {
      return transaction.respond(localResponse(invite, { status: 482, reason: 'Loop Detected', toTag }));
    }
    const dialogKey = `${callIdOf(invite)}|${tagOf(invite.headers.get('From')) ?? ''}`;
    if (this.ringing.has(dialogKey)) {
      // The same call on another branch (a fork that came back, a PBX retrying too early): RFC 3261 §8.2.2.2.
      return transaction.respond(
        localResponse(invite, {
          status: 482,
          reason: 'Loop Detected',
          toTag,
          headers: [reasonHeader(482, 'This call is already being routed')],
        }),
      );
    }
    transaction.respond(localResponse(invite, { status: 100, reason: 'Trying' }));

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
      const instruction = await this.context.inbound.answer({
        carrier: this.context.settings.carrier,
        hotlineNumber: call.hotlineNumber,
        caller: callerOf(invite),
        carrierCallId: callIdOf(invite),
        // Routed by the number dialled (and the period) only: no menu is played over SIP (README).
        gathers: false,
      });
      if ('callId' in instruction && instruction.callId) call.callId = instruction.callId;
      if (call.callerGone) return this.reportCallerGone(call);
      // `nothing` to an answer: the service already routes this call (same Call-ID): never ring twice.
      if (instruction.kind === 'nothing')
        return this.finish(call, {
          status: 482,
          reason: 'Loop Detected',
          headers: [reasonHeader(482, 'This call is already being routed')],
        });
      await this.apply(call, instruction);
    });
  }

  async apply(call: InboundSipCall, instruction: CallInstruction): Promise<void> {
    if (call.callerGone) return;
    const settings = this.context.settings;
    switch (instruction.kind) {
      case 'dial':
        this.branches.dropLeg(call, instruction.dropLeg);
        return this.branches.startBranch(call, instruction);
      case 'voicemail':
        this.branches.dropLeg(call, instruction.dropLeg);
        return this.redirect(call, settings.voicemailUri, {
          status: 480,
          reason: 'Temporarily Unavailable',
          text: 'Nobody is available; no voicemail is configured for SIP calls',
        });
      case 'message': {
        this.branches.dropLeg(call, instruction.dropLeg);
        const apology = instruction.step === null;
        const refusal: Refusal = apology
          ? { status: 503, reason: 'Service Unavailable', text: textOf(instruction.prompt) }
          : { status: 480, reason: 'Temporarily Unavailable', text: textOf(instruction.prompt) };
        return this.redirect(call, settings.announcementUri, refusal);
      }
      case 'unknown-number': {
        // A hotline out of service (its account is disabled) exists: unavailable, not unknown.
        if (instruction.message)
          return this.finish(call, {
            status: 480,
            reason: 'Temporarily Unavailable',
            headers: [reasonHeader(480, instruction.message.text)],
          });
        const status = settings.unknownNumberStatus;
        return this.finish(call, {
          status,
          reason: status === 404 ? 'Not Found' : 'Does Not Exist Anywhere',
          headers: [reasonHeader(status, 'No hotline answers this number')],
        });
      }
      case 'hang-up-leg':
        return this.branches.stopLeg(call, instruction.step);
      case 'bridge':
      case 'announce':
      case 'nothing':
      // Never given: answers say `gathers: false`.
      case 'gather':
      // Never given: the proxy rings one branch at a time (`parallelDialing` off, README).
      case 'dial-group':
      case 'hang-up-legs':
        return;
    }
  }

  finished(call: InboundSipCall): void {
    call.finished = true;
    if (this.ringing.get(call.dialogKey) === call) this.ringing.delete(call.dialogKey);
  }

  serial(call: InboundSipCall, work: () => Promise<void>): void {
    call.queue = call.queue.then(async () => {
      if (this.context.closed) return;
      try {
        await work();
      } catch (error) {
        const logger = this.context.logger;
        logger.error('SIP call handling failed: the caller is refused', {
          callId: call.callId,
          errorName: error instanceof Error ? error.name : typeof error,
        });
        logger.warn('SIP call handling failed: the call', {
          callId: call.callId,
          sipCallId: callIdOf(call.invite),
          ...errorContext(error),
        });
        if (call.branch && !call.branch.settled) this.branches.stopLeg(call, call.branch.dial.step);
        this.finish(call, {
          status: 500,
          reason: 'Server Internal Error',
          headers: [reasonHeader(500, 'The hotline could not route the call')],
        });
      }
    });
  }

  onCancel(cancel: SipRequest, replyTo: SipAddress): void {
    const transactions = this.context.transactions;
    const transaction = transactions.nonInviteServer(cancel, replyTo);
    const invite = transactions.serverFor(cancel, 'INVITE');
    const call = invite instanceof InviteServerTransaction ? this.calls.get(invite) : undefined;
    if (!call) {
      transaction.respond(localResponse(cancel, { status: 481, reason: 'Call/Transaction Does Not Exist' }));
      return;
    }
    transaction.respond(localResponse(cancel, { status: 200, reason: 'OK', toTag: call.toTag }));
    if (call.finished) return;
    this.finished(call);
    call.callerGone = true;
    call.transaction.respond(
      localResponse(call.invite, { status: 487, reason: 'Request Terminated', toTag: call.toTag }),
    );
    const branch = call.branch;
    if (branch && !branch.settled) {
      this.branches.settle(branch);
      branch.transaction?.cancel();
    }
    this.serial(call, () => this.reportCallerGone(call));
  }

  /** Sends the caller to a URI (302), or answers with the refusal when none is configured; the caller's leg is then over. */
  private async redirect(call: InboundSipCall, template: string | null, refusal: Refusal): Promise<void> {
    if (template !== null) {
      const contact = expandUri(template, { number: call.hotlineNumber, callId: call.callId });
      this.finish(call, { status: 302, reason: 'Moved Temporarily', headers: [['Contact', `<${contact}>`]] });
    } else {
      const { status, reason, text } = refusal;
      this.finish(call, { status, reason, headers: [reasonHeader(status, text)] });
    }
    if (call.callId !== null) await this.context.inbound.callEnded({ callId: call.callId });
  }

  private finish(call: InboundSipCall, { status, reason, headers = [] }: OwnResponse): void {
    if (call.finished) return;
    this.finished(call);
    call.transaction.respond(localResponse(call.invite, { status, reason, toTag: call.toTag, headers }));
  }

  private async reportCallerGone(call: InboundSipCall): Promise<void> {
    if (call.callId === null) return;
    const instruction = await this.context.inbound.callEnded({ callId: call.callId });
    if (instruction.kind === 'hang-up-leg' && call.branch && !call.branch.relayed) {
      if (call.branch.answer) await this.branches.hangUpAnswered(call.branch);
      else call.branch.transaction?.cancel();
    }
  }
}

/** The caller's number: P-Asserted-Identity, else From; null when the caller asked for privacy. */
function callerOf(invite: SipRequest): string | null {
  const privacy = (invite.headers.get('Privacy') ?? '').toLowerCase();
  if (/\b(id|user|header)\b/.test(privacy)) return null;
  return userOf(invite.headers.get('P-Asserted-Identity')) ?? userOf(invite.headers.get('From'));
}

const textOf = (prompt: Prompt): string => (prompt.kind === 'text' ? prompt.text : 'The hotline cannot take the call');
