import { Instant, TimeZone } from '@dutyline/domain';

/** What a message says: the hotline, the level, the duty's bounds in the hotline's zone, the link if any. */
export interface ShiftAlertFacts {
  readonly hotlineName: string;
  /** BCP-47; `fr…` gets French, anything else English. */
  readonly language: string;
  readonly zone: TimeZone;
  readonly personName: string;
  readonly level: number;
  readonly start: Instant;
  readonly end: Instant;
  readonly ackUrl: string | null;
}

const when = (at: Instant, zone: TimeZone) => {
  const local = zone.toLocal(at);
  const [year, month, day] = local.date.toString().split('-');
  return { date: `${day}/${month}/${year}`, time: local.time.toString() };
};

const french = (language: string) => language.toLowerCase().startsWith('fr');

/** The alert to the person going on duty: a text short enough for one or two SMS, the same as the mail body. */
export function shiftAlertText(facts: ShiftAlertFacts): { subject: string; text: string } {
  const start = when(facts.start, facts.zone);
  const end = when(facts.end, facts.zone);
  const level = facts.level + 1;
  if (french(facts.language)) {
    const text = [
      `Prise de poste ${facts.hotlineName} : vous êtes d'astreinte (niveau ${level}) du ${start.date} ${start.time} au ${end.date} ${end.time} (${facts.zone.name}).`,
      ...(facts.ackUrl ? [`Confirmez : ${facts.ackUrl}`] : []),
    ].join('\n');
    return { subject: `Prise de poste ${facts.hotlineName} le ${start.date} à ${start.time}`, text };
  }
  const text = [
    `Shift start on ${facts.hotlineName}: you are on duty (level ${level}) from ${start.date} ${start.time} to ${end.date} ${end.time} (${facts.zone.name}).`,
    ...(facts.ackUrl ? [`Please acknowledge: ${facts.ackUrl}`] : []),
  ].join('\n');
  return { subject: `Your duty on ${facts.hotlineName} starts ${start.date} ${start.time}`, text };
}

/** To the supervisors: the alert to `personName` was not acknowledged in time. */
export function unacknowledgedText(facts: Omit<ShiftAlertFacts, 'ackUrl'>): { subject: string; text: string } {
  const start = when(facts.start, facts.zone);
  const level = facts.level + 1;
  if (french(facts.language)) {
    const text = `${facts.personName} n'a pas confirmé sa prise de poste ${facts.hotlineName} (niveau ${level}) du ${start.date} à ${start.time} (${facts.zone.name}).`;
    return { subject: `Prise de poste non confirmée : ${facts.personName}, ${facts.hotlineName}`, text };
  }
  const text = `${facts.personName} has not acknowledged their duty on ${facts.hotlineName} (level ${level}) starting ${start.date} ${start.time} (${facts.zone.name}).`;
  return { subject: `Shift start not acknowledged: ${facts.personName}, ${facts.hotlineName}`, text };
}
