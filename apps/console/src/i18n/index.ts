import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { auth } from '../features/auth/i18n';
import { schedule } from '../features/schedule/i18n';
import { scheduleTools } from '../features/schedule/tools/i18n';
import { directory } from '../features/directory/i18n';
import { hotlines } from '../features/hotlines/i18n';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'dutyline.language';

/** The language chosen in the console, else the browser's first supported one, else English. */
export function initialLanguage(): Language {
  const chosen = window.localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(chosen as Language)) return chosen as Language;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(base as Language)) return base as Language;
  }
  return 'en';
}

export function chooseLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

// `account` registers itself when its pages load (features/account/register-i18n.ts).
const namespaces = { common, auth, schedule, scheduleTools, directory, hotlines };

void i18n.use(initReactI18next).init({
  resources: {
    en: Object.fromEntries(Object.entries(namespaces).map(([ns, texts]) => [ns, texts.en])),
    fr: Object.fromEntries(Object.entries(namespaces).map(([ns, texts]) => [ns, texts.fr])),
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

export default i18n;
