import type {
  CallInstruction,
  CallLogger,
  CallbackCallInstruction,
  Callbacks,
  CaptureInstruction,
  CaptureStage,
  OfferMoment,
} from '@dutyline/application';
import { type LegOutcome, PhoneNumber, type Prompt } from '@dutyline/domain';
import {
  type Ncco,
  type VonageRenderOptions,
  type WebhookInput,
  connect,
  dtmfInput,
  legDecisionFor,
  parseEventWebhook,
  parseInputWebhook,
  phoneEndpoint,
  playPrompt,
  renderForCaller,
} from '@dutyline/vonage';

/** Where Vonage reaches the callback routes (under `<PUBLIC_URL>/vonage`). */
export interface VonageCallbackUrls {
  /** The `input` after a capture prompt; `stage` travels in the URL. */
  keys(callId: string, stage: CaptureStage): string;
  /** The `connect`'s event URL of the caller's leg of a callback call. */
  callerLeg(callId: string): string;
}

export function vonageCallbackUrls(publicUrl: string): VonageCallbackUrls {
  const base = `${publicUrl.replace(/\/+$/, '')}/vonage/callbacks`;
  return {
    keys: (callId, stage) => `${base}/calls/${encodeURIComponent(callId)}/keys?stage=${encodeStage(stage)}`,
    callerLeg: (callId) => `${base}/outbound/${encodeURIComponent(callId)}/caller`,
  };
}

/** The stage as URL-safe text. */
export const encodeStage = (stage: CaptureStage): string =>
  Buffer.from(JSON.stringify(stage), 'utf8').toString('base64url');

