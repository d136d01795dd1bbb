/** Strings of the directory screens (namespace `directory`). */
export const directory = {
  en: {},
  fr: {},
};
