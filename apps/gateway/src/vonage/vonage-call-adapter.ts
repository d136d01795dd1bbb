import {
  type CallInstruction,
  type CallLogger,
  type CallStore,
  type EndedLegOutcome,
  type InboundCalls,
  type LastResortSettings,
  type PlacedLegCalls,
  errorContext,
  lastResortFor,
} from '@dutyline/application';
import {
  type LegToHangUp,
  type Ncco,
  type VonageCallUrls,
  type VonageGroupUrls,
  type VonageRenderOptions,
  type WebhookInput,
  connect,
  legDecisionFor,
  parseAnswerWebhook,
  parseEventWebhook,
  parseFallbackWebhook,
  parseInputWebhook,
  parseRecordWebhook,
  phoneEndpoint,
  phoneNumberFromVonage,
  playPrompt,
} from '@dutyline/vonage';
import { type VonageGroupApi, VonageGroupLegs } from './vonage-group-legs';
import { type LegRouteParams, isGroupLegRoute, legRouteOf } from './vonage-leg-routes';
import type { VonageLegHangups, VonageReplies } from './vonage-replies';
import { type GuardedWebhook, goodbye, safeReply, withinBudget } from './vonage-safe-reply';
import { textField } from './vonage-webhook-fields';

export const VONAGE_CARRIER = 'vonage';

export interface VonageCallAdapterOptions {
  /** Everything the NCCOs need but the URLs. */
  readonly render: Omit<VonageRenderOptions, 'urls'>;
  readonly urls: VonageCallUrls;
  /** An all-at-once group's legs' URLs (F26); without them (or `groupApi`) its legs count as failed. */
  readonly groupUrls?: VonageGroupUrls;
  /** The last-resort rule's settings, the inbound call service's: for when even routing cannot be asked. */
  readonly lastResort: LastResortSettings;
  /** @defaultValue 'en-GB' */
  readonly language?: string;
  /** How long the `notify` after a connect waits for the stored call. @defaultValue 800 */
  readonly lookupBudgetMs?: number;
}

export interface VonageCallAdapterDeps {
  /** With `PlacedLegCalls` (the service has them) an all-at-once group is safe across instances. */
  readonly inbound: InboundCalls & Partial<PlacedLegCalls>;
  /** Read when a connect ended without Vonage asking us for the next NCCO (`notify`). */
  readonly calls: Pick<CallStore, 'load'>;
  readonly hangups: VonageLegHangups | null;
  /** Places an all-at-once group's legs and moves its caller on (`parallelDialing`). */
  readonly groupApi?: VonageGroupApi | null;
  readonly logger: CallLogger;
}

/**
 * Something a feature puts before the caller's NCCO (callbacks: the "press 2" offer, F19): resolves with
 * the NCCO to send, `ncco` itself when it has nothing to add. Never rejects.
 */
export interface CallerNccoHook {
  beforeCaller(instruction: CallInstruction, moment: 'answer' | 'next-step', ncco: Ncco): Promise<Ncco>;
}

/**
 * Vonage's webhooks in, NCCOs out: the carrier adapter between Vonage and the inbound call service.
 * It holds no routing rule. Each method takes the webhook's fields (query parameters or JSON body, as
 * received) and never rejects on a call-critical path: a payload it cannot read, a rendering that fails
 * or any error becomes the last resort (the emergency number, else an apology), because an error
 * response would make Vonage drop the caller. Only the recording callback refuses malformed input.
 *
 * How a call runs (see README.md): the answer NCCO greets and `connect`s synchronously to the first
 * number, then holds a `notify`. A busy/unanswered/failed/rejected/machine leg makes Vonage post to the
 * leg's event URL, whose reply replaces the caller's NCCO (the next number, the supervisors, voicemail).
 * The callee who picks up first hears the `onAnswer` announcement and must press 1; one who does not
 * is never joined (held in silence, hung up through the REST API), and once that leg ends the caller's
 * `notify` asks what is next.
 */
export class VonageCallAdapter {
  private readonly language: string;
  private readonly lookupBudgetMs: number;
  private readonly replies: VonageReplies;
  private readonly groups: VonageGroupLegs;
  private callerHook: CallerNccoHook | null = null;

