import {
  type CallInstruction,
  type CallLogger,
  type DialInstruction,
  type EndedLegOutcome,
  type InboundCalls,
  type PlacedLegCalls,
  errorContext,
} from '@dutyline/application';
import { keepWithin } from '@dutyline/domain';
import {
  VonageApiError,
  type LegToHangUp,
  type Ncco,
  type VonageGroupUrls,
  type VonageRenderOptions,
  type VonageVoiceApi,
  type WebhookInput,
  asksKey,
  awaitingVerdictNcco,
  groupAnnouncementNcco,
  groupLegCall,
  joinGroupNcco,
  legDecisionFor,
  parseEventWebhook,
  parseInputWebhook,
} from '@dutyline/vonage';
import type { GroupLegRoute, LegRouteParams } from './vonage-leg-routes';
import { type VonageGroupPlacement, type VonageLegHangups, VonageReplies } from './vonage-replies';
import { safeReply } from './vonage-safe-reply';
import { textField } from './vonage-webhook-fields';

/** The REST calls a group needs: place the legs, move the caller on. */
export type VonageGroupApi = Pick<VonageVoiceApi, 'createCall' | 'transfer'>;

export interface VonageGroupLegsDeps {
  /** With `PlacedLegCalls`, the legs' uuids and the once-only marks are kept on the stored call, shared by every instance. */
  readonly inbound: InboundCalls & Partial<PlacedLegCalls>;
  readonly api: VonageGroupApi | null;
  readonly hangups: VonageLegHangups | null;
  readonly logger: CallLogger;
  /** What a caller's next NCCO goes through before it is sent (the adapter's caller hook). */
  readonly beforeCaller: (instruction: CallInstruction, ncco: Ncco) => Promise<Ncco> | Ncco;
}

export interface VonageGroupLegsOptions {
  readonly render: VonageRenderOptions;
  /** null: this gateway cannot place a group's legs (each then ends `failed` and the call goes on). */
  readonly urls: VonageGroupUrls | null;
  readonly language: string;
  /** Calls whose legs' uuids are remembered. @defaultValue 10000 */
  readonly capacity?: number;
}

/**
 * An all-at-once group (F26) on Vonage. The caller waits in its own conversation (`renderForCaller`)
 * while each leg is an outbound call placed here (`POST /v1/calls`); its pick-up runs a `notify`
 * (`group-answer`): the announcement and one key (`group-input`), or the join when no key is asked.
 * The leg that takes the call joins the caller's conversation and the others are hung up; a leg that
 * ends without the call (`group-event`) is reported, and when the group is over the caller's leg is
 * moved on to the next step with a REST transfer (its NCCO waits on nothing). A REST failure is
 * logged and the leg counts as failed, so the call goes on.
 */
export class VonageGroupLegs implements VonageGroupPlacement {
  readonly replies: VonageReplies;
  private readonly uuids = new Map<string, Map<number, string>>();
  /** What was done once already (a group placed, a caller moved on): a repeated webhook gets the same reply, not twice the REST calls. */
  private readonly done = new Set<string>();
  private readonly capacity: number;

  constructor(
    private readonly deps: VonageGroupLegsDeps,
    private readonly options: VonageGroupLegsOptions,
  ) {
    this.capacity = options.capacity ?? 10_000;
    this.replies = new VonageReplies(deps.hangups, deps.logger, options.render, this);
  }

  place(group: Extract<CallInstruction, { kind: 'dial-group' }>): void {
    if (!this.once(`place:${group.callId}:${group.step}`)) return;
    void this.claimed(group.callId, `place:${group.step}`).then((first) => first && this.placeLegs(group));
  }

  private placeLegs(group: Extract<CallInstruction, { kind: 'dial-group' }>): void {
    // The legs ring together; their uuids are stored one after the other, not racing on the call's version.
    let stored: Promise<unknown> = Promise.resolve();
    for (const dial of group.dials) {
      void this.placeLeg(dial).then(
        (uuid) => {
          const leg = { callId: dial.callId, step: dial.step, carrierLegId: uuid };
          // Stored with the call (never rejects): whichever instance ends the group hangs this leg up by its uuid.
          // A leg cancelled meanwhile is hung up once, by the reply that says so: not remembered, so the reply
          // that cancelled it (which looks its uuid up here after the fact) does not hang it up too.
          stored = stored.then(async () => {
            const unwanted = await this.deps.inbound.legPlaced?.(leg);
            if (unwanted?.kind === 'hang-up-leg') this.replies.forCaller(unwanted);
            else this.remember(leg);
          });
        },
        (error: unknown) => {
          this.deps.logger.error('could not place a leg of an all-at-once group: counted as failed', {
            callId: dial.callId,
            step: dial.step,
            ...errorContext(error),
          });
          return this.reportEnded(dial.callId, dial.step, 'failed');
        },
      );
    }
  }