/** The stage a URL carried, or null when it is not one this gateway wrote. */
export function decodeStage(text: string | null | undefined): CaptureStage | null {
  let stage: unknown;
  try {
    stage = JSON.parse(Buffer.from(String(text ?? ''), 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof stage !== 'object' || stage === null) return null;
  const s = stage as Record<string, unknown>;
  const tries = (value: unknown) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10;
  switch (s['step']) {
    case 'offer':
      return s['at'] === 'greeting' || s['at'] === 'before-voicemail' ? { step: 'offer', at: s['at'] } : null;
    case 'menu':
    case 'enter':
      return tries(s['tries']) ? { step: s['step'], tries: s['tries'] as number } : null;
    case 'confirm':
      return tries(s['tries']) && typeof s['keyed'] === 'string' && /^\+?[0-9]{1,20}$/.test(s['keyed'])
        ? { step: 'confirm', keyed: s['keyed'], tries: s['tries'] as number }
        : null;
    default:
      return null;
  }
}

export interface VonageCallbacksOptions {
  /** What the inbound call's NCCOs are rendered with (the Vonage module's URLs and ringback tone). */
  readonly render: VonageRenderOptions;
  readonly urls: VonageCallbackUrls;
  /** How long the offer may take to decide on the answer path before the caller gets the call as it is. @defaultValue 300 */
  readonly offerBudgetMs?: number;
}

/**
 * Callbacks on Vonage: the capture during an inbound call (the "press 2" offer put before the caller's
 * NCCO, then `input` NCCOs whose event URL carries the exchange's stage), and the outbound callback
 * calls (the agent's leg placed by the carrier port reports to `/vonage/outbound/*`; once the agent
 * presses 1 the reply `connect`s the caller, whose leg reports to `/vonage/callbacks/outbound/:id/caller`).
 * Nothing here rejects: a failure lets the call go on as it was, or ends the agent's leg politely.
 */
export class VonageCallbacks {
  private readonly offerBudgetMs: number;

  constructor(
    private readonly callbacks: Callbacks,
    private readonly options: VonageCallbacksOptions,
    private readonly logger: CallLogger,
  ) {
    this.offerBudgetMs = options.offerBudgetMs ?? 300;
  }

  // ---- capture during an inbound call --------------------------------------------------------------------

  /** The caller's NCCO with the offer before it when the hotline makes one at this point; else `ncco` itself. */
  async beforeCaller(instruction: CallInstruction, moment: OfferMoment, ncco: Ncco): Promise<Ncco> {
    const capture = this.callbacks.capture;
    if (!capture) return ncco;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.offerBudgetMs)));
    try {
      const offer = await Promise.race([capture.offer(instruction, moment), late]);
      return offer ? this.capture(offer) : ncco;
    } catch (error) {
      this.logger.warn('the callback offer failed: the call goes on', { error: String(error) });
      return ncco;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The caller's keys at a stage of the capture. */
  async keys(callId: string, stageText: string | null, fields: WebhookInput): Promise<Ncco> {
    const capture = this.callbacks.capture;
    const stage = decodeStage(stageText);
    let input: { digits: string; timedOut: boolean };
    try {
      const parsed = parseInputWebhook(fields);
      input = { digits: parsed.digits, timedOut: parsed.timedOut };
    } catch {
      input = { digits: '', timedOut: true };
    }
    if (!capture) return this.capture(noCapture(callId));
    // A stage this gateway did not write: the exchange starts over as "nothing pressed", so the call goes on.
    return this.capture(
      await capture.keys(
        callId,
        stage ?? { step: 'offer', at: 'greeting' },
        stage ? input : { digits: '', timedOut: true },
      ),
    );
  }

  private capture(instruction: CaptureInstruction): Ncco {
    const preface =
      instruction.kind !== 'finish' && instruction.preface ? [playPrompt(instruction.preface, {}, 'preface')] : [];
    switch (instruction.kind) {
      case 'collect':
        return [
          ...preface,
          playPrompt(instruction.prompt, { bargeIn: true }, 'prompt'),
          dtmfInput({
            maxDigits: instruction.maxDigits,
            timeOutSeconds: instruction.timeoutSeconds,
            submitOnHash: instruction.submitOnHash,
            eventUrl: this.options.urls.keys(instruction.callId, instruction.stage),
            eventMethod: 'POST',
          }),
        ];
      case 'resume':
        return [...preface, ...(renderForCaller(instruction.instruction, this.options.render).ncco ?? [])];
      case 'finish':
        return [playPrompt(instruction.prompt, {}, 'prompt')];
    }
  }

  // ---- outbound callback calls ---------------------------------------------------------------------------

  /** An event of an agent's leg (`?call=<id>_<n>`): one that ended without taking the call passes it on. */
  async agentEvent(carrierCallId: string, fields: WebhookInput): Promise<void> {
    const outcome = this.legOutcome(fields);
    if (outcome === null || outcome === 'answered' || outcome === 'confirmed') return;
    await this.callbacks.dialler.agentLegEnded({ carrierCallId, outcome });
  }

  /** The agent's key after the announcement: on 1 the caller is rung and joined; else the leg is released. */
  async agentConfirmation(carrierCallId: string, fields: WebhookInput): Promise<Ncco> {
    let digits = '';
    try {
      digits = parseInputWebhook(fields).digits;
    } catch {
      // An unreadable key is no acceptance.
    }
    return this.forAgent(await this.callbacks.dialler.agentConfirmation({ carrierCallId, digits }));
  }

  /** An event of the caller's leg (synchronous connect): the reply replaces the agent's NCCO when the caller was not reached. */
  async callerEvent(callId: string, fields: WebhookInput): Promise<Ncco | null> {
    const outcome = this.legOutcome(fields);
    if (outcome === null) return null;
    if (outcome === 'answered' || outcome === 'confirmed') {
      await this.callbacks.dialler.callerAnswered({ callId });
      return null;
    }
    const instruction = await this.callbacks.dialler.callerLegEnded({ callId, outcome });
    return instruction.kind === 'nothing' ? null : this.forAgent(instruction);
  }

  private forAgent(instruction: CallbackCallInstruction): Ncco {
    switch (instruction.kind) {
      case 'connect-caller':
        return [
          connect(phoneEndpoint(PhoneNumber.fromE164(instruction.to, 'to')), {
            from: PhoneNumber.fromE164(instruction.from, 'from'),
            timeoutSeconds: instruction.ringTimeoutSeconds,
            eventUrl: this.options.urls.callerLeg(instruction.callId),
            eventMethod: 'POST',
          }),
        ];
      case 'release-agent':
        return [playPrompt(instruction.prompt, {}, 'prompt')];
      case 'nothing':
        return [];
    }
  }

  /** How a leg's event ends it (`ended`: hung up without an outcome, read as declined); null: nothing to act on. */
  private legOutcome(fields: WebhookInput): LegOutcome | null {
    let event;
    try {
      event = parseEventWebhook(fields);
    } catch (error) {
      this.logger.warn('unreadable callback leg event: ignored', { error: String(error) });
      return null;
    }
    const decision = legDecisionFor(event);
    if (decision.kind === 'outcome') return decision.outcome;
    return decision.kind === 'ended' ? 'declined' : null;
  }
}

/** Without a capture service: go on with the call as it is (apologising when nothing is known of it). */
function noCapture(callId: string): CaptureInstruction {
  const prompt: Prompt = { kind: 'text', text: 'Sorry, we could not take your number.', language: 'en-GB' };
  return { kind: 'finish', callId, prompt, requestId: '' };
}
