/** Strings of the schedule screens (namespace `schedule`). */
export const schedule = {
  en: {},
  fr: {},
};
