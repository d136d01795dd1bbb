import i18n from 'i18next';
import { account } from './i18n';

// The account pages load when first opened, and their strings with them: the schedule board's first
// download stays as it was. Every account page imports this module before it renders.
for (const language of Object.keys(account) as (keyof typeof account)[]) {
  if (!i18n.hasResourceBundle(language, 'account')) i18n.addResourceBundle(language, 'account', account[language]);
}
