import { Directory, membersOf } from '../directory/team';
import { Id, Instant, MINUTE_MS, assertInstant, formatInstant, invalid } from '../shared';
import { OnCall } from './slot';

/** How a shift-start alert reaches the person going on duty. */
export type ShiftAlertChannel = 'sms' | 'email';

export const SHIFT_ALERT_CHANNELS: readonly ShiftAlertChannel[] = ['sms', 'email'];

/** The person must acknowledge within `withinMinutes` of the alert (by the link it carries), or the supervisors are told. */
export interface ShiftAlertAcknowledgement {
  readonly withinMinutes: number;
  readonly by: 'link';
}

/** A hotline's "prise de poste" alerts (F27). Plain data. */
export interface ShiftAlertSettings {
  readonly hotlineId: Id;
  readonly enabled: boolean;
  /** Whole minutes before the duty starts, 1 to 1440. */
  readonly minutesBefore: number;
  /** At least one, no repeats. */
  readonly channels: readonly ShiftAlertChannel[];
  readonly acknowledge: ShiftAlertAcknowledgement | null;
}

export interface ShiftAlertSettingsInput {
  readonly hotlineId: Id;
  /** @defaultValue false */
  readonly enabled?: boolean;
  /** @defaultValue 30 */
  readonly minutesBefore?: number;
  /** @defaultValue ['sms'] */
  readonly channels?: readonly string[];
  /** @defaultValue null (no acknowledgement asked) */
  readonly acknowledge?: { readonly withinMinutes: number; readonly by?: string } | null;
}

/** What a hotline that never saved settings has: no alerts. */
export const defaultShiftAlertSettings = (hotlineId: Id): ShiftAlertSettings => ({
  hotlineId,
  enabled: false,
  minutesBefore: 30,
  channels: ['sms'],
  acknowledge: null,
});

function minutesIn(value: unknown, { field, max }: { field: string; max: number }): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    invalid('INVALID_MINUTES', field, `${field} is a whole number of minutes from 1 to ${max}, not ${String(value)}`);
  }
  return value;
}

/** Validates the settings, filling the documented defaults; field paths are relative (`acknowledge.withinMinutes`). */
export function shiftAlertSettings(input: ShiftAlertSettingsInput): ShiftAlertSettings {
  const d = defaultShiftAlertSettings(input.hotlineId);
  const enabled = input.enabled ?? d.enabled;
  if (typeof enabled !== 'boolean') invalid('INVALID_ENABLED', 'enabled', 'enabled is true or false');
  const channels = input.channels ?? d.channels;
  if (!Array.isArray(channels) || channels.length === 0) {
    invalid('NO_CHANNEL', 'channels', 'channels names at least one of "sms" and "email"');
  }
  channels.forEach((channel, i) => {
    if (!SHIFT_ALERT_CHANNELS.includes(channel as ShiftAlertChannel)) {
      invalid('INVALID_CHANNEL', `channels[${i}]`, `a channel is "sms" or "email", not "${String(channel)}"`);
    }
    if (channels.indexOf(channel) !== i) invalid('DUPLICATE_CHANNEL', `channels[${i}]`, `"${channel}" is named twice`);
  });
  const ack = input.acknowledge ?? null;
  if (ack !== null && (ack.by ?? 'link') !== 'link') {
    invalid('INVALID_ACKNOWLEDGEMENT', 'acknowledge.by', `an acknowledgement is by "link", not "${String(ack.by)}"`);
  }
  return {
    hotlineId: input.hotlineId,
    enabled,
    minutesBefore: minutesIn(input.minutesBefore ?? d.minutesBefore, { field: 'minutesBefore', max: 1440 }),
    channels: [...(channels as ShiftAlertChannel[])],
    acknowledge:
      ack === null
        ? null
        : { withinMinutes: minutesIn(ack.withinMinutes, { field: 'acknowledge.withinMinutes', max: 240 }), by: 'link' },
  };
}

/** One person's duty beginning: they were not on duty just before `start`. */
export interface DutyStart {
  /** `shift-alert:<hotlineId>:<personId>:<start ISO UTC>`: the alert's job id and ledger key. */
  readonly id: string;
  readonly hotlineId: Id;
  readonly personId: Id;
  /** The on-call level (0 = first) the person holds at `start`, through a team or in person. */
  readonly level: number;
  readonly start: Instant;
  /** Where their continuous duty ends (level changes on the way do not end it). */
  readonly end: Instant;
}

