import { EmailAddress, invalid, validatingUnder } from '@dutyline/domain';

// The notification settings of a hotline: the notifications send by them, the coverage check reads them too.

/** Who gets a message about a hotline: the people on duty at that moment, its supervisors, fixed addresses. */
export interface RecipientChoice {
  /** The on-call people of the call's plan snapshot (the escalation levels, teams expanded). */
  readonly onDuty: boolean;
  /** The hotline's supervisors, in their order. */
  readonly supervisors: boolean;
  /** Extra addresses, e.g. a shared mailbox. E-mail only. */
  readonly emails: readonly EmailAddress[];
}

/** Per-hotline notification settings (F13, F14, F16). Plain data; build with `notificationSettings`. */
export interface NotificationSettings {
  readonly voicemail: {
    /** @defaultValue on duty and supervisors, no extra address */
    readonly email: RecipientChoice;
    /** An SMS with a link to the recording, to the first mobile of each chosen person. @defaultValue off */
    readonly sms: { readonly onDuty: boolean; readonly supervisors: boolean };
    /** How long the SMS link plays the recording. @defaultValue 72 */
    readonly linkHours: number;
  };
  /** F14: to the supervisors (and `emails`). @defaultValue e-mail on, SMS off */
  readonly unansweredAlert: {
    readonly email: boolean;
    readonly sms: boolean;
    readonly emails: readonly EmailAddress[];
  };
  /** F16: to the supervisors (and `emails`). @defaultValue on, 14 days ahead */
  readonly gapAlerts: {
    readonly enabled: boolean;
    readonly lookAheadDays: number;
    readonly emails: readonly EmailAddress[];
  };
}

export const DEFAULT_LOOK_AHEAD_DAYS = 14;
export const MAX_LOOK_AHEAD_DAYS = 90;
export const DEFAULT_LINK_HOURS = 72;
export const MAX_LINK_HOURS = 24 * 30;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  voicemail: {
    email: { onDuty: true, supervisors: true, emails: [] },
    sms: { onDuty: false, supervisors: false },
    linkHours: DEFAULT_LINK_HOURS,
  },
  unansweredAlert: { email: true, sms: false, emails: [] },
  gapAlerts: { enabled: true, lookAheadDays: DEFAULT_LOOK_AHEAD_DAYS, emails: [] },
};

/** What an API or a stored document gives; every field optional, defaults fill the rest. */
export interface NotificationSettingsInput {
  voicemail?: {
    email?: { onDuty?: boolean; supervisors?: boolean; emails?: readonly string[] };
    sms?: { onDuty?: boolean; supervisors?: boolean };
    linkHours?: number;
  };
  unansweredAlert?: { email?: boolean; sms?: boolean; emails?: readonly string[] };
  gapAlerts?: { enabled?: boolean; lookAheadDays?: number; emails?: readonly string[] };
}

/** Validates and completes settings. @throws ValidationError naming the field (`gapAlerts.lookAheadDays`) */
export function notificationSettings(input: NotificationSettingsInput = {}): NotificationSettings {
  const d = DEFAULT_NOTIFICATION_SETTINGS;
  const v = input.voicemail ?? {};
  const u = input.unansweredAlert ?? {};
  const g = input.gapAlerts ?? {};
  return {
    voicemail: {
      email: {
        onDuty: flag(v.email?.onDuty, d.voicemail.email.onDuty, 'voicemail.email.onDuty'),
        supervisors: flag(v.email?.supervisors, d.voicemail.email.supervisors, 'voicemail.email.supervisors'),
        emails: emails(v.email?.emails, 'voicemail.email.emails'),
      },
      sms: {
        onDuty: flag(v.sms?.onDuty, d.voicemail.sms.onDuty, 'voicemail.sms.onDuty'),
        supervisors: flag(v.sms?.supervisors, d.voicemail.sms.supervisors, 'voicemail.sms.supervisors'),
      },
      linkHours: wholeIn(v.linkHours, {
        fallback: d.voicemail.linkHours,
        max: MAX_LINK_HOURS,
        field: 'voicemail.linkHours',
      }),
    },
    unansweredAlert: {
      email: flag(u.email, d.unansweredAlert.email, 'unansweredAlert.email'),
      sms: flag(u.sms, d.unansweredAlert.sms, 'unansweredAlert.sms'),
      emails: emails(u.emails, 'unansweredAlert.emails'),
    },
    gapAlerts: {
      enabled: flag(g.enabled, d.gapAlerts.enabled, 'gapAlerts.enabled'),
      lookAheadDays: wholeIn(g.lookAheadDays, {
        fallback: d.gapAlerts.lookAheadDays,
        max: MAX_LOOK_AHEAD_DAYS,
        field: 'gapAlerts.lookAheadDays',
      }),
      emails: emails(g.emails, 'gapAlerts.emails'),
    },
  };
}

/** The settings as plain JSON input (e-mail addresses as text): what a store keeps. */
export function notificationSettingsInput(settings: NotificationSettings): NotificationSettingsInput {
  return JSON.parse(JSON.stringify(settings)) as NotificationSettingsInput;
}

function flag(value: unknown, fallback: boolean, field: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') invalid('INVALID_FLAG', field, `${field} is true or false`);
  return value;
}

/** A whole number from 1 to `max`; `fallback` when absent. */
function wholeIn(value: unknown, { fallback, max, field }: { fallback: number; max: number; field: string }): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    invalid('OUT_OF_RANGE', field, `${field} is a whole number from 1 to ${max}`);
  }
  return value;
}

function emails(values: readonly string[] | undefined, field: string): EmailAddress[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) invalid('INVALID_EMAILS', field, `${field} is a list of e-mail addresses`);
  if (values.length > 20) invalid('TOO_MANY', field, 'at most 20 extra addresses');
  const parsed = values.map((text, i) => validatingUnder(`${field}[${i}]`, () => EmailAddress.parse(text, '')));
  return parsed.filter((e, i) => parsed.findIndex((f) => f.value === e.value) === i);
}
