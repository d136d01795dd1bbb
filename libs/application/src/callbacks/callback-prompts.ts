import { Prompt } from '@dutyline/domain';

/*
 * What callers and agents hear during callback capture and callbacks. English text tagged with the
 * hotline's language, like the call confirmation; numbers are read digit by digit.
 */

type Spoken = Extract<Prompt, { kind: 'text' }>;

const say = (text: string, language: string): Spoken => ({ kind: 'text', text, language });

/** `+33612345678` → `plus 3 3 6 1 2 …`; keyed digits are read as keyed. */
export function spokenNumber(number: string): string {
  const digits = number
    .replace(/[^0-9]/g, '')
    .split('')
    .join(' ');
  return number.trim().startsWith('+') ? `plus ${digits}` : digits;
}

export const CALLBACK_PROMPTS = {
  offerAtGreeting: (key: string, language: string) =>
    say(`To be called back instead of waiting, press ${key}.`, language),
  offerBeforeVoicemail: (key: string, language: string) =>
    say(`Nobody could take your call. To be called back, press ${key}. Otherwise, stay on the line.`, language),
  menu: (number: string, language: string) =>
    say(`We can call you back on ${spokenNumber(number)}. Press 1 to confirm, or 2 to enter another number.`, language),
  enter: (withheld: boolean, language: string) =>
    say(
      `${withheld ? 'Your number is withheld. ' : ''}Please enter the number to call you back on, followed by the hash key.`,
      language,
    ),
  refused: (
    reason: 'CALLBACK_NUMBER_INVALID' | 'CALLBACK_NUMBER_PREMIUM_RATE' | 'CALLBACK_NUMBER_COUNTRY_NOT_ALLOWED',
    language: string,
  ) =>
    say(
      `${
        {
          CALLBACK_NUMBER_INVALID: 'That is not a valid phone number.',
          CALLBACK_NUMBER_PREMIUM_RATE: 'Premium-rate numbers cannot be called back.',
          CALLBACK_NUMBER_COUNTRY_NOT_ALLOWED: 'We cannot call back numbers in that country.',
        }[reason]
      } Please enter another number, followed by the hash key.`,
      language,
    ),
  readBack: (keyed: string, language: string) =>
    say(`You entered ${spokenNumber(keyed)}. Press 1 to confirm, or 2 to enter it again.`, language),
  thanks: (number: string, language: string) =>
    say(`Thank you. We will call you back on ${spokenNumber(number)}. Goodbye.`, language),
  notTaken: (language: string) => say('Sorry, we could not take your number.', language),
  agentAnnouncement: (serviceName: string, number: string, language: string) =>
    say(`Callback request for ${serviceName}: ${spokenNumber(number)}. Press 1 to call them now.`, language),
  callerNotReached: (language: string) =>
    say('The caller did not answer. The attempt has been recorded. Goodbye.', language),
  goodbye: (language: string) => say('Goodbye.', language),
} as const;
