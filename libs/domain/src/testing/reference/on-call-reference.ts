/**
 * Brute-force references for the property tests: slow, obvious re-readings of the raw slots,
 * overrides and service hours, to compare the fast modules against. They trust only
 * `TimeZone.toInstant` (the documented local → instant rule) and the directory.
 */
import { AssigneeRef, sameAssignee } from '../../directory/assignee';
import { Hotline } from '../../directory/hotline';
import { Person } from '../../directory/person';
import { ServiceHours } from '../../directory/service-hours';
import { Directory } from '../../directory/team';
import { CallStep, DialStep } from '../../routing/call-plan';
import { Override, Slot } from '../../schedule/slot';
import {
  DAY_MS,
  Id,
  Instant,
  InstantRange,
  LocalDate,
  LocalDateTime,
  MINUTE_MS,
  TimeZone,
  formatInstant,
} from '../../shared';

/** Who the reference finds on duty at one instant. */
export interface ReferenceOnCall {
  readonly levels: readonly AssigneeRef[];
  readonly slotId: Id | null;
  /** The last whole-list override in force and every level override created after it, oldest first. */
  readonly overrideIds: readonly Id[];
}

/** What one minute of a hotline's time is, for coverage. */
export type MinuteKind = 'outside-service' | 'covered' | 'nobody-scheduled' | 'nobody-reachable';

export interface ReferenceGap {
  readonly hotlineId: Id;
  readonly start: Instant;
  readonly end: Instant;
  readonly reason: 'nobody-scheduled' | 'nobody-reachable' | 'mixed';
  readonly startsBeforeRange: boolean;
  readonly endsAfterRange: boolean;
  readonly key: string;
  readonly fingerprint: string;
}

/** "Created last wins": later `createdAt` first; on a tie the id handed out later (longer, then greater). */
function createdBefore(a: Override, b: Override): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  if (a.id.length !== b.id.length) return a.id.length - b.id.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One hotline's raw slots and overrides, read again from scratch for every instant asked about. */
export class ReferenceSchedule {
  private readonly timedSlots: { slot: Slot; start: Instant; end: Instant }[];

  constructor(
    readonly zone: TimeZone,
    readonly slots: readonly Slot[],
    readonly overrides: readonly Override[],
  ) {
    this.timedSlots = slots.map((slot) => ({ slot, start: zone.toInstant(slot.start), end: zone.toInstant(slot.end) }));
  }

  onCallAt(at: Instant): ReferenceOnCall {
    const covering = this.timedSlots.filter((s) => s.start <= at && at < s.end);
    if (covering.length > 1)
      throw new Error(`reference: slots ${covering.map((s) => s.slot.id).join(', ')} overlap at ${formatInstant(at)}`);
    const slot = covering[0]?.slot ?? null;
    const overrides = this.overrides.filter((o) => o.start <= at && at < o.end).sort(createdBefore);

    let levels: AssigneeRef[] = slot ? [...slot.assignees] : [];
    let overrideIds: Id[] = [];
    for (const o of overrides) {
      if (o.level === null) {
        levels = [...o.assignees];
        overrideIds = [o.id];
        continue;
      }
      if (o.level < levels.length) levels = [...levels.slice(0, o.level), ...o.assignees, ...levels.slice(o.level + 1)];
      else levels = [...levels, ...o.assignees];
      overrideIds.push(o.id);
    }
    // Nobody is rung twice: an assignee keeps only its earliest level.
    const distinct: AssigneeRef[] = [];
    for (const a of levels) if (!distinct.some((b) => sameAssignee(a, b))) distinct.push(a);
    return { levels: distinct, slotId: slot?.id ?? null, overrideIds };
  }
}

function peopleOf(directory: Directory, ref: AssigneeRef): Person[] {
  if (ref.kind === 'person') {
    const p = directory.person(ref.id);
    return p ? [p] : [];
  }
  const ids = directory.team(ref.id)?.memberIds ?? [];
  return ids.flatMap((id) => {
    const p = directory.person(id);
    return p ? [p] : [];
  });
}

/** The call steps for `levels`, rung in order, each number once, then the hotline's scenario. */
export function referencePlanSteps(hotline: Hotline, levels: readonly AssigneeRef[], directory: Directory): CallStep[] {
  const steps: CallStep[] = [];
  const dialled: string[] = [];
  const ring = (p: Person, { via, level, teamId }: Pick<DialStep, 'via' | 'level' | 'teamId'>) => {
    for (const n of p.contactNumbers) {
      if (!n.enabled || dialled.includes(n.number.e164)) continue;
      dialled.push(n.number.e164);
      steps.push({
        kind: 'dial',
        number: n.number.e164,
        label: n.label,
        ringTimeoutSeconds: n.ringTimeout.seconds,
        personId: p.id,
        personName: p.name,
        via,
        level,
        teamId,
        maxSimultaneousCalls: p.maxSimultaneousCalls,
      });
    }
  };
  levels.forEach((ref, level) => {
    for (const p of peopleOf(directory, ref))
      ring(p, { via: 'on-call', level, teamId: ref.kind === 'team' ? ref.id : null });
  });
  for (const step of hotline.scenario) {
    if (step.kind === 'supervisors') {
      for (const id of hotline.supervisorIds) {
        const p = directory.person(id);
        if (p) ring(p, { via: 'supervisor', level: null, teamId: null });
      }
    } else if (step.kind === 'voicemail') {
      steps.push({ kind: 'voicemail', greeting: step.greeting });
    } else {
      steps.push({ kind: 'message', message: step.message });
    }
  }
  return steps;
}

