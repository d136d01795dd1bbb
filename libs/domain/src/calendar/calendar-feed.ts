import { AssigneeRef } from '../directory/assignee';
import { Hotline } from '../directory/hotline';
import { Person } from '../directory/person';
import { Directory, membersOf } from '../directory/team';
import { Override, Slot } from '../schedule/slot';
import { DAY_MS, Id, Instant, InstantRange, TimeZone } from '../shared';

/** Whose shifts a calendar feed holds: one person's (on every hotline), or one hotline's. */
export type CalendarFeedOwner =
  { readonly kind: 'person'; readonly id: Id } | { readonly kind: 'hotline'; readonly id: Id };

export const CALENDAR_FEED_DAYS_BACK = 30;
export const CALENDAR_FEED_DAYS_AHEAD = 180;

/** What a feed fetched at `now` covers: 30 days back to 180 days ahead. */
export const calendarFeedWindow = (now: Instant): InstantRange => ({
  start: now - CALENDAR_FEED_DAYS_BACK * DAY_MS,
  end: now + CALENDAR_FEED_DAYS_AHEAD * DAY_MS,
});

/** One shift in a feed: `[start, end)` in real time, written in `timeZone` (the hotline's). */
export interface CalendarEvent {
  /** Stable across fetches, so calendar apps update the event rather than add another: `slot-<id>@dutyline`, `override-<id>@dutyline`. */
  readonly uid: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly timeZone: TimeZone;
  readonly summary: string;
  readonly description: string;
}

export interface CalendarFeed {
  readonly name: string;
  /** By start, then uid. */
  readonly events: readonly CalendarEvent[];
}

/** A hotline's slots and overrides around a feed's window (slots overlapping it in wall-clock time, with margin). */
export interface HotlineSchedule {
  readonly hotline: Hotline;
  readonly slots: readonly Slot[];
  readonly overrides: readonly Override[];
}

/** A person, and the schedules of the hotlines whose shifts may ring them. */
export interface PersonSchedules {
  readonly person: Person;
  readonly schedules: readonly HotlineSchedule[];
}

/** An assignee at an escalation level (0 = first). */
interface Assignment {
  readonly ref: AssigneeRef;
  readonly level: number;
}

export const slotUid = (slotId: Id): string => `slot-${slotId}@dutyline`;
export const overrideUid = (overrideId: Id): string => `override-${overrideId}@dutyline`;

/**
 * Whether the wall-clock time of `at` in `zone` occurs only once, so that any reader maps it back to
 * `at`: false in a repeated hour (clocks going back), where RFC 5545 means the first pass and some
 * parsers (node-ical) take the second.
 */
export function isWritableInZone(zone: TimeZone, at: Instant): boolean {
  const wall = zone.toLocal(at).wall;
  const readings = [wall - zone.offsetAt(wall - DAY_MS), wall - zone.offsetAt(wall + DAY_MS)].filter(
    (t) => zone.toLocal(t).wall === wall,
  );
  return readings.every((t) => t === at);
}

const assignmentsOfSlot = (slot: Slot): Assignment[] => slot.assignees.map((ref, level) => ({ ref, level }));
const assignmentsOfOverride = (o: Override): Assignment[] =>
  o.level === null
    ? o.assignees.map((ref, level) => ({ ref, level }))
    : o.assignees.map((ref) => ({ ref, level: o.level as number }));

const levelsText = (levels: readonly number[]): string =>
  levels.length === 1 ? `level ${levels[0] + 1}` : `levels ${levels.map((l) => l + 1).join(', ')}`;

const nameOf = (directory: Directory, ref: AssigneeRef): string =>
  (ref.kind === 'person' ? directory.person(ref.id)?.name : directory.team(ref.id)?.name) ?? `${ref.kind} ${ref.id}`;

const numbered = (lines: readonly string[]): string[] => lines.map((line, i) => `${i + 1}. ${line}`);

const enabledNumbers = (p: Person): string[] =>
  p.contactNumbers.filter((n) => n.enabled).map((n) => `${n.label} ${n.number.e164}`);

/** When the shift runs in real time and overlaps the window; null for a slot lying wholly in a skipped hour. */
function realTime(zone: TimeZone, slot: Slot, window: InstantRange): { start: Instant; end: Instant } | null {
  const start = zone.toInstant(slot.start);
  const end = zone.toInstant(slot.end);
  return end > start && start < window.end && end > window.start ? { start, end } : null;
}

const overlaps = (o: Override, window: InstantRange): boolean =>
  o.end > o.start && o.start < window.end && o.end > window.start;

const byStart = (a: CalendarEvent, b: CalendarEvent): number =>
  a.start - b.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);