  constructor(
    private readonly deps: VonageCallAdapterDeps,
    private readonly options: VonageCallAdapterOptions,
  ) {
    this.language = options.language ?? 'en-GB';
    this.lookupBudgetMs = options.lookupBudgetMs ?? 800;
    this.groups = new VonageGroupLegs(
      { ...deps, api: deps.groupApi ?? null, beforeCaller: (next, ncco) => this.withHook(next, 'next-step', ncco) },
      { render: { ...options.render, urls: options.urls }, urls: options.groupUrls ?? null, language: this.language },
    );
    this.replies = this.groups.replies;
  }

  /** Installs the hook the caller's NCCOs go through (one at a time). */
  useCallerHook(hook: CallerNccoHook): void {
    this.callerHook = hook;
  }

  /** The answer URL: the caller's first NCCO. Never empty for a new call. */
  async answer(fields: WebhookInput): Promise<Ncco> {
    const hotlineNumber = textField(fields, 'to');
    return this.safely({
      operation: 'answer',
      context: { hotlineNumber },
      fallback: () => this.lastResort(hotlineNumber),
      work: async () => {
        const request = parseAnswerWebhook(fields);
        const instruction = await this.deps.inbound.answer({
          carrier: VONAGE_CARRIER,
          hotlineNumber: request.to,
          caller: request.from,
          carrierCallId: request.uuid,
        });
        // `nothing` only answers a repeated answer webhook for a call already running its first NCCO.
        return this.withHook(instruction, 'answer', this.replies.forCaller(instruction).ncco ?? []);
      },
    });
  }

  /**
   * The caller's keys at a menu or keyed number (F25), `stage` from the `input`'s event URL: the
   * menu again, or the chosen line's first NCCO. Unreadable keys count as none; never empty.
   */
  async keys(stage: string | null, fields: WebhookInput): Promise<Ncco> {
    const hotlineNumber = textField(fields, 'to');
    return this.safely({
      operation: 'keys',
      context: { hotlineNumber, stage },
      fallback: () => this.lastResort(hotlineNumber),
      work: async () => {
        const event = parseInputWebhook(fields);
        const instruction = await this.deps.inbound.keys({
          carrier: VONAGE_CARRIER,
          hotlineNumber: event.to ?? '',
          caller: event.from,
          carrierCallId: event.uuid,
          stage: stage ?? '',
          digits: event.digits,
          timedOut: event.timedOut,
          at: event.timestamp ?? undefined,
        });
        return this.withHook(instruction, 'answer', this.replies.forCaller(instruction).ncco ?? []);
      },
    });
  }

  /** The application's event URL: the caller's leg (its end closes the call) and NCCO errors. Never fails. */
  async callEvent(fields: WebhookInput): Promise<void> {
    await this.safely({
      operation: 'callEvent',
      context: {},
      fallback: () => undefined,
      work: async () => {
        const event = parseEventWebhook(fields);
        if (event.kind === 'ncco-error') {
          // Vonage's reason and ids are request text: a warning (cut short by the logger), never an error line.
          this.deps.logger.warn('Vonage could not run an NCCO', {
            reason: event.reason,
            conversationUuid: event.conversationUuid,
          });
          return;
        }
        if (event.kind !== 'call-status' || legDecisionFor(event).kind !== 'ended') return;
        const instruction = await this.deps.inbound.callEnded({
          carrier: VONAGE_CARRIER,
          carrierCallId: event.uuid,
          at: event.endTime ?? event.timestamp ?? undefined,
          durationSeconds: event.duration,
        });
        this.replies.forCaller(instruction);
      },
    });
  }

