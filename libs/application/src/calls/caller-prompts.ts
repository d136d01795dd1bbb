import { Prompt } from '@dutyline/domain';

const APOLOGIES: Readonly<Record<string, { language: string; text: string }>> = {
  en: {
    language: 'en-GB',
    text: 'We are sorry, we cannot take your call right now. Please call again in a few minutes. Goodbye.',
  },
  fr: {
    language: 'fr-FR',
    text: 'Nous sommes désolés, nous ne pouvons pas prendre votre appel pour le moment. Merci de rappeler dans quelques minutes. Au revoir.',
  },
  de: {
    language: 'de-DE',
    text: 'Es tut uns leid, wir können Ihren Anruf gerade nicht annehmen. Bitte rufen Sie in einigen Minuten erneut an. Auf Wiederhören.',
  },
  es: {
    language: 'es-ES',
    text: 'Lo sentimos, no podemos atender su llamada en este momento. Vuelva a llamar en unos minutos. Adiós.',
  },
};

/** "Sorry, call again in a few minutes", in the language's primary subtag (`fr-CA` → French spoken as `fr-CA`), else British English. */
export function apologyPrompt(language: string): Extract<Prompt, { kind: 'text' }> {
  return localised(APOLOGIES, language);
}

function localised(
  texts: Readonly<Record<string, { language: string; text: string }>>,
  language: string,
): Extract<Prompt, { kind: 'text' }> {
  const known = texts[language.split('-')[0]];
  if (!known) return { kind: 'text', ...texts['en'] };
  return { kind: 'text', text: known.text, language: language.includes('-') ? language : known.language };
}

const OUT_OF_SERVICE: Readonly<Record<string, { language: string; text: string }>> = {
  en: { language: 'en-GB', text: 'This line is not in service at the moment.' },
  fr: { language: 'fr-FR', text: "Cette ligne n'est pas en service pour le moment." },
  de: { language: 'de-DE', text: 'Diese Leitung ist derzeit nicht in Betrieb.' },
  es: { language: 'es-ES', text: 'Esta línea no está en servicio en este momento.' },
};

/** What the caller of a disabled account's hotline hears, in its language as `apologyPrompt` picks it. */
export function outOfServicePrompt(language: string): Extract<Prompt, { kind: 'text' }> {
  return localised(OUT_OF_SERVICE, language);
}
