import type { CallInstruction, DialInstruction, LegToDrop } from '@dutyline/application';
import { PhoneNumber, Prompt } from '@dutyline/domain';
import { AdvancedMachineDetectionOptions, dtmfInput, notify, playPrompt, talk } from './vonage-ncco.actions';
import {
  answerConfirmationNcco,
  connectToNumberNcco,
  messageThenHangupNcco,
  unknownNumberNcco,
  voicemailNcco,
} from './vonage-ncco.builder';
import { groupHoldNcco } from './vonage-group-dialling';
import { Ncco } from './vonage-ncco.types';

/*
 * How the inbound call service's instructions (the application's `CallInstruction`, carrier-neutral)
 * become NCCOs.
 *
 * Two people can be asking: the caller (answer URL, the connect's event URL, the `notify` that follows
 * a connect) and the callee who picked up a dialled leg (its `onAnswer` NCCO and the key it pressed).
 * What Vonage does with a reply differs, so each side has its own rendering.
 */

/** A callee leg to stop: the leg's step and Vonage's uuid for it (null when Vonage never reported it). */
export interface LegToHangUp {
  readonly step: number;
  readonly carrierLegId: string | null;
}

/** Where Vonage reaches the gateway for one call; each URL carries the call id and the step. */
export interface VonageCallUrls {
  /** The connect's `eventUrl`: the dialled leg's events; for busy/timeout/… it answers the next NCCO. */
  legEvent(callId: string, step: number): string;
  /** The callee leg's `onAnswer` URL: the announcement "press 1". */
  confirmation(callId: string, step: number): string;
  /** The `eventUrl` of the callee's key press (the `input` action). */
  confirmationInput(callId: string, step: number): string;
  /** The `notify` after a connect: asked when the connect ended and Vonage was given no other NCCO. */
  afterLeg(callId: string, step: number): string;
  /** The voicemail `record` action's `eventUrl`. */
  recording(callId: string): string;
  /** The `eventUrl` of the caller's keys at a menu or keyed number (F25): carries `stage`, no call id yet. */
  keys(stage: string): string;
  /** A ringback tone the gateway always serves: the caller's hold sound while a group rings, without `ringbackToneUrl`. */
  holdTone(): string;
}

export interface VonageRenderOptions {
  readonly urls: VonageCallUrls;
  /** Played to the caller while a number rings and during the callee's announcement. */
  readonly ringbackToneUrl?: string;
  /** Advanced machine detection on dialled legs, when an instruction asks for it. @defaultValue `{behavior: 'hangup', mode: 'detect'}` */
  readonly machineDetection?: AdvancedMachineDetectionOptions;
  /** The longest a connected call may last, in seconds. @defaultValue Vonage's (7200) */
  readonly callLimitSeconds?: number;
  /** How many times the callee hears the announcement. @defaultValue 2 */
  readonly announcementPlays?: number;
  /** Said to a callee whose leg is no longer wanted, before the line goes quiet. @defaultValue English */
  readonly releaseMessage?: Prompt;
}

/**
 * What to answer Vonage: the NCCO (`null`: nothing to change — reply 204 with no body) and the callee
 * legs to hang up through the REST API (`PUT /v1/calls/{uuid}`), after replying.
 */
export interface VonageReply {
  readonly ncco: Ncco | null;
  readonly hangUp: readonly LegToHangUp[];
}

const NO_CHANGE: VonageReply = { ncco: null, hangUp: [] };
const DEFAULT_RELEASE: Prompt = {
  kind: 'text',
  text: 'This call has been passed to someone else. Goodbye.',
  language: 'en-GB',
};

/**
 * The reply to the caller's side: the answer URL, the connect's event URL, the `notify` after a connect.
 * - `dial`: optional greeting, a synchronous `connect` (ring timeout, caller id, `onAnswer` when the
 *   callee must press 1, machine detection when asked), then a `notify` that asks what next if the
 *   connect ends without Vonage being given another NCCO (the callee hung up, or was dropped);
 * - `voicemail` / `message` / `unknown-number`: the NCCO that records or speaks, then ends;
 * - `dial-group`: optional greeting, then the caller waits in its own conversation (the legs are
 *   placed through the REST API by the gateway);
 * - `gather`: the prompt (interruptible by a key), then a DTMF `input` whose event URL carries the stage;
 * - `bridge`, `hang-up-leg`, `nothing`: no change for the caller (legs to stop are in `hangUp`).
 */
