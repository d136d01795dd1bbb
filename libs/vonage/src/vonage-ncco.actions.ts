/* The single NCCO actions, each checked against Vonage's limits (vonage-ncco.builder.ts puts them together). */
import { PhoneNumber, Prompt, invalid } from '@dutyline/domain';
import {
  AdvancedMachineDetectionMode,
  ConnectAction,
  ConnectEndpoint,
  ConversationAction,
  DtmfSettings,
  InputAction,
  JsonValue,
  MachineDetectionBehavior,
  NccoEventMethod,
  NotifyAction,
  PhoneEndpoint,
  RecordAction,
  RecordingFormat,
  SipEndpoint,
  StreamAction,
  TalkAction,
} from './vonage-ncco.types';
import { toVonageNumber } from './vonage-number';
import { booleanValue, compact, httpUrl, integerIn, numberIn, oneOf } from './vonage-validation';

/** Vonage's limits, checked before an NCCO leaves the process (a refused NCCO means a caller hearing nothing). */
export const NCCO_LIMITS = {
  talkTextMaxLength: 1500,
  connectTimeoutSeconds: { min: 3, max: 7200 },
  connectLimitSeconds: { min: 1, max: 7200 },
  beepTimeoutSeconds: { min: 45, max: 120 },
  recordTimeOutSeconds: { min: 3, max: 7200 },
  recordEndOnSilenceSeconds: { min: 3, max: 10 },
  dtmfTimeOutSeconds: { min: 0, max: 10 },
  dtmfMaxDigits: { min: 1, max: 20 },
} as const;

/** A language tag as Vonage takes it (`en-GB`, `fr`). */
export const BCP47 = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const EVENT_METHODS: readonly NccoEventMethod[] = ['GET', 'POST'];

export interface TalkOptions {
  language?: string;
  style?: number;
  /** 0 repeats until the call ends. @defaultValue 1 (Vonage's) */
  loop?: number;
  level?: number;
  bargeIn?: boolean;
}

export function talk(text: string, options: TalkOptions = {}, field = 'talk'): TalkAction {
  if (typeof text !== 'string' || text.trim() === '')
    invalid('REQUIRED', `${field}.text`, 'a talk action needs a text');
  if (text.length > NCCO_LIMITS.talkTextMaxLength) {
    invalid(
      'TOO_LONG',
      `${field}.text`,
      `a spoken text may be at most ${NCCO_LIMITS.talkTextMaxLength} characters, not ${text.length}`,
    );
  }
  if (options.language !== undefined && !BCP47.test(options.language)) {
    invalid('INVALID_LANGUAGE', `${field}.language`, `"${options.language}" is not a language tag such as fr-FR`);
  }
  return compact<TalkAction>({
    action: 'talk',
    text,
    language: options.language,
    style: options.style === undefined ? undefined : integerIn(options.style, { min: 0, max: 100 }, `${field}.style`),
    ...playbackOptions(options, field),
  });
}

export interface StreamOptions {
  loop?: number;
  level?: number;
  bargeIn?: boolean;
}

export function stream(url: string, options: StreamOptions = {}, field = 'stream'): StreamAction {
  return compact<StreamAction>({
    action: 'stream',
    streamUrl: [httpUrl(url, `${field}.streamUrl`)],
    ...playbackOptions(options, field),
  });
}

function playbackOptions(options: StreamOptions, field: string) {
  return {
    loop: options.loop === undefined ? undefined : integerIn(options.loop, { min: 0, max: 100 }, `${field}.loop`),
    level: options.level === undefined ? undefined : numberIn(options.level, { min: -1, max: 1 }, `${field}.level`),
    bargeIn: options.bargeIn === undefined ? undefined : booleanValue(options.bargeIn, `${field}.bargeIn`),
  };
}

/** A domain prompt as the action that plays it: spoken text (`talk`) or an audio file (`stream`). */
export function playPrompt(prompt: Prompt, options: StreamOptions = {}, field = 'prompt'): TalkAction | StreamAction {
  return prompt.kind === 'text'
    ? talk(prompt.text, { ...options, language: prompt.language }, field)
    : stream(prompt.url, options, field);
}

export interface PhoneEndpointOptions {
  /** The callee hears the NCCO served at this URL before the legs are joined ("press 1 to take this call"). */
  onAnswerUrl?: string;
  /** Played to the caller while the callee hears the `onAnswer` NCCO, so the caller never hears silence. */
  onAnswerRingbackTone?: string;
  dtmfAnswer?: string;
}

