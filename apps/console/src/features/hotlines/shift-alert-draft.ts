import type {
  ShiftAlertChannel,
  ShiftAlertSettingsFieldsFragment,
  UpdateShiftAlertSettingsInput,
} from '../../gql/graphql';

/** The shift-start alert settings as the form edits them (numbers as typed until saved). */
export interface ShiftAlertDraft {
  readonly enabled: boolean;
  readonly minutesBefore: number | string;
  readonly channels: ShiftAlertChannel[];
  readonly acknowledge: boolean;
  readonly withinMinutes: number | string;
}

export const CHANNELS: readonly ShiftAlertChannel[] = ['SMS', 'EMAIL'];
const DEFAULT_ACK_MINUTES = 15;

/** The input fields the section shows errors at (the rest are shown above the save button). */
export const SHIFT_ALERT_FIELDS: readonly string[] = [
  'enabled',
  'minutesBefore',
  'channels',
  ...CHANNELS.map((_, i) => `channels[${i}]`),
  'acknowledge',
  'acknowledge.withinMinutes',
];

export function shiftAlertDraft(settings: ShiftAlertSettingsFieldsFragment): ShiftAlertDraft {
  return {
    enabled: settings.enabled,
    minutesBefore: settings.minutesBefore,
    channels: CHANNELS.filter((c) => settings.channels.includes(c)),
    acknowledge: settings.acknowledge !== null && settings.acknowledge !== undefined,
    withinMinutes: settings.acknowledge?.withinMinutes ?? DEFAULT_ACK_MINUTES,
  };
}

/** An empty number field is sent as 0, so the server's refusal names it. */
const whole = (value: number | string): number => (value === '' ? 0 : Number(value));

/** Turned off: only that, so the hidden fields can never block it. */
export function shiftAlertInput(hotlineId: string, draft: ShiftAlertDraft): UpdateShiftAlertSettingsInput {
  if (!draft.enabled) return { hotlineId, enabled: false };
  return {
    hotlineId,
    enabled: true,
    minutesBefore: whole(draft.minutesBefore),
    channels: CHANNELS.filter((c) => draft.channels.includes(c)),
    acknowledge: draft.acknowledge ? { withinMinutes: whole(draft.withinMinutes) } : null,
  };
}
