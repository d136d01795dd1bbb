/**
 * The NCCO (call control object) actions this product uses, typed as Vonage's Voice API reads them.
 * Every value is plain JSON: an NCCO is what the answer and event webhooks return.
 * Vonage reads NCCO keys in camelCase; the one exception is inside `advancedMachineDetection`
 * (`beep_timeout`), see `VonageAdvancedMachineDetection`.
 */

/** A webhook target: Vonage wants an array holding exactly one URL. */
export type NccoUrl = readonly [string];

export type NccoEventMethod = 'GET' | 'POST';

export interface TalkAction {
  readonly action: 'talk';
  /** At most 1500 characters; SSML inside `<speak>`. */
  readonly text: string;
  /** BCP-47 tag, e.g. `fr-FR`. */
  readonly language?: string;
  /** Voice style index for the language. */
  readonly style?: number;
  /** Times to repeat; 0 repeats until the call ends. */
  readonly loop?: number;
  /** Volume from -1 to 1. */
  readonly level?: number;
  /** Lets a following `input` action receive keys pressed while this plays. */
  readonly bargeIn?: boolean;
}

export interface StreamAction {
  readonly action: 'stream';
  /** One mp3 or wav file. */
  readonly streamUrl: NccoUrl;
  readonly loop?: number;
  readonly level?: number;
  readonly bargeIn?: boolean;
}

export interface PhoneEndpoint {
  readonly type: 'phone';
  /** E.164 digits without the leading `+` (Vonage's own form). */
  readonly number: string;
  /** Digits sent once the callee answers. */
  readonly dtmfAnswer?: string;
  /** An NCCO fetched from `url` and played to the callee before the two legs are joined. */
  readonly onAnswer?: { readonly url: string; readonly ringbackTone?: string };
}

export interface SipEndpoint {
  readonly type: 'sip';
  /** `sip:` or `sips:` URI. */
  readonly uri: string;
  /** Sent as `X-` headers. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly standardHeaders?: { readonly 'User-to-User'?: string };
}

export type ConnectEndpoint = PhoneEndpoint | SipEndpoint;

export type MachineDetectionBehavior = 'continue' | 'hangup';
export type AdvancedMachineDetectionMode = 'default' | 'detect' | 'detect_beep';

/**
 * Advanced machine detection as it appears inside an NCCO `connect` action (`advancedMachineDetection`).
 * Inner keys keep Vonage's snake case (`beep_timeout`), as the Java and Python SDKs send them.
 */
export interface VonageAdvancedMachineDetection {
  readonly behavior: MachineDetectionBehavior;
  readonly mode: AdvancedMachineDetectionMode;
  /** 45 to 120 seconds. */
  readonly beep_timeout?: number;
}

export interface ConnectAction {
  readonly action: 'connect';
  /** Exactly one endpoint. */
  readonly endpoint: readonly [ConnectEndpoint];
  /** The caller id shown to the callee: digits of one of the account's numbers. */
  readonly from?: string;
  /** `synchronous`: the NCCO returned by `eventUrl` for an unsuccessful leg replaces the current one. */
  readonly eventType?: 'synchronous';
  /** Ring time in seconds (3 to 7200, Vonage's default 60). */
  readonly timeout?: number;
  /** Maximum call length in seconds (1 to 7200). */
  readonly limit?: number;
  readonly machineDetection?: MachineDetectionBehavior;
  readonly advancedMachineDetection?: VonageAdvancedMachineDetection;
  readonly eventUrl?: NccoUrl;
  readonly eventMethod?: NccoEventMethod;
  /** Audio played to the caller while the callee's phone rings. */
  readonly ringbackTone?: string;
}

export type RecordingFormat = 'mp3' | 'wav' | 'ogg';

export interface RecordAction {
  readonly action: 'record';
  readonly format?: RecordingFormat;
  /** Plays a beep when recording starts. */
  readonly beepStart?: boolean;
  /** Seconds of silence (3 to 10) that end the recording. */
  readonly endOnSilence?: number;
  /** A key (`0`-`9`, `*`, `#`) that ends the recording. */
  readonly endOnKey?: string;
  /** Maximum length in seconds (3 to 7200). */
  readonly timeOut?: number;
  readonly eventUrl?: NccoUrl;
  readonly eventMethod?: NccoEventMethod;
}

export interface DtmfSettings {
  /** Seconds to wait after the last key (0 to 10, Vonage's default 3). */
  readonly timeOut?: number;
  /** Digits to collect (1 to 20, Vonage's default 4). */
  readonly maxDigits?: number;
  readonly submitOnHash?: boolean;
}

export interface InputAction {
  readonly action: 'input';
  readonly type: readonly ['dtmf'];
  readonly dtmf?: DtmfSettings;
  readonly eventUrl?: NccoUrl;
  readonly eventMethod?: NccoEventMethod;
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface NotifyAction {
  readonly action: 'notify';
  readonly payload: { readonly [key: string]: JsonValue };
  readonly eventUrl: NccoUrl;
  readonly eventMethod?: NccoEventMethod;
}

/** A named conference: legs placed in the same `name` hear each other (an all-at-once group's join, F26). */
export interface ConversationAction {
  readonly action: 'conversation';
  readonly name: string;
  /** One audio URL played while the conversation has not started. */
  readonly musicOnHoldUrl?: NccoUrl;
  /** false: this leg waits (music on hold) until a leg with `startOnEnter` true joins. @defaultValue true */
  readonly startOnEnter?: boolean;
  /** The conversation ends for everyone when this leg leaves. @defaultValue false */
  readonly endOnExit?: boolean;
}

export type NccoAction =
  TalkAction | StreamAction | ConnectAction | RecordAction | InputAction | NotifyAction | ConversationAction;

/** A call control object: the actions Vonage runs in order. An empty NCCO lets the current one go on. */
export type Ncco = readonly NccoAction[];
