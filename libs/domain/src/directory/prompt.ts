import { invalid } from '../shared';

/** Something played to a caller: text spoken in a language, or an audio file. */
export type Prompt =
  | { readonly kind: 'text'; readonly text: string; readonly language: string }
  | { readonly kind: 'audio'; readonly url: string };

export interface PromptInput {
  text?: string | null;
  language?: string | null;
  audioUrl?: string | null;
}

const BCP47 = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Spoken text is limited to what a text-to-speech action accepts (1,500 characters). */
export function prompt(input: PromptInput, field = 'prompt', defaultLanguage = 'en-GB'): Prompt {
  const hasText = typeof input?.text === 'string' && input.text.trim() !== '';
  const hasAudio = typeof input?.audioUrl === 'string' && input.audioUrl.trim() !== '';
  if (hasText === hasAudio) invalid('INVALID_PROMPT', field, 'give either a text or an audio URL');
  if (hasAudio) {
    const url = input.audioUrl!.trim();
    if (!/^https?:\/\/[^\s]+$/.test(url)) invalid('INVALID_URL', `${field}.audioUrl`, `"${url}" is not an http(s) URL`);
    return { kind: 'audio', url };
  }
  const text = input.text!.trim();
  if (text.length > 1500) invalid('TOO_LONG', `${field}.text`, 'a spoken text may be at most 1500 characters');
  const language = input.language ?? defaultLanguage;
  if (!BCP47.test(language))
    invalid('INVALID_LANGUAGE', `${field}.language`, `"${language}" is not a language tag such as fr-FR`);
  return { kind: 'text', text, language };
}
