import { PhoneNumber, Prompt } from '@dutyline/domain';
import {
  AdvancedMachineDetectionOptions,
  BCP47,
  connect,
  dtmfInput,
  phoneEndpoint,
  playPrompt,
  record,
  talk,
} from './vonage-ncco.actions';
import { Ncco, RecordingFormat } from './vonage-ncco.types';
import { integerIn } from './vonage-validation';

/* The NCCOs routing needs, from the single actions of vonage-ncco.actions.ts. */

export interface ConnectToNumberOptions {
  /** Played to the caller before the first ring. */
  greeting?: Prompt | null;
  to: PhoneNumber;
  /** Caller id shown to the callee: the hotline's number or the caller's. */
  from: PhoneNumber;
  ringTimeoutSeconds: number;
  /** Receives the leg's events; for busy/timeout/unanswered/failed/rejected it answers the next NCCO. */
  eventUrl: string;
  /** Played to the caller while the callee's phone rings (and during the confirmation). */
  ringbackToneUrl?: string;
  /** Serves the NCCO played to the callee before joining (`answerConfirmationNcco`); the callee must press 1. */
  confirmationUrl?: string;
  /** Advanced machine detection on the callee leg; a machine must then count as not answered. */
  machineDetection?: AdvancedMachineDetectionOptions;
  limitSeconds?: number;
}

/** Optional greeting, then a synchronous `connect` to one number: one step of the cascade. */
export function connectToNumberNcco(options: ConnectToNumberOptions): Ncco {
  const endpoint = phoneEndpoint(
    options.to,
    {
      onAnswerUrl: options.confirmationUrl,
      onAnswerRingbackTone: options.confirmationUrl === undefined ? undefined : options.ringbackToneUrl,
    },
    'connect.endpoint',
  );
  return [
    ...(options.greeting ? [playPrompt(options.greeting, {}, 'greeting')] : []),
    connect(endpoint, {
      from: options.from,
      timeoutSeconds: options.ringTimeoutSeconds,
      limitSeconds: options.limitSeconds,
      eventUrl: options.eventUrl,
      eventMethod: 'POST',
      ringbackToneUrl: options.ringbackToneUrl,
      advancedMachineDetection: options.machineDetection,
    }),
  ];
}

export interface AnswerConfirmationOptions {
  /** "Call for <hotline> from <caller>, press 1 to take it." */
  announcement: Prompt;
  /** Receives the key pressed (or the time-out) as an input event. */
  eventUrl: string;
  /** Seconds to wait for the key once the announcement has played. @defaultValue 5 */
  timeoutSeconds?: number;
  /** How many times the announcement plays. @defaultValue 2 */
  announcementPlays?: number;
}

/** Played to the callee through `onAnswer`: the announcement (interruptible), then one DTMF key. */
export function answerConfirmationNcco(options: AnswerConfirmationOptions): Ncco {
  return [
    playPrompt(
      options.announcement,
      { bargeIn: true, loop: integerIn(options.announcementPlays ?? 2, { min: 1, max: 10 }, 'announcementPlays') },
      'announcement',
    ),
    dtmfInput({
      maxDigits: 1,
      timeOutSeconds: options.timeoutSeconds ?? 5,
      eventUrl: options.eventUrl,
      eventMethod: 'POST',
    }),
  ];
}

export interface VoicemailOptions {
  greeting?: Prompt | null;
  /** Receives the record event (`recording_url`). */
  eventUrl: string;
  /** @defaultValue 120 */
  maxSeconds?: number;
  /** @defaultValue 5 */
  endOnSilenceSeconds?: number;
  /** @defaultValue '#' */
  endOnKey?: string | null;
  /** @defaultValue true */
  beepStart?: boolean;
  /** @defaultValue 'mp3' */
  format?: RecordingFormat;
  /** Played once the recording has ended, before the call ends. */
  closing?: Prompt | null;
}

/** Optional greeting, a beep, the recording; the call ends when the NCCO does. */
export function voicemailNcco(options: VoicemailOptions): Ncco {
  return [
    ...(options.greeting ? [playPrompt(options.greeting, {}, 'greeting')] : []),
    record({
      format: options.format ?? 'mp3',
      beepStart: options.beepStart ?? true,
      endOnSilenceSeconds: options.endOnSilenceSeconds ?? 5,
      endOnKey: options.endOnKey === null ? undefined : (options.endOnKey ?? '#'),
      timeOutSeconds: options.maxSeconds ?? 120,
      eventUrl: options.eventUrl,
      eventMethod: 'POST',
    }),
    ...(options.closing ? [playPrompt(options.closing, {}, 'closing')] : []),
  ];
}

/** Plays the message; the NCCO ends there, so Vonage hangs up. */
export function messageThenHangupNcco(message: Prompt): Ncco {
  return [playPrompt(message, {}, 'message')];
}

const UNKNOWN_NUMBER_TEXTS: Readonly<Record<string, { language: string; text: string }>> = {
  en: {
    language: 'en-GB',
    text: 'Sorry, this number is not in service. Please check the number and try again. Goodbye.',
  },
  fr: {
    language: 'fr-FR',
    text: "Désolé, ce numéro n'est pas en service. Vérifiez le numéro et réessayez. Au revoir.",
  },
  de: {
    language: 'de-DE',
    text: 'Leider ist diese Rufnummer nicht in Betrieb. Bitte prüfen Sie die Nummer und versuchen Sie es erneut. Auf Wiederhören.',
  },
  es: {
    language: 'es-ES',
    text: 'Lo sentimos, este número no está en servicio. Compruebe el número e inténtelo de nuevo. Adiós.',
  },
};

/**
 * For a call to a number no hotline owns: a polite message, then hang up. `language` picks the text by its
 * primary subtag (`fr-CA` → French, spoken as `fr-CA`); an unknown language falls back to British English.
 */
export function unknownNumberNcco(language = 'en-GB'): Ncco {
  const primary = BCP47.test(language) ? language.split('-')[0] : 'en';
  const known = UNKNOWN_NUMBER_TEXTS[primary];
  const chosen = known
    ? { text: known.text, language: language.includes('-') ? language : known.language }
    : UNKNOWN_NUMBER_TEXTS['en'];
  return [talk(chosen.text, { language: chosen.language })];
}
