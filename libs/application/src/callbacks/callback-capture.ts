import {
  CallbackNumberRefusalCode,
  CallbackOfferPoint,
  Hotline,
  HotlineRepository,
  Id,
  PhoneNumber,
  Prompt,
  callbackNumberRules,
  checkCallbackNumber,
} from '@dutyline/domain';
import { CallInstruction, CallStore, StoredCall, apologyPrompt } from '../calls';
import { CallLogger, errorContext, silentCallLogger } from '../shared';
import { CALLBACK_PROMPTS } from './callback-prompts';
import { CallbackRequestService } from './callback-request.service';
import { CallbackIntakeSettingsStore } from './ports';

/*
 * Callback capture during an inbound call (F19), carrier-neutral and stateless: where the caller is in
 * the exchange travels with each instruction (`stage`, plain JSON) and comes back with the keys they
 * pressed, so any gateway instance can take the next step. The call itself (its plan, its state) stays
 * the inbound call service's: when the caller does not want a callback, or gives up, the call goes on
 * where it was (`resume`).
 */

/** Where the caller is in the exchange. `tries` counts the chances used at that step (a second chance, then the call goes on). */
export type CaptureStage =
  | { readonly step: 'offer'; readonly at: CallbackOfferPoint }
  /** Confirm the number the caller calls from, or choose to key another. */
  | { readonly step: 'menu'; readonly tries: number }
  /** Key a number, then `#`. */
  | { readonly step: 'enter'; readonly tries: number }
  /** The keyed number was read back: 1 confirms, 2 keys it again. */
  | { readonly step: 'confirm'; readonly keyed: string; readonly tries: number };

/** What the carrier adapter does for the caller next. */
export type CaptureInstruction =
  /** Play `preface` (when set) and `prompt`, collect keys, and hand them back with `stage`. */
  | {
      readonly kind: 'collect';
      readonly callId: Id;
      readonly stage: CaptureStage;
      readonly preface: Prompt | null;
      readonly prompt: Prompt;
      readonly maxDigits: number;
      readonly timeoutSeconds: number;
      /** `#` ends the input. */
      readonly submitOnHash: boolean;
    }
  /** Play `preface` (when set), then carry on with the call: `instruction` is what the caller was about to get. */
  | {
      readonly kind: 'resume';
      readonly callId: Id;
      readonly preface: Prompt | null;
      readonly instruction: CallInstruction;
    }
  /** The request is taken: play `prompt`, then hang up. */
  | { readonly kind: 'finish'; readonly callId: Id; readonly prompt: Prompt; readonly requestId: Id };

export interface CallbackCaptureDeps {
  readonly calls: Pick<CallStore, 'load'>;
  /**
   * This process's recent copy of a call, when it has one: the offer reads only its account and
   * hotline (which never change), so it need not read the store on the answer path.
   */
  readonly recentCall?: (callId: Id) => StoredCall | undefined;
  readonly hotlines: Pick<HotlineRepository, 'byId'>;
  readonly intake: CallbackIntakeSettingsStore;
  readonly requests: CallbackRequestService;
  readonly logger?: CallLogger;
}

export interface CallbackCaptureOptions {
  /** The key that asks for a callback. @defaultValue '2' */
  readonly offerKey?: string;
  /** Seconds to press the key after the offer. @defaultValue 5 */
  readonly offerTimeoutSeconds?: number;
  /** Seconds of silence that end a keyed number. @defaultValue 10 */
  readonly numberTimeoutSeconds?: number;
  /** Chances at each step. @defaultValue 2 */
  readonly chances?: number;
}

/** When the offer is looked at: the call's first instruction, or a later one for the caller. */
export type OfferMoment = 'answer' | 'next-step';

/**
 * The callback offer and the exchange that follows it: "press 2 to be called back"; confirm the number
 * the call comes from, or key another (withheld numbers must key one); the keyed number is checked for
 * the hotline's allowed countries, never a premium-rate line, read back and confirmed; a refused number
 * is explained and given a second chance. A confirmed number opens the request (or is noted on the
 * caller's open one). Never rejects: a failure resumes the call.
 */
export class CallbackCapture {
  private readonly options: Required<CallbackCaptureOptions>;
  private readonly logger: CallLogger;

  constructor(
    private readonly deps: CallbackCaptureDeps,
    options: CallbackCaptureOptions = {},
  ) {
    this.options = {
      offerKey: options.offerKey ?? '2',
      offerTimeoutSeconds: options.offerTimeoutSeconds ?? 5,
      numberTimeoutSeconds: options.numberTimeoutSeconds ?? 10,
      chances: options.chances ?? 2,
    };
    this.logger = deps.logger ?? silentCallLogger;
  }