export function phoneEndpoint(
  number: PhoneNumber,
  options: PhoneEndpointOptions = {},
  field = 'endpoint',
): PhoneEndpoint {
  if (options.dtmfAnswer !== undefined && !/^[0-9*#p]{1,32}$/.test(options.dtmfAnswer)) {
    invalid('INVALID_VALUE', `${field}.dtmfAnswer`, 'dtmfAnswer holds digits, *, # and p (pause) only');
  }
  if (options.onAnswerRingbackTone !== undefined && options.onAnswerUrl === undefined) {
    invalid('REQUIRED', `${field}.onAnswer.url`, 'an onAnswer ringback tone needs an onAnswer URL');
  }
  const onAnswer =
    options.onAnswerUrl === undefined
      ? undefined
      : compact({
          url: httpUrl(options.onAnswerUrl, `${field}.onAnswer.url`),
          ringbackTone:
            options.onAnswerRingbackTone === undefined
              ? undefined
              : httpUrl(options.onAnswerRingbackTone, `${field}.onAnswer.ringbackTone`),
        });
  return compact<PhoneEndpoint>({
    type: 'phone',
    number: toVonageNumber(number),
    dtmfAnswer: options.dtmfAnswer,
    onAnswer,
  });
}

export function sipEndpoint(
  uri: string,
  options: { headers?: Record<string, string>; userToUser?: string } = {},
  field = 'endpoint',
): SipEndpoint {
  if (typeof uri !== 'string' || !/^sips?:[^\s@]+@[^\s]+$/.test(uri))
    invalid('INVALID_SIP_URI', `${field}.uri`, `"${uri}" is not a sip: URI`);
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(name) || typeof value !== 'string' || /[\r\n]/.test(value)) {
      invalid(
        'INVALID_SIP_HEADER',
        `${field}.headers.${name}`,
        'a SIP header is a token name with a single-line text value',
      );
    }
  }
  return compact<SipEndpoint>({
    type: 'sip',
    uri,
    headers: options.headers,
    standardHeaders: options.userToUser === undefined ? undefined : { 'User-to-User': options.userToUser },
  });
}

export interface AdvancedMachineDetectionOptions {
  /** @defaultValue 'continue': the machine event reaches the event URL, which decides. */
  behavior?: MachineDetectionBehavior;
  /** @defaultValue 'detect' */
  mode?: AdvancedMachineDetectionMode;
  /** 45 to 120; only with beep detection. */
  beepTimeoutSeconds?: number;
}

export interface ConnectOptions {
  from?: PhoneNumber;
  /** `null` for an asynchronous connect. @defaultValue 'synchronous' when an event URL is given */
  eventType?: 'synchronous' | null;
  timeoutSeconds?: number;
  limitSeconds?: number;
  machineDetection?: MachineDetectionBehavior;
  advancedMachineDetection?: AdvancedMachineDetectionOptions;
  eventUrl?: string;
  /** @defaultValue 'POST' when an event URL is given */
  eventMethod?: NccoEventMethod;
  ringbackToneUrl?: string;
}

export function connect(endpoint: ConnectEndpoint, options: ConnectOptions = {}, field = 'connect'): ConnectAction {
  const limits = NCCO_LIMITS;
  const eventUrl = options.eventUrl === undefined ? undefined : httpUrl(options.eventUrl, `${field}.eventUrl`);
  return compact<ConnectAction>({
    action: 'connect',
    endpoint: [endpoint],
    from: options.from === undefined ? undefined : toVonageNumber(options.from),
    eventType: options.eventType === null || eventUrl === undefined ? undefined : 'synchronous',
    timeout:
      options.timeoutSeconds === undefined
        ? undefined
        : integerIn(options.timeoutSeconds, limits.connectTimeoutSeconds, `${field}.timeout`),
    limit:
      options.limitSeconds === undefined
        ? undefined
        : integerIn(options.limitSeconds, limits.connectLimitSeconds, `${field}.limit`),
    machineDetection:
      options.machineDetection === undefined
        ? undefined
        : oneOf(options.machineDetection, ['continue', 'hangup'], `${field}.machineDetection`),
    advancedMachineDetection:
      options.advancedMachineDetection === undefined
        ? undefined
        : advancedMachineDetection(options.advancedMachineDetection, `${field}.advancedMachineDetection`),
    eventUrl: eventUrl === undefined ? undefined : [eventUrl],
    eventMethod:
      eventUrl === undefined ? undefined : oneOf(options.eventMethod ?? 'POST', EVENT_METHODS, `${field}.eventMethod`),
    ringbackTone:
      options.ringbackToneUrl === undefined ? undefined : httpUrl(options.ringbackToneUrl, `${field}.ringbackTone`),
  });
}

function advancedMachineDetection(options: AdvancedMachineDetectionOptions, field: string) {
  const { min, max } = NCCO_LIMITS.beepTimeoutSeconds;
  return compact({
    behavior: oneOf(options.behavior ?? 'continue', ['continue', 'hangup'], `${field}.behavior`),
    mode: oneOf(options.mode ?? 'detect', ['default', 'detect', 'detect_beep'], `${field}.mode`),
    beep_timeout:
      options.beepTimeoutSeconds === undefined
        ? undefined
        : integerIn(options.beepTimeoutSeconds, { min, max }, `${field}.beepTimeout`),
  });
}