  /**
   * The connect's event URL for the leg of `step`. Its reply replaces the caller's NCCO when the leg
   * did not connect (busy, timeout, unanswered, failed, rejected, machine); null: no change (204).
   */
  async legEvent(callId: string, step: number, fields: WebhookInput): Promise<Ncco | null> {
    return this.safely({
      operation: 'legEvent',
      context: { callId, step },
      fallback: () => null,
      work: async () => {
        let event;
        try {
          event = parseEventWebhook(fields);
        } catch (error) {
          // Unreadable: reply nothing; if the leg is over, the caller's notify asks what next.
          this.deps.logger.warn('unreadable leg event: ignored', { callId, step, ...errorContext(error) });
          return null;
        }
        const decision = legDecisionFor(event);
        const leg = {
          callId,
          step,
          at:
            event.kind === 'call-status' || event.kind === 'machine-detection'
              ? (event.timestamp ?? undefined)
              : undefined,
        };
        if (event.kind === 'machine-detection' && event.status === 'human') {
          return this.replies.forCaller(await this.deps.inbound.humanAnswered({ ...leg, carrierLegId: event.uuid }))
            .ncco;
        }
        if (decision.kind !== 'outcome') return null;
        const carrierLegId = event.kind === 'call-status' || event.kind === 'machine-detection' ? event.uuid : null;
        if (decision.outcome === 'answered')
          return this.replies.forCaller(await this.deps.inbound.legAnswered({ ...leg, carrierLegId })).ncco;
        const outcome = decision.outcome as EndedLegOutcome;
        const instruction = await this.deps.inbound.legEnded({
          ...leg,
          outcome,
          carrierLegId,
          detail: event.kind === 'call-status' ? event.detail : null,
          sipCode: event.kind === 'call-status' ? event.sipCode : null,
        });
        // Advanced machine detection (behavior `hangup`) already hung the machine up.
        const ncco = this.replies.forCaller(instruction, outcome === 'machine' ? step : null).ncco;
        return ncco && this.withHook(instruction, 'next-step', ncco);
      },
    });
  }

  /** The callee leg's `onAnswer` URL: the announcement, or (leg no longer wanted) the release. */
  async confirmation(callId: string, step: number, fields: WebhookInput): Promise<Ncco> {
    const self: LegToHangUp = { step, carrierLegId: textField(fields, 'uuid') };
    return this.safely({
      operation: 'confirmation',
      context: { callId, step },
      fallback: () => this.replies.forCallee({ kind: 'nothing' }, self),
      work: async () => this.replies.forCallee(await this.deps.inbound.calleePrompt({ callId, step }), self),
    });
  }

  /** The callee's key: join on 1; anything else (or no key) releases the callee, and the caller moves on. */
  async confirmationInput(callId: string, step: number, fields: WebhookInput): Promise<Ncco> {
    const self: LegToHangUp = { step, carrierLegId: textField(fields, 'uuid') };
    return this.safely({
      operation: 'confirmationInput',
      context: { callId, step },
      fallback: () => this.replies.forCallee({ kind: 'nothing' }, self),
      work: async () => {
        let input: { digits: string; timedOut: boolean; at?: number };
        try {
          const parsed = parseInputWebhook(fields);
          input = { digits: parsed.digits, timedOut: parsed.timedOut, at: parsed.timestamp ?? undefined };
        } catch (error) {
          // An unreadable key is no confirmation: the callee is not joined.
          this.deps.logger.warn('unreadable confirmation: counted as no key', { callId, step, ...errorContext(error) });
          input = { digits: '', timedOut: true };
        }
        const instruction = await this.deps.inbound.confirmation({
          callId,
          step,
          ...input,
          carrierLegId: self.carrierLegId,
        });
        return this.replies.forCallee(instruction, self);
      },
    });
  }

  /**
   * The `notify` after the connect of `step`: Vonage went past the connect without asking for another
   * NCCO — the connected callee hung up (the call ends), or the leg ended while it was still being
   * decided (a callee released, or one who hung up during the announcement): the caller's next step.
   */
  async afterLeg(callId: string, step: number): Promise<Ncco> {
    return this.safely({
      operation: 'afterLeg',
      context: { callId, step },
      fallback: () => this.lastResort(null),
      work: async () => {
        const stored = await this.stored(callId);
        if (stored) {
          const { state, lastReply } = stored;
          if (state.step === step && (state.phase === 'ringing' || state.phase === 'confirming')) {
            return this.legGone(callId, step, state.phase === 'confirming' ? 'declined' : 'no-answer');
          }
          const next = lastReply?.instruction;
          if (
            state.step > step &&
            next &&
            (next.kind === 'dial' || next.kind === 'voicemail' || next.kind === 'message') &&
            next.step === state.step
          ) {
            return this.withHook(next, 'next-step', this.replies.callerNcco(next) ?? []);
          }
          // Connected and over, or already ended: nothing more for the caller.
          return [];
        }
        return this.legGone(callId, step, 'no-answer');
      },
    });
  }