function overrideNote(o: Override): string[] {
  const scope = o.level === null ? 'every level' : `level ${o.level + 1}`;
  return [`Override: replaces the schedule's ${scope} for this time.`, ...(o.reason ? [`Reason: ${o.reason}`] : [])];
}

/**
 * One person's feed: every slot and override of `schedules` that rings them, directly or as a member
 * of a team ("via team …"). Summary: the hotline and level; description: how they come to be rung
 * and their enabled numbers in ringing order. `directory` holds the teams and people the shifts name.
 */
export function personCalendar(
  { person, schedules }: PersonSchedules,
  directory: Directory,
  window: InstantRange,
): CalendarFeed {
  const events: CalendarEvent[] = [];
  const roles = (assignments: readonly Assignment[]) =>
    assignments.filter(({ ref }) => membersOf(directory, ref).some((member) => member.id === person.id));
  const describe = (hotline: Hotline, mine: readonly Assignment[], extra: readonly string[]): string => {
    const numbers = enabledNumbers(person);
    return [
      ...extra,
      ...mine.map(({ ref, level }) => {
        if (ref.kind === 'person') return `Level ${level + 1} on ${hotline.name} (${hotline.number.e164}).`;
        const order = membersOf(directory, ref)
          .map((m) => (m.id === person.id ? `${m.name} (you)` : m.name))
          .join(', ');
        return `Level ${level + 1} on ${hotline.name} (${hotline.number.e164}) via team ${nameOf(directory, ref)}, whose members are rung in order: ${order}.`;
      }),
      ...(numbers.length > 0
        ? ['Your numbers, rung in order:', ...numbered(numbers)]
        : ['None of your numbers is enabled: calls skip you.']),
    ].join('\n');
  };

  for (const { hotline, slots, overrides } of schedules) {
    const zone = hotline.timeZone;
    for (const slot of slots) {
      const mine = roles(assignmentsOfSlot(slot));
      const when = mine.length > 0 ? realTime(zone, slot, window) : null;
      if (!when) continue;
      events.push({
        uid: slotUid(slot.id),
        ...when,
        timeZone: zone,
        summary: `${hotline.name} — ${levelsText(mine.map((m) => m.level))}`,
        description: describe(hotline, mine, []),
      });
    }
    for (const o of overrides) {
      const mine = roles(assignmentsOfOverride(o));
      if (mine.length === 0 || !overlaps(o, window)) continue;
      events.push({
        uid: overrideUid(o.id),
        start: o.start,
        end: o.end,
        timeZone: zone,
        summary: `${hotline.name} — ${levelsText(mine.map((m) => m.level))} (override)`,
        description: describe(hotline, mine, overrideNote(o)),
      });
    }
  }
  return { name: `${person.name} — on call`, events: events.sort(byStart) };
}

/**
 * A hotline's feed: all its slots and overrides. Summary: the assignees by level; description: the
 * numbers rung in order (a team's members in turn, each through their enabled numbers), with labels.
 */
export function hotlineCalendar(schedule: HotlineSchedule, directory: Directory, window: InstantRange): CalendarFeed {
  const { hotline } = schedule;
  const zone = hotline.timeZone;
  const summaryOf = (assignments: readonly Assignment[]) =>
    assignments.map(({ ref, level }) => `Level ${level + 1}: ${nameOf(directory, ref)}`).join(' · ');
  const ringing = (assignments: readonly Assignment[]): string[] => {
    const lines = assignments.flatMap(({ ref, level }) => {
      const via = ref.kind === 'team' ? `, team ${nameOf(directory, ref)}` : '';
      return membersOf(directory, ref).flatMap((member) =>
        enabledNumbers(member).map((n) => `${member.name} (level ${level + 1}${via}) — ${n}`),
      );
    });
    return lines.length > 0 ? ['Rung in order:', ...numbered(lines)] : ['Nobody here has an enabled number.'];
  };

  const events: CalendarEvent[] = [];
  for (const slot of schedule.slots) {
    const when = realTime(zone, slot, window);
    if (!when) continue;
    const assignments = assignmentsOfSlot(slot);
    events.push({
      uid: slotUid(slot.id),
      ...when,
      timeZone: zone,
      summary: summaryOf(assignments),
      description: ringing(assignments).join('\n'),
    });
  }
  for (const o of schedule.overrides) {
    if (!overlaps(o, window)) continue;
    const assignments = assignmentsOfOverride(o);
    events.push({
      uid: overrideUid(o.id),
      start: o.start,
      end: o.end,
      timeZone: zone,
      summary: `Override — ${summaryOf(assignments)}`,
      description: [...overrideNote(o), ...ringing(assignments)].join('\n'),
    });
  }
  return { name: `${hotline.name} — on call`, events: events.sort(byStart) };
}