export interface RecordOptions {
  format?: RecordingFormat;
  beepStart?: boolean;
  endOnSilenceSeconds?: number;
  endOnKey?: string;
  timeOutSeconds?: number;
  eventUrl?: string;
  /** @defaultValue 'POST' when an event URL is given */
  eventMethod?: NccoEventMethod;
}

export function record(options: RecordOptions = {}, field = 'record'): RecordAction {
  const { recordTimeOutSeconds: timeOut, recordEndOnSilenceSeconds: silence } = NCCO_LIMITS;
  if (options.endOnKey !== undefined && !/^[0-9*#]$/.test(options.endOnKey)) {
    invalid('INVALID_VALUE', `${field}.endOnKey`, 'endOnKey is one key: 0-9, * or #');
  }
  const eventUrl = options.eventUrl === undefined ? undefined : httpUrl(options.eventUrl, `${field}.eventUrl`);
  return compact<RecordAction>({
    action: 'record',
    format: options.format === undefined ? undefined : oneOf(options.format, ['mp3', 'wav', 'ogg'], `${field}.format`),
    beepStart: options.beepStart === undefined ? undefined : booleanValue(options.beepStart, `${field}.beepStart`),
    endOnSilence:
      options.endOnSilenceSeconds === undefined
        ? undefined
        : integerIn(options.endOnSilenceSeconds, silence, `${field}.endOnSilence`),
    endOnKey: options.endOnKey,
    timeOut:
      options.timeOutSeconds === undefined ? undefined : integerIn(options.timeOutSeconds, timeOut, `${field}.timeOut`),
    eventUrl: eventUrl === undefined ? undefined : [eventUrl],
    eventMethod:
      eventUrl === undefined ? undefined : oneOf(options.eventMethod ?? 'POST', EVENT_METHODS, `${field}.eventMethod`),
  });
}

export interface DtmfInputOptions {
  maxDigits?: number;
  timeOutSeconds?: number;
  submitOnHash?: boolean;
  eventUrl?: string;
  /** @defaultValue 'POST' when an event URL is given */
  eventMethod?: NccoEventMethod;
}

export function dtmfInput(options: DtmfInputOptions = {}, field = 'input'): InputAction {
  const { dtmfTimeOutSeconds: timeOut, dtmfMaxDigits: digits } = NCCO_LIMITS;
  const dtmf = compact<DtmfSettings>({
    maxDigits:
      options.maxDigits === undefined ? undefined : integerIn(options.maxDigits, digits, `${field}.dtmf.maxDigits`),
    timeOut:
      options.timeOutSeconds === undefined
        ? undefined
        : integerIn(options.timeOutSeconds, timeOut, `${field}.dtmf.timeOut`),
    submitOnHash:
      options.submitOnHash === undefined ? undefined : booleanValue(options.submitOnHash, `${field}.dtmf.submitOnHash`),
  });
  const eventUrl = options.eventUrl === undefined ? undefined : httpUrl(options.eventUrl, `${field}.eventUrl`);
  return compact<InputAction>({
    action: 'input',
    type: ['dtmf'],
    dtmf: Object.keys(dtmf).length > 0 ? dtmf : undefined,
    eventUrl: eventUrl === undefined ? undefined : [eventUrl],
    eventMethod:
      eventUrl === undefined ? undefined : oneOf(options.eventMethod ?? 'POST', EVENT_METHODS, `${field}.eventMethod`),
  });
}

export function notify(
  payload: { readonly [key: string]: JsonValue },
  eventUrl: string,
  { eventMethod, field = 'notify' }: { eventMethod?: NccoEventMethod; field?: string } = {},
): NotifyAction {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    invalid('INVALID_VALUE', `${field}.payload`, 'a notify payload is a JSON object');
  }
  return compact<NotifyAction>({
    action: 'notify',
    payload,
    eventUrl: [httpUrl(eventUrl, `${field}.eventUrl`)],
    eventMethod: eventMethod === undefined ? undefined : oneOf(eventMethod, EVENT_METHODS, `${field}.eventMethod`),
  });
}

/** Joins the leg to the conversation `name` (letters, digits, `-`, `_`; up to 100). */
export function conversation(
  name: string,
  options: { musicOnHoldUrl?: string; startOnEnter?: boolean; endOnExit?: boolean } = {},
  field = 'conversation',
): ConversationAction {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(name)) invalid('INVALID_VALUE', `${field}.name`, 'a conversation name');
  return compact<ConversationAction>({
    action: 'conversation',
    name,
    musicOnHoldUrl:
      options.musicOnHoldUrl === undefined ? undefined : [httpUrl(options.musicOnHoldUrl, `${field}.musicOnHoldUrl`)],
    startOnEnter: options.startOnEnter,
    endOnExit: options.endOnExit,
  });
}