export function renderForCaller(instruction: CallInstruction, options: VonageRenderOptions): VonageReply {
  switch (instruction.kind) {
    case 'dial':
      return { ncco: dialNcco(instruction, options), hangUp: dropped(instruction.dropLeg) };
    case 'voicemail':
      return {
        ncco: voicemailNcco({
          greeting: instruction.greeting,
          maxSeconds: instruction.maxSeconds,
          eventUrl: options.urls.recording(instruction.callId),
        }),
        hangUp: dropped(instruction.dropLeg),
      };
    case 'message':
      return { ncco: messageThenHangupNcco(instruction.prompt), hangUp: dropped(instruction.dropLeg) };
    case 'unknown-number':
      return {
        ncco: instruction.message
          ? messageThenHangupNcco(instruction.message)
          : unknownNumberNcco(instruction.language),
        hangUp: [],
      };
    case 'gather':
      return {
        ncco: [
          playPrompt(instruction.prompt, { bargeIn: true }, 'prompt'),
          dtmfInput({
            maxDigits: instruction.maxDigits,
            timeOutSeconds: instruction.timeoutSeconds,
            submitOnHash: instruction.submitOnHash,
            eventUrl: options.urls.keys(instruction.stage),
            eventMethod: 'POST',
          }),
        ],
        hangUp: [],
      };
    case 'hang-up-leg':
      return { ncco: null, hangUp: [{ step: instruction.step, carrierLegId: instruction.carrierLegId }] };
    case 'hang-up-legs':
      return { ncco: null, hangUp: instruction.legs.map(({ step, carrierLegId }) => ({ step, carrierLegId })) };
    case 'bridge':
      return { ncco: null, hangUp: (instruction.drop ?? []).flatMap(dropped) };
    case 'dial-group':
      // The legs themselves are placed through the REST API by the gateway (vonage-group-legs.ts).
      return {
        ncco: groupHoldNcco(instruction, options.ringbackToneUrl ?? options.urls.holdTone()),
        hangUp: dropped(instruction.dropLeg),
      };
    case 'announce':
    case 'nothing':
      return NO_CHANGE;
  }
}

/**
 * The reply to the callee's side: the `onAnswer` fetch and the key pressed. Vonage joins the callee to
 * the caller as soon as the `onAnswer` NCCO ends, so:
 * - `announce`: the announcement (interruptible) and one key;
 * - `bridge`: an empty NCCO — the `onAnswer` script ends and the callee is joined;
 * - anything else (the call moved on, the leg is not wanted, nothing to do): the callee must never be
 *   joined, so they hear the release message and then silence that never ends by itself, and the leg
 *   (`self`, the leg asking) is hung up through the REST API. The caller's `notify` then asks what next.
 */
export function renderForCallee(
  instruction: CallInstruction,
  self: LegToHangUp,
  options: VonageRenderOptions,
): VonageReply {
  switch (instruction.kind) {
    case 'announce':
      return {
        ncco: answerConfirmationNcco({
          announcement: instruction.prompt,
          eventUrl: options.urls.confirmationInput(instruction.callId, instruction.step),
          timeoutSeconds: instruction.timeoutSeconds,
          announcementPlays: options.announcementPlays,
        }),
        hangUp: [],
      };
    case 'bridge':
      return { ncco: [], hangUp: (instruction.drop ?? []).flatMap(dropped) };
    default:
      return { ncco: releasedCalleeNcco(options.releaseMessage ?? DEFAULT_RELEASE), hangUp: [self] };
  }
}

/** Holds a callee who must not be joined until the REST hangup lands (or they hang up): never ends by itself. */
export function releasedCalleeNcco(message: Prompt = DEFAULT_RELEASE): Ncco {
  return [
    playPrompt(message, {}, 'releaseMessage'),
    talk('<speak><break time="10s"/></speak>', { loop: 0 }, 'silence'),
  ];
}

function dialNcco(dial: DialInstruction, options: VonageRenderOptions): Ncco {
  const { urls } = options;
  return [
    ...connectToNumberNcco({
      greeting: dial.greeting,
      to: PhoneNumber.fromE164(dial.to, 'to'),
      from: PhoneNumber.fromE164(dial.callerId, 'callerId'),
      ringTimeoutSeconds: dial.ringTimeoutSeconds,
      eventUrl: urls.legEvent(dial.callId, dial.step),
      ringbackToneUrl: options.ringbackToneUrl,
      confirmationUrl: dial.confirm ? urls.confirmation(dial.callId, dial.step) : undefined,
      machineDetection: dial.machineDetection
        ? (options.machineDetection ?? { behavior: 'hangup', mode: 'detect' })
        : undefined,
      limitSeconds: options.callLimitSeconds,
    }),
    notify({ callId: dial.callId, step: dial.step }, urls.afterLeg(dial.callId, dial.step), { eventMethod: 'POST' }),
  ];
}

/** The leg to drop, as one to hang up (its step and Vonage's uuid). */
const dropped = (leg: LegToDrop | null): LegToHangUp[] =>
  leg ? [{ step: leg.step, carrierLegId: leg.carrierLegId }] : [];
