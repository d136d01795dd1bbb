import { LocalTime, WeekdaySet, invalid, validatingUnder } from '../shared';

/**
 * One weekly window of intended service, in the hotline's zone. `end` at or before `start` means the
 * window runs past midnight into the next day (Mon–Fri 18:00 → 08:00 starts on Mon–Fri evenings).
 */
export interface WeeklyWindow {
  readonly days: WeekdaySet;
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** When the hotline is meant to be answered: always, or on given weekly windows. */
export type ServiceHours =
  { readonly kind: 'always' } | { readonly kind: 'weekly'; readonly windows: readonly WeeklyWindow[] };

export const ALWAYS: ServiceHours = { kind: 'always' };

export interface WeeklyWindowInput {
  days: readonly string[];
  start: string;
  end: string;
}

export function serviceHours(
  input: { always: true } | { windows: readonly WeeklyWindowInput[] },
  field = 'serviceHours',
): ServiceHours {
  if ('always' in input && input.always) return ALWAYS;
  const windows = 'windows' in input ? input.windows : undefined;
  if (!Array.isArray(windows) || windows.length === 0) {
    invalid('INVALID_SERVICE_HOURS', field, 'give service hours as "always" or at least one weekly window');
  }
  return {
    kind: 'weekly',
    windows: windows.map((w, i) =>
      validatingUnder(`${field}.windows[${i}]`, () => {
        const start = LocalTime.parse(w.start, 'start');
        const end = LocalTime.parse(w.end, 'end');
        return { days: WeekdaySet.of(w.days, 'days'), start, end };
      }),
    ),
  };
}