  /**
   * The offer to make before `instruction` reaches the caller, or null (the instruction goes as it is).
   * At `answer` a hotline offering at the greeting offers after the greeting; a hotline offering before
   * voicemail offers when the caller is about to reach the final step (voicemail or closing message),
   * at answer when nobody is on duty, else at the step that gets there.
   */
  async offer(instruction: CallInstruction, moment: OfferMoment): Promise<CaptureInstruction | null> {
    const callId = 'callId' in instruction ? instruction.callId : null;
    if (callId === null || !['dial', 'voicemail', 'message'].includes(instruction.kind)) return null;
    try {
      const found = await this.callAndHotline(callId, 'recent');
      if (!found) return null;
      const { hotline, offer } = found;
      const final = instruction.kind === 'voicemail' || instruction.kind === 'message';
      const offered = (moment === 'answer' && offer === 'greeting') || (final && offer === 'before-voicemail');
      if (!offered || offer === null) return null;
      const key = this.options.offerKey;
      return {
        kind: 'collect',
        callId,
        stage: { step: 'offer', at: offer },
        preface: instruction.kind === 'dial' ? instruction.greeting : null,
        prompt:
          offer === 'greeting'
            ? CALLBACK_PROMPTS.offerAtGreeting(key, hotline.language)
            : CALLBACK_PROMPTS.offerBeforeVoicemail(key, hotline.language),
        maxDigits: 1,
        timeoutSeconds: this.options.offerTimeoutSeconds,
        submitOnHash: false,
      };
    } catch (error) {
      this.logger.warn('could not look at the callback offer: the call goes on', { callId, ...errorContext(error) });
      return null;
    }
  }

