/** Strings of the hotlines screens (namespace `hotlines`). */
export const hotlines = {
  en: {},
  fr: {},
};