  uuidOf(callId: string, step: number): string | null {
    return this.uuids.get(callId)?.get(step) ?? null;
  }

  /** The webhook of a group's leg route. */
  webhook({ callId, step, route }: LegRouteParams & { route: GroupLegRoute }, fields: WebhookInput) {
    const self: LegToHangUp = { step, carrierLegId: textField(fields, 'uuid') ?? this.uuidOf(callId, step) };
    const callee = { operation: route, context: { callId, step }, fallback: () => this.release(callId, self) };
    switch (route) {
      case 'group-event':
        return this.safely({ ...callee, fallback: () => null, work: () => this.event(callId, step, fields) });
      case 'group-answer':
        return this.safely({ ...callee, work: () => this.pickedUp(callId, self, asksKey(fields)) });
      case 'group-input':
        return this.safely({ ...callee, work: () => this.keyed(callId, self, fields) });
    }
  }

  /** Places the leg; its uuid. */
  private async placeLeg(dial: DialInstruction): Promise<string> {
    if (!this.deps.api || !this.options.urls) throw new Error('the Vonage REST API or PUBLIC_URL is not configured');
    const request = groupLegCall(dial, {
      urls: this.options.urls,
      machineDetection: this.options.render.machineDetection,
    });
    const { uuid } = await this.deps.api.createCall(request);
    return uuid;
  }

  /** This instance's copy of a leg's uuid (what it can hang up by while the database is away). */
  private remember({ callId, step, carrierLegId }: { callId: string; step: number; carrierLegId: string }): void {
    const legs = this.uuids.get(callId) ?? new Map<number, string>();
    legs.set(step, carrierLegId);
    this.uuids.delete(callId);
    this.uuids.set(callId, legs);
    keepWithin(this.uuids, this.capacity);
  }

  /** A leg's status: one that ended without the call is reported; its pick-up is `group-answer`'s. */
  private async event(callId: string, step: number, fields: WebhookInput): Promise<null> {
    const event = parseEventWebhook(fields);
    if (event.kind === 'machine-detection' && event.status === 'human') {
      const at = event.timestamp ?? undefined;
      const instruction = await this.deps.inbound.humanAnswered({ callId, step, at, carrierLegId: event.uuid });
      if (instruction.kind === 'bridge') this.transfer(event.uuid, joinGroupNcco(callId), { callId, step });
      this.followUp(instruction, null);
      return null;
    }
    const decision = legDecisionFor(event);
    const status = event.kind === 'call-status' ? event : null;
    // Over without an outcome (no `notify` follows a REST leg): a callee who hung up during the
    // announcement declined; a leg already decided (joined, dropped) ignores it.
    const outcome =
      decision.kind === 'outcome' ? decision.outcome : decision.kind === 'ended' ? endedOutcome(status) : null;
    if (outcome === null || outcome === 'answered' || outcome === 'confirmed') return null;
    const instruction = await this.deps.inbound.legEnded({
      callId,
      step,
      outcome,
      carrierLegId: event.kind === 'call-status' || event.kind === 'machine-detection' ? event.uuid : null,
      at:
        event.kind === 'call-status' || event.kind === 'machine-detection' ? (event.timestamp ?? undefined) : undefined,
      detail: status?.detail ?? null,
      sipCode: status?.sipCode ?? null,
    });
    this.followUp(instruction, step);
    return null;
  }

  /** The callee picked up: joined at once (no key asked), else the announcement; a leg no longer wanted is released. */
  private async pickedUp(callId: string, self: LegToHangUp, keyAsked: boolean): Promise<Ncco> {
    const { step, carrierLegId } = self;
    const answered = await this.deps.inbound.legAnswered({ callId, step, carrierLegId });
    if (answered.kind === 'bridge') return this.joined(answered);
    if (answered.kind !== 'nothing') {
      this.followUp(answered, step);
      return this.release(callId, self);
    }
    // No key asked, machine detection still listening: held until its verdict (`event`).
    if (!keyAsked) return awaitingVerdictNcco();
    const prompt = await this.deps.inbound.calleePrompt({ callId, step });
    if (prompt.kind === 'announce')
      return groupAnnouncementNcco(prompt, this.options.urls!, this.options.render.announcementPlays);
    return this.replies.forCallee(prompt, self);
  }