  /** The caller's keys at `stage` (`timedOut`, or no digits: nothing pressed). */
  async keys(
    callId: Id,
    stage: CaptureStage,
    input: { readonly digits: string | null; readonly timedOut?: boolean },
  ): Promise<CaptureInstruction> {
    try {
      const found = await this.callAndHotline(callId);
      if (!found) return this.resume(callId, null, null);
      return await this.next(found, stage, (input.digits ?? '').replace(/#+$/, '').trim());
    } catch (error) {
      this.logger.error('callback capture failed: the call goes on', {
        callId,
        step: stage?.step,
        ...errorContext(error),
      });
      return this.resume(callId, null, null);
    }
  }

  private async next(found: Found, stage: CaptureStage, digits: string): Promise<CaptureInstruction> {
    const { call, hotline } = found;
    const language = hotline.language;
    const chances = this.options.chances;
    switch (stage.step) {
      case 'offer': {
        if (digits !== this.options.offerKey) return this.resume(call.id, call, null);
        const own = call.caller ? checkCallbackNumber(call.caller, found.rules) : null;
        if (own?.ok)
          return this.collectKey(call.id, { step: 'menu', tries: 1 }, CALLBACK_PROMPTS.menu(own.value.e164, language));
        return this.collectNumber(call.id, 1, CALLBACK_PROMPTS.enter(call.caller === null, language));
      }
      case 'menu': {
        const own = call.caller ? checkCallbackNumber(call.caller, found.rules) : null;
        if (digits === '1' && own?.ok)
          return this.take(found, { number: own.value, source: 'caller-id', spoken: own.value.e164 });
        if (digits === '2' || !own?.ok) return this.collectNumber(call.id, 1, CALLBACK_PROMPTS.enter(false, language));
        return stage.tries < chances
          ? this.collectKey(
              call.id,
              { step: 'menu', tries: stage.tries + 1 },
              CALLBACK_PROMPTS.menu(own.value.e164, language),
            )
          : this.resume(call.id, call, CALLBACK_PROMPTS.notTaken(language));
      }
      case 'enter': {
        const checked = digits === '' ? null : checkCallbackNumber(digits, found.rules);
        if (checked?.ok)
          return this.collectKey(
            call.id,
            { step: 'confirm', keyed: digits, tries: 1 },
            CALLBACK_PROMPTS.readBack(digits, language),
          );
        if (stage.tries >= chances)
          return this.resume(
            call.id,
            call,
            this.refusedAtLast(checked?.ok === false ? checked.error.code : null, language),
          );
        const prompt =
          checked === null
            ? CALLBACK_PROMPTS.enter(false, language)
            : CALLBACK_PROMPTS.refused(checked.error.code, language);
        return this.collectNumber(call.id, stage.tries + 1, prompt);
      }
      case 'confirm': {
        const checked = checkCallbackNumber(stage.keyed, found.rules);
        if (digits === '1' && checked.ok)
          return this.take(found, { number: checked.value, source: 'keyed', spoken: stage.keyed });
        if (digits === '2' || !checked.ok)
          return this.collectNumber(call.id, 1, CALLBACK_PROMPTS.enter(false, language));
        return stage.tries < chances
          ? this.collectKey(
              call.id,
              { ...stage, tries: stage.tries + 1 },
              CALLBACK_PROMPTS.readBack(stage.keyed, language),
            )
          : this.resume(call.id, call, CALLBACK_PROMPTS.notTaken(language));
      }
    }
  }

  /** Opens the request (or notes it on the caller's open one) for the number the caller confirmed, read back as `spoken`. */
  private async take(found: Found, confirmed: ConfirmedNumber): Promise<CaptureInstruction> {
    const { call, hotline } = found;
    const { number, source, spoken } = confirmed;
    const taken = await this.deps.requests.receiveFromCall({
      accountId: hotline.accountId,
      hotlineId: hotline.id,
      number,
      source,
      callId: call.id,
    });
    if (!taken) return this.resume(call.id, call, CALLBACK_PROMPTS.notTaken(hotline.language));
    this.logger.info('callback request left during a call', {
      callId: call.id,
      requestId: taken.request.id,
      outcome: taken.outcome,
      source,
    });
    return {
      kind: 'finish',
      callId: call.id,
      prompt: CALLBACK_PROMPTS.thanks(spoken, hotline.language),
      requestId: taken.request.id,
    };
  }

  /** One key (a menu choice, a confirmation), waited for as long as after the offer. */
  private collectKey(callId: Id, stage: CaptureStage, prompt: Prompt): CaptureInstruction {
    return this.collect(callId, {
      stage,
      prompt,
      maxDigits: 1,
      timeoutSeconds: this.options.offerTimeoutSeconds,
      submitOnHash: false,
    });
  }

  private collectNumber(callId: Id, tries: number, prompt: Prompt): CaptureInstruction {
    return this.collect(callId, {
      stage: { step: 'enter', tries },
      prompt,
      maxDigits: 20,
      timeoutSeconds: this.options.numberTimeoutSeconds,
      submitOnHash: true,
    });
  }

  private collect(callId: Id, keys: KeysToCollect): CaptureInstruction {
    const { stage, prompt, maxDigits, timeoutSeconds, submitOnHash } = keys;
    return { kind: 'collect', callId, stage, preface: null, prompt, maxDigits, timeoutSeconds, submitOnHash };
  }

  /** The last refusal said, then "we could not take your number". */
  private refusedAtLast(code: CallbackNumberRefusalCode | null, language: string): Prompt {
    const reason = code === null ? '' : `${CALLBACK_PROMPTS.refused(code, language).text.split('.')[0]}. `;
    return { kind: 'text', text: `${reason}${CALLBACK_PROMPTS.notTaken(language).text}`, language };
  }

  /**
   * Back to the call: the caller's last instruction again (what was about to be played when the offer
   * came), its greeting already heard and any leg to drop already dropped; an apology when none is known.
   */
  private resume(callId: Id, call: StoredCall | null, preface: Prompt | null): CaptureInstruction {
    const last = call?.lastReply?.instruction;
    let instruction: CallInstruction;
    if (last?.kind === 'dial') instruction = { ...last, greeting: null, dropLeg: null };
    else if (last?.kind === 'voicemail' || last?.kind === 'message') instruction = { ...last, dropLeg: null };
    else
      instruction = {
        kind: 'message',
        callId,
        carrierCallId: call?.carrierCallId ?? null,
        step: null,
        prompt: apologyPrompt(call?.state.plan.hotline.language ?? 'en-GB'),
        dropLeg: null,
      };
    return { kind: 'resume', callId, preface, instruction };
  }

  /** The call (`recent`: this process's copy will do), its hotline and the hotline's intake settings. */
  private async callAndHotline(callId: Id, fresh: 'recent' | 'stored' = 'stored'): Promise<Found | null> {
    const call =
      (fresh === 'recent' ? this.deps.recentCall?.(callId) : undefined) ?? (await this.deps.calls.load(callId));
    if (!call?.accountId || !call.hotlineId) return null;
    const hotline = await this.deps.hotlines.byId(call.accountId, call.hotlineId);
    if (!hotline) return null;
    const intake = await this.deps.intake.intakeSettings(call.accountId, { kind: 'hotline', id: hotline.id });
    return {
      call,
      hotline,
      offer: intake?.offer?.at ?? null,
      rules: callbackNumberRules(hotline.number, intake?.allowedCountries ?? null),
    };
  }
}

/** What a `collect` instruction asks of the caller. */
type KeysToCollect = Pick<
  Extract<CaptureInstruction, { kind: 'collect' }>,
  'stage' | 'prompt' | 'maxDigits' | 'timeoutSeconds' | 'submitOnHash'
>;

/** A number the caller confirmed, how they gave it, and how it is read back to them. */
interface ConfirmedNumber {
  readonly number: PhoneNumber;
  readonly source: 'caller-id' | 'keyed';
  readonly spoken: string;
}

interface Found {
  readonly call: StoredCall;
  readonly hotline: Hotline;
  readonly offer: CallbackOfferPoint | null;
  readonly rules: ReturnType<typeof callbackNumberRules>;
}