  /** The voicemail's record event. Throws a ValidationError naming the field for a malformed payload (400). */
  async recording(callId: string, fields: WebhookInput): Promise<void> {
    const event = parseRecordWebhook(fields);
    await this.deps.inbound.recording({
      callId,
      reference: event.recordingUrl,
      at: event.endTime ?? event.timestamp ?? undefined,
    });
  }

  /**
   * The fallback answer URL: Vonage could not use our answer or event URL (time-out, 5xx). An answer is
   * answered again (a retried answer gets the same NCCO); an event is handled as its URL says.
   */
  async fallback(fields: WebhookInput): Promise<Ncco | null> {
    const hotlineNumber = textField(fields, 'to');
    return this.safely({
      operation: 'fallback',
      context: { hotlineNumber },
      fallback: () => this.lastResort(hotlineNumber),
      work: async () => {
        const request = parseFallbackWebhook(fields);
        this.deps.logger.warn('Vonage used the fallback URL', {
          reason: request.reason,
          url: request.originalRequest.url,
          type: request.originalRequest.type,
        });
        if (request.originalRequest.type === 'answer') return this.answer(fields);
        const leg = legRouteOf(request.originalRequest.url);
        if (!leg) {
          await this.callEvent(fields);
          return null;
        }
        return this.legWebhook(leg, fields);
      },
    });
  }

  /** The webhook of one of our leg routes (vonage-leg-routes.ts), served or named by a fallback request. */
  legWebhook(params: LegRouteParams, fields: WebhookInput): Promise<Ncco | null> {
    const { callId, step, route } = params;
    if (isGroupLegRoute(route)) return this.groups.webhook({ ...params, route }, fields);
    switch (route) {
      case 'event':
        return this.legEvent(callId, step, fields);
      case 'confirm':
        return this.confirmation(callId, step, fields);
      case 'confirm-input':
        return this.confirmationInput(callId, step, fields);
      case 'after':
        return this.afterLeg(callId, step);
    }
  }

  /**
   * For a caller nothing else can be done for: ring the emergency number of the hotline (or `*`), and
   * when that leg does not connect, apologise; without an emergency number, apologise.
   */
  lastResort(hotlineNumber: string | null): Ncco {
    const hotline = phoneNumberFromVonage(hotlineNumber);
    const lastResort = lastResortFor(hotline?.e164 ?? null, this.options.lastResort, this.language);
    const apology = playPrompt(lastResort.apology, {}, 'apology');
    const emergency = phoneNumberFromVonage(lastResort.emergencyNumber);
    if (!emergency) return [apology];
    const ringing = { from: hotline ?? undefined, timeoutSeconds: lastResort.ringTimeoutSeconds };
    return [connect(phoneEndpoint(emergency), ringing), apology];
  }

  private withHook(instruction: CallInstruction, moment: 'answer' | 'next-step', ncco: Ncco): Promise<Ncco> | Ncco {
    return this.callerHook ? this.callerHook.beforeCaller(instruction, moment, ncco) : ncco;
  }

  // ---- the notify after a connect --------------------------------------------------------------------

  /** The leg of `step` ended without its outcome being reported: the caller's next step, never silence. */
  private async legGone(callId: string, step: number, outcome: EndedLegOutcome): Promise<Ncco> {
    const instruction = await this.deps.inbound.legEnded({ callId, step, outcome });
    const reply = this.replies.forCaller(instruction);
    return reply.ncco ? this.withHook(instruction, 'next-step', reply.ncco) : [playPrompt(goodbye(this.language))];
  }

  private stored(callId: string) {
    return withinBudget(this.deps.calls.load(callId), this.lookupBudgetMs);
  }

  // ---- plumbing ----------------------------------------------------------------------------------------

  private safely<T>(webhook: GuardedWebhook<T>): Promise<T> {
    return safeReply(this.deps.logger, this.language, webhook);
  }
}