  /** The callee's key: on 1 the join; otherwise released, and the caller moves on if the group is over. */
  private async keyed(callId: string, self: LegToHangUp, fields: WebhookInput): Promise<Ncco> {
    let input: { digits: string; timedOut: boolean; at?: number };
    try {
      const parsed = parseInputWebhook(fields);
      input = { digits: parsed.digits, timedOut: parsed.timedOut, at: parsed.timestamp ?? undefined };
    } catch (error) {
      this.deps.logger.warn('unreadable confirmation: counted as no key', { callId, ...errorContext(error) });
      input = { digits: '', timedOut: true };
    }
    const { step, carrierLegId } = self;
    const instruction = await this.deps.inbound.confirmation({ callId, step, ...input, carrierLegId });
    if (instruction.kind === 'bridge') return this.joined(instruction);
    this.followUp(instruction, step);
    return this.release(callId, self);
  }

  /** The callee joins the caller's conversation; the group's other legs are hung up. */
  private joined(bridge: Extract<CallInstruction, { kind: 'bridge' }>): Ncco {
    this.followUp(bridge, bridge.step);
    return joinGroupNcco(bridge.callId);
  }

  /** The release message and silence until the REST hangup of `self` lands. */
  private release(callId: string, self: LegToHangUp): Ncco {
    return this.replies.forCallee({ kind: 'hang-up-leg', callId, carrierCallId: null, to: null, ...self }, self);
  }

  /**
   * What an instruction asks of the caller's side after a group's event: legs hung up (but
   * `legAlreadyGone`'s), and a caller's NCCO (the next step once the group is over) sent by REST transfer.
   */
  private followUp(instruction: CallInstruction, legAlreadyGone: number | null): void {
    const { ncco } = this.replies.forCaller(instruction, legAlreadyGone);
    // A next group: the caller is still in its conversation, and `forCaller` placed the new legs.
    if (!ncco || instruction.kind === 'dial-group' || !('carrierCallId' in instruction)) return;
    const { callId, carrierCallId, step } = instruction;
    if (!this.once(`transfer:${callId ?? carrierCallId}:${step}`)) return;
    if (carrierCallId === null) {
      this.deps.logger.error('the caller of an all-at-once group cannot be moved on: its leg is unknown', { callId });
      return;
    }
    const context = { callId, step };
    void this.claimed(callId, `transfer:${step}`)
      .then(
        async (first) =>
          first && this.transfer(carrierCallId, await this.deps.beforeCaller(instruction, ncco), context),
      )
      .catch((error: unknown) =>
        this.deps.logger.error('could not move the caller of an all-at-once group on', {
          ...context,
          ...errorContext(error),
        }),
      );
  }

  /** Whether this instance is the first to take `key` on the stored call (true when the service cannot keep marks). */
  private async claimed(callId: string | null, key: string): Promise<boolean> {
    if (callId === null || !this.deps.inbound.claim) return true;
    return this.deps.inbound.claim({ callId, key });
  }

  private transfer(uuid: string, ncco: Ncco, context: { callId: string | null; step: number | null }): void {
    if (!this.deps.api) {
      this.deps.logger.error('a leg should be transferred but the Vonage API is not configured', context);
      return;
    }
    void transferWithRetries(this.deps.api, { uuid, ncco }).catch((error: unknown) =>
      this.deps.logger.error('could not transfer a leg through the Vonage API', {
        ...context,
        ...errorContext(error),
      }),
    );
  }

  /** True the first time `key` is seen (remembered for the last `capacity` keys). */
  private once(key: string): boolean {
    if (this.done.has(key)) return false;
    this.done.add(key);
    if (this.done.size > this.capacity) this.done.delete(this.done.values().next().value!);
    return true;
  }

  private async reportEnded(callId: string, step: number, outcome: EndedLegOutcome): Promise<void> {
    const instruction = await this.deps.inbound.legEnded({ callId, step, outcome });
    this.followUp(instruction, step);
  }

  private safely<T>(webhook: Parameters<typeof safeReply<T>>[2]): Promise<T> {
    return safeReply(this.deps.logger, this.options.language, webhook);
  }
}

/** After a passing failure (no answer, 429, 5xx), the transfer is tried again after these pauses. */
export const TRANSFER_RETRY_DELAYS_MS: readonly number[] = [250, 1000, 3000];

/**
 * A transfer tried again on passing failures: a caller held in the conversation has no NCCO of its own to
 * go on with, so without it they would hear the hold tone until they hang up.
 */
async function transferWithRetries(api: VonageGroupApi, { uuid, ncco }: { uuid: string; ncco: Ncco }) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.transfer(uuid, ncco);
    } catch (error) {
      const passing = !(error instanceof VonageApiError) || error.retryable;
      if (!passing || attempt >= TRANSFER_RETRY_DELAYS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, TRANSFER_RETRY_DELAYS_MS[attempt]).unref());
    }
  }
}

/** How a leg that ended by itself (`completed`, `cancelled`, `disconnected`) did not take the call. */
const endedOutcome = (status: { readonly status: string } | null): EndedLegOutcome =>
  status?.status === 'completed' ? 'declined' : 'no-answer';