/**
 * Every real-time stretch of intended service that could touch `[from, to)`, unmerged: each weekly
 * window on each matching local day, bounds through `toInstant` (`end <= start` ends the next day).
 */
function serviceStretches(hours: ServiceHours, zone: TimeZone, { start: from, end: to }: InstantRange): InstantRange[] {
  if (hours.kind === 'always') return [{ start: -Infinity, end: Infinity }];
  const stretches: InstantRange[] = [];
  const firstDay = Math.floor(from / DAY_MS) - 3;
  const lastDay = Math.floor(to / DAY_MS) + 3;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const w of hours.windows) {
      if (!w.days.has(LocalDate.ofEpochDay(day).weekday)) continue;
      const endDay = w.end.minuteOfDay <= w.start.minuteOfDay ? day + 1 : day;
      stretches.push({
        start: zone.toInstant(LocalDateTime.ofWall(day * DAY_MS + w.start.minuteOfDay * MINUTE_MS)),
        end: zone.toInstant(LocalDateTime.ofWall(endDay * DAY_MS + w.end.minuteOfDay * MINUTE_MS)),
      });
    }
  }
  return stretches;
}

function isReachable(directory: Directory, ref: AssigneeRef): boolean {
  return peopleOf(directory, ref).some((p) => p.contactNumbers.some((n) => n.enabled));
}

/** What the reference reads: a hotline, its schedule and the people and teams they name. */
export interface ReferenceWorld {
  readonly hotline: Pick<Hotline, 'id' | 'timeZone' | 'serviceHours'>;
  readonly schedule: ReferenceSchedule;
  readonly directory: Directory;
}

/** The kind of each real minute `[from + i min, from + (i + 1) min)` of `[from, to)`; both on whole minutes. */
export function referenceMinutes({ hotline, schedule, directory }: ReferenceWorld, range: InstantRange): MinuteKind[] {
  const { start: from, end: to } = range;
  if (from % MINUTE_MS !== 0 || to % MINUTE_MS !== 0) throw new Error('reference: minutes start on whole minutes');
  const service = serviceStretches(hotline.serviceHours, hotline.timeZone, range);
  const kinds: MinuteKind[] = [];
  for (let at = from; at < to; at += MINUTE_MS) {
    if (!service.some((s) => s.start <= at && at < s.end)) kinds.push('outside-service');
    else {
      const { levels } = schedule.onCallAt(at);
      if (levels.length === 0) kinds.push('nobody-scheduled');
      else kinds.push(levels.some((ref) => isReachable(directory, ref)) ? 'covered' : 'nobody-reachable');
    }
  }
  return kinds;
}

const isGapMinute = (kind: MinuteKind | undefined) => kind === 'nobody-scheduled' || kind === 'nobody-reachable';

/** What the reference finds uncovered in a range. */
export interface ReferenceCoverage {
  /** The start of every minute of the range inside service hours with nobody reachable on duty. */
  readonly uncoveredMinutes: readonly Instant[];
  /** Those minutes as maximal runs, flagged where a run goes on beyond the range. */
  readonly gaps: readonly ReferenceGap[];
}

/**
 * Coverage of `range` (whole minutes), read from the minutes of `[range.start - 1 min, range.end + 1 min)`
 * so that runs going on beyond the range are flagged.
 */
export function referenceCoverage(world: ReferenceWorld, range: InstantRange): ReferenceCoverage {
  const { hotline } = world;
  const kinds = referenceMinutes(world, { start: range.start - MINUTE_MS, end: range.end + MINUTE_MS });
  const minuteAt = (i: number) => range.start + (i - 1) * MINUTE_MS;
  const uncoveredMinutes: Instant[] = [];
  const gaps: ReferenceGap[] = [];
  for (let i = 1; i < kinds.length - 1;) {
    if (!isGapMinute(kinds[i])) {
      i++;
      continue;
    }
    const first = i;
    const reasons = new Set<MinuteKind>();
    for (; i < kinds.length - 1 && isGapMinute(kinds[i]); i++) {
      reasons.add(kinds[i]);
      uncoveredMinutes.push(minuteAt(i));
    }
    const start = minuteAt(first);
    const end = minuteAt(i);
    const startsBeforeRange = first === 1 && isGapMinute(kinds[0]);
    const endsAfterRange = i === kinds.length - 1 && isGapMinute(kinds[i]);
    const key = `${hotline.id}@${formatInstant(start)}`;
    gaps.push({
      hotlineId: hotline.id,
      start,
      end,
      reason: reasons.size > 1 ? 'mixed' : (reasons.values().next().value as 'nobody-scheduled' | 'nobody-reachable'),
      startsBeforeRange,
      endsAfterRange,
      key,
      fingerprint: `${key}/${endsAfterRange ? 'open' : formatInstant(end)}`,
    });
  }
  return { uncoveredMinutes, gaps };
}
