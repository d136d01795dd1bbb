import { invalid } from './errors';
import { DAY_MS, Instant } from './instant';
import { LocalDateTime } from './local-date-time';

interface YearRules {
  /** Offset (ms) in force at the start of the year. */
  readonly initialOffset: number;
  /** Instants at which the offset changes during the year, ascending. */
  readonly transitions: number[];
  /** Offset in force from the matching transition on. */
  readonly offsets: number[];
}

const YEAR_START_CACHE = new Map<number, number>();
function yearStart(year: number): number {
  let start = YEAR_START_CACHE.get(year);
  if (start === undefined) {
    start = Date.UTC(year, 0, 1);
    YEAR_START_CACHE.set(year, start);
  }
  return start;
}

/**
 * An IANA time zone with its offset rules, computed once per zone and year from the platform's
 * tz database and then looked up without formatting dates.
 *
 * Local → instant follows one documented rule (the same as Temporal's `disambiguation: "compatible"`
 * for repeated times, and "the first instant after the gap" for skipped times):
 * - a wall-clock time that occurs twice (clocks go back) means its first occurrence;
 * - a wall-clock time that does not exist (clocks go forward) means the instant the clocks jumped,
 *   i.e. the first valid instant after the gap.
 * The mapping is monotone: later wall-clock times never map to earlier instants, so back-to-back
 * local ranges never leave a gap or overlap, and no range gets a negative length.
 */
export class TimeZone {
  private static readonly zones = new Map<string, TimeZone>();
  private readonly years = new Map<number, YearRules>();
  private readonly formatter: Intl.DateTimeFormat;

  private constructor(readonly name: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  static readonly UTC = TimeZone.of('UTC');

  /** `Europe/Paris`; rejects anything the tz database does not know, and fixed offsets like `+01:00`. */
  static of(name: string, field = 'timeZone'): TimeZone {
    const known = TimeZone.zones.get(name);
    if (known) return known;
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) {
      invalid('INVALID_TIME_ZONE', field, `"${name}" is not an IANA time zone name such as Europe/Paris`);
    }
    let zone: TimeZone;
    try {
      zone = new TimeZone(name);
      zone.formatter.format(0);
    } catch {
      invalid('INVALID_TIME_ZONE', field, `"${name}" is not an IANA time zone name such as Europe/Paris`);
    }
    TimeZone.zones.set(name, zone);
    return zone;
  }

  /** Offset from UTC in milliseconds in force at `at` (local = at + offset). */
  offsetAt(at: Instant): number {
    const rules = this.rulesFor(new Date(at).getUTCFullYear());
    let offset = rules.initialOffset;
    const { transitions, offsets } = rules;
    for (let i = 0; i < transitions.length && transitions[i] <= at; i++) offset = offsets[i];
    return offset;
  }

  toLocal(at: Instant): LocalDateTime {
    return LocalDateTime.ofWall(at + this.offsetAt(at));
  }

  /** The instant a wall-clock time designates in this zone, by the rule in the class comment. */
  toInstant(local: LocalDateTime): Instant {
    const wall = local.wall;
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const early = wall - before;
    if (before === after) {
      if (this.offsetAt(early) === before) return early;
    }
    const late = wall - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    // In a gap: the instant of the transition between the two candidates.
    return this.transitionBetween(Math.min(early, late), Math.max(early, late));
  }

  equals(other: TimeZone): boolean {
    return this.name === other.name;
  }

  toString(): string {
    return this.name;
  }

  toJSON(): string {
    return this.name;
  }

  private transitionBetween(from: Instant, to: Instant): Instant {
    for (const year of [new Date(from).getUTCFullYear(), new Date(to).getUTCFullYear()]) {
      for (const t of this.rulesFor(year).transitions) if (t > from && t <= to) return t;
    }
    return to;
  }

  private rulesFor(year: number): YearRules {
    let rules = this.years.get(year);
    if (!rules) {
      rules = this.computeYear(year);
      this.years.set(year, rules);
    }
    return rules;
  }

  private computeYear(year: number): YearRules {
    const start = yearStart(year);
    const end = yearStart(year + 1);
    const initialOffset = this.offsetFromTzdb(start);
    const transitions: number[] = [];
    const offsets: number[] = [];
    let t = start;
    let offset = initialOffset;
    while (t < end) {
      const next = Math.min(t + DAY_MS, end);
      const nextOffset = this.offsetFromTzdb(next);
      if (nextOffset !== offset) {
        let lo = t;
        let hi = next; // offset(lo) === offset, offset(hi) !== offset
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.offsetFromTzdb(mid) === offset) lo = mid;
          else hi = mid;
        }
        if (hi < end) {
          transitions.push(hi);
          offsets.push(this.offsetFromTzdb(hi));
        }
        offset = nextOffset;
      }
      t = next;
    }
    return { initialOffset, transitions, offsets };
  }

  private offsetFromTzdb(at: Instant): number {
    const whole = Math.floor(at / 1000) * 1000;
    const parts = this.formatter.formatToParts(whole);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return wall - whole;
  }
}
