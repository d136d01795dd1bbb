import { CallLeg, CallRecord, Instant, TimeZone } from '@dutyline/domain';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Sun 28 Mar 2027, 03:15 (Europe/Paris, UTC+02:00)`: the hotline's wall clock, with its offset then. */
export function localTimeText(at: Instant, zone: TimeZone): string {
  const local = zone.toLocal(at);
  const date = local.date;
  const [year, month, day] = date.toString().split('-').map(Number);
  return `${WEEKDAYS[date.weekday - 1]} ${day} ${MONTHS[month - 1]} ${year}, ${local.time.toString()} (${zone.toString()}, ${offsetText(zone.offsetAt(at))})`;
}

/** `28 Mar 2027 03:15`: short, for subjects and text messages. */
export function shortLocalTime(at: Instant, zone: TimeZone): string {
  const local = zone.toLocal(at);
  const [year, month, day] = local.date.toString().split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year} ${local.time.toString()}`;
}

/** `UTC+05:30`, `UTC-04:00`, `UTC+00:00`. */
export function offsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export const callerText = (caller: string | null): string => caller ?? 'a withheld number';

const OUTCOMES: Record<CallLeg['outcome'], string> = {
  confirmed: 'took the call',
  answered: 'picked up',
  busy: 'busy',
  'no-answer': 'no answer',
  failed: 'failed',
  rejected: 'rejected',
  machine: 'answering machine',
  declined: 'declined',
  'not-confirmed': 'did not press 1',
  cancelled: 'caller hung up while it rang',
  'skipped-busy': 'skipped (on another call)',
  ringing: 'ringing',
};

/** One line per number dialled: `- Alice Martin (mobile +33612345678, on duty level 1): no answer after 20 s`. */
export function legLines(record: CallRecord): string[] {
  if (record.legs.length === 0) return ['- nobody could be rung'];
  return record.legs.map((leg) => {
    const role = leg.via === 'supervisor' ? 'supervisor' : `on duty level ${(leg.level ?? 0) + 1}`;
    const rang =
      leg.ringSeconds === null || leg.outcome === 'skipped-busy' ? '' : ` after ${Math.round(leg.ringSeconds)} s`;
    const detail = leg.detail ? ` [${leg.detail}${leg.sipCode ? ` ${leg.sipCode}` : ''}]` : '';
    return `- ${leg.personName} (${leg.label} ${leg.number}, ${role}): ${OUTCOMES[leg.outcome]}${rang}${detail}`;
  });
}

/** How the call ended, for an alert: `The caller left a voicemail.` */
export function endingText(record: CallRecord): string {
  switch (record.outcome) {
    case 'voicemail':
      return record.voicemailRecording
        ? 'The caller left a voicemail (sent separately).'
        : 'The caller reached the voicemail.';
    case 'message':
      return 'The caller heard the closing message.';
    case 'abandoned':
      return 'The caller hung up while a number was ringing.';
    default:
      return `The call ended as "${record.outcome}".`;
  }
}

const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/ogg': 'ogg',
};

/** `voicemail-2027-03-28-0315.mp3`, named after the local time the call came in. */
export function voicemailFileName(at: Instant, zone: TimeZone, contentType: string): string {
  const local = zone.toLocal(at);
  const extension = EXTENSIONS[contentType.split(';')[0].trim().toLowerCase()] ?? 'bin';
  return `voicemail-${local.date.toString()}-${local.time.toString().replace(':', '')}.${extension}`;
}