export const shiftAlertId = (hotlineId: Id, personId: Id, start: Instant): string =>
  `shift-alert:${hotlineId}:${personId}:${formatInstant(start)}`;

/** The job checking the acknowledgement of the alert `alertId`. */
export const shiftAckCheckId = (alertId: string): string => `shift-ack-check:${alertId.slice('shift-alert:'.length)}`;

/** Who is on duty when, and where that changes: the `ScheduleIndex` has this shape. */
export interface ScheduleTimeline {
  onCallAt(at: Instant): OnCall;
  nextChangeAfter(at: Instant): Instant | null;
}

/** The schedule (already built in the hotline's zone) and the people its teams expand to. */
export interface DutyStartsRequest {
  readonly hotlineId: Id;
  readonly schedule: ScheduleTimeline;
  readonly directory: Directory;
  /** Starts in `[from, to)`. */
  readonly from: Instant;
  readonly to: Instant;
}

/** Each person on duty at an instant, with their first level (a team expands to its members, as the call plan does). */
function peopleOnDuty(schedule: ScheduleTimeline, directory: Directory, at: Instant): Map<Id, number> {
  const people = new Map<Id, number>();
  schedule.onCallAt(at).levels.forEach((ref, level) => {
    for (const person of membersOf(directory, ref)) if (!people.has(person.id)) people.set(person.id, level);
  });
  return people;
}

/**
 * Every duty start in `[from, to)`, ordered by start then person id. A person on duty without a break
 * across adjacent slots or overrides has one start; ids the directory does not know are skipped. The
 * schedule answers "nobody" beyond what it was built from: load past `to` as far as duties may last.
 */
export function dutyStarts({ hotlineId, schedule, directory, from, to }: DutyStartsRequest): DutyStart[] {
  assertInstant(from, 'from');
  assertInstant(to, 'to');
  const starts: DutyStart[] = [];
  for (let at: Instant | null = from; at !== null && at < to; at = schedule.nextChangeAfter(at)) {
    const before = peopleOnDuty(schedule, directory, at - 1);
    for (const [personId, level] of peopleOnDuty(schedule, directory, at)) {
      if (before.has(personId)) continue;
      starts.push({
        id: shiftAlertId(hotlineId, personId, at),
        hotlineId,
        personId,
        level,
        start: at,
        end: dutyEnd(schedule, directory, { personId, start: at }),
      });
    }
  }
  return starts.sort((a, b) => a.start - b.start || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

function dutyEnd(
  schedule: DutyStartsRequest['schedule'],
  directory: Directory,
  { personId, start }: { personId: Id; start: Instant },
): Instant {
  let at = schedule.nextChangeAfter(start);
  while (at !== null && peopleOnDuty(schedule, directory, at).has(personId)) at = schedule.nextChangeAfter(at);
  return at ?? start;
}

/** A shift-start alert owed: the duty, when the alert goes, and when its acknowledgement is checked (null: none asked). */
export interface PlannedShiftAlert {
  readonly duty: DutyStart;
  readonly alertAt: Instant;
  readonly ackCheckAt: Instant | null;
}

export interface ShiftAlertPlanRequest extends Omit<DutyStartsRequest, 'hotlineId'> {
  readonly settings: ShiftAlertSettings;
}

/** The alerts whose instant (duty start − `minutesBefore`) falls in `[from, to)`; none when the settings are disabled. */
export function plannedShiftAlerts({
  settings,
  schedule,
  directory,
  from,
  to,
}: ShiftAlertPlanRequest): PlannedShiftAlert[] {
  if (!settings.enabled) return [];
  const lead = settings.minutesBefore * MINUTE_MS;
  const duties = dutyStarts({ hotlineId: settings.hotlineId, schedule, directory, from: from + lead, to: to + lead });
  return duties.map((duty) => {
    const alertAt = duty.start - lead;
    const ackCheckAt = settings.acknowledge ? alertAt + settings.acknowledge.withinMinutes * MINUTE_MS : null;
    return { duty, alertAt, ackCheckAt };
  });
}

/**
 * The duty an alert job was queued for, as the CURRENT schedule has it: the same person's duty still
 * starting at the same instant, or null (the slot moved or was deleted: the job is stale, it sends nothing).
 */
export function currentDutyStart(
  request: Omit<DutyStartsRequest, 'from' | 'to'> & { personId: Id; start: Instant },
): DutyStart | null {
  const { personId, start } = request;
  const found = dutyStarts({ ...request, from: start, to: start + 1 });
  return found.find((duty) => duty.personId === personId) ?? null;
}
