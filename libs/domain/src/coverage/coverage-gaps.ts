import { AssigneeRef } from '../directory/assignee';
import { Hotline } from '../directory/hotline';
import { Directory, assigneeIsReachable } from '../directory/team';
import { OnCallSegment } from '../schedule/slot';
import { Id, Instant, InstantRange, formatInstant } from '../shared';
import { coverageRange } from './coverage-range';
import { SegmentSource } from './segment-source';
import { expandServiceHours } from './service-hours-expansion';

/**
 * Why nobody answers during a gap: nobody is on the schedule, everyone scheduled has no enabled number
 * (or is unknown to the directory), or a gap made of both kinds of stretches back to back.
 */
export type GapReason = 'nobody-scheduled' | 'nobody-reachable' | 'mixed';

/** A stretch of intended service time with nobody reachable on duty. Plain JSON-serialisable data. */
export interface Gap {
  readonly hotlineId: Id;
  /** Clipped to the query range. */
  readonly start: Instant;
  /** Clipped to the query range. */
  readonly end: Instant;
  readonly reason: GapReason;
  /** The gap really goes on before the query range (its `start` is the range start). */
  readonly startsBeforeRange: boolean;
  /** The gap really goes on after the query range (its `end` is the range end). */
  readonly endsAfterRange: boolean;
  /**
   * Names the gap occurrence across runs: hotline + start instant (`hl-1@2027-03-28T01:00:00.000Z`).
   * When `startsBeforeRange` the start is the range start, so the key follows the range.
   */
  readonly key: string;
  /**
   * Changes when the gap changes: key + end (`…/2027-03-28T04:00:00.000Z`), or key + `/open` when
   * `endsAfterRange`, so a gap running past a sliding horizon keeps its fingerprint.
   */
  readonly fingerprint: string;
}

export interface CoverageQuery {
  readonly hotline: Pick<Hotline, 'id' | 'timeZone' | 'serviceHours'>;
  readonly schedule: SegmentSource;
  readonly directory: Directory;
  /** Real time `[start, end)`, at most `MAX_COVERAGE_RANGE_DAYS` long. */
  readonly range: InstantRange;
}

/**
 * The gaps of a hotline within `range`: time inside its service hours where no segment has an
 * assignee (any level) who is reachable. Time outside service hours is never a gap; touching gap
 * stretches are one gap. In order. Throws `ValidationError` for a bad range.
 */
export function coverageGaps(query: CoverageQuery): Gap[] {
  return analyseCoverage(query).gaps;
}

/** Service ranges and gaps in one pass; shared with the coverage summary. */
export function analyseCoverage(query: CoverageQuery): { range: InstantRange; service: InstantRange[]; gaps: Gap[] } {
  const range = coverageRange(query.range);
  const { hotline, schedule } = query;
  const service = expandServiceHours(hotline.serviceHours, hotline.timeZone, range);
  const covers = coverageTest(query.directory);
  const stretches = uncoveredStretches(service, checkedSegments(schedule.segments(range.start, range.end)), covers);
  if (stretches.length === 0) return { range, service, gaps: [] };

  const uncoveredAt = (at: Instant) =>
    expandServiceHours(hotline.serviceHours, hotline.timeZone, { start: at, end: at + 1 }).length > 0 &&
    !schedule.segments(at, at + 1).some(covers);
  const first = stretches[0];
  const last = stretches[stretches.length - 1];
  const beforeOpen = first.start === range.start && uncoveredAt(range.start - 1);
  const afterOpen = last.end === range.end && uncoveredAt(range.end);
  const gaps = stretches.map((s) => {
    const startsBeforeRange = s === first && beforeOpen;
    const endsAfterRange = s === last && afterOpen;
    const key = `${hotline.id}@${formatInstant(s.start)}`;
    return {
      hotlineId: hotline.id,
      start: s.start,
      end: s.end,
      reason: s.reason,
      startsBeforeRange,
      endsAfterRange,
      key,
      fingerprint: `${key}/${endsAfterRange ? 'open' : formatInstant(s.end)}`,
    };
  });
  return { range, service, gaps };
}

interface Stretch {
  start: Instant;
  end: Instant;
  reason: GapReason;
}

/** One sweep over service ranges and segments, both in order: linear in their counts. */
function uncoveredStretches(
  service: readonly InstantRange[],
  segments: readonly OnCallSegment[],
  covers: (s: OnCallSegment) => boolean,
): Stretch[] {
  const stretches: Stretch[] = [];
  const add = (start: Instant, end: Instant, reason: GapReason) => {
    const last = stretches[stretches.length - 1];
    if (last && last.end === start) {
      last.end = end;
      if (last.reason !== reason) last.reason = 'mixed';
    } else {
      stretches.push({ start, end, reason });
    }
  };
  let next = 0;
  for (const window of service) {
    let cursor = window.start;
    while (cursor < window.end) {
      while (next < segments.length && segments[next].end <= cursor) next++;
      const segment = segments[next];
      if (!segment || segment.start >= window.end) {
        add(cursor, window.end, 'nobody-scheduled');
        break;
      }
      if (segment.start > cursor) {
        add(cursor, segment.start, 'nobody-scheduled');
        cursor = segment.start;
      }
      const until = Math.min(segment.end, window.end);
      if (!covers(segment)) add(cursor, until, 'nobody-reachable');
      cursor = until;
    }
  }
  return stretches;
}

/** Whether a segment is held by someone reachable; reachability is looked up once per assignee. */
function coverageTest(directory: Directory): (segment: OnCallSegment) => boolean {
  const known = { person: new Map<Id, boolean>(), team: new Map<Id, boolean>() };
  const reachable = (ref: AssigneeRef) => {
    const answers = known[ref.kind];
    let answer = answers.get(ref.id);
    if (answer === undefined) {
      answer = assigneeIsReachable(directory, ref);
      answers.set(ref.id, answer);
    }
    return answer;
  };
  return (segment) => {
    for (const ref of segment.levels) if (reachable(ref)) return true;
    return false;
  };
}

/** Holds the segment source to its contract: a source returning overlapping or unordered stretches is a bug. */
function checkedSegments(segments: readonly OnCallSegment[]): readonly OnCallSegment[] {
  let previousEnd = -Infinity;
  for (let i = 0; i < segments.length; i++) {
    const { start, end } = segments[i];
    if (!(start < end) || start < previousEnd) {
      throw new Error(
        `segment source broke its contract: segment ${i} [${start}, ${end}) is empty, out of order or overlaps the one before`,
      );
    }
    previousEnd = end;
  }
  return segments;
}
