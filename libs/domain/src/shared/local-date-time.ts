import { invalid } from './errors';
import { DAY_MS, MINUTE_MS, RangeRules } from './instant';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00)?$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** A wall-clock date and time by its calendar parts; `hour` and `minute` default to 0. */
export interface LocalDateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
}

function wallOf({ year, month, day, hour = 0, minute = 0 }: LocalDateTimeParts, field: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (
    year < 1900 ||
    year > 2999 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    invalid(
      'INVALID_LOCAL_DATE_TIME',
      field,
      `${year}-${month}-${day} ${hour}:${minute} is not a calendar date and time`,
    );
  }
  return wall;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A calendar date without a zone. Internally the number of days since 1970-01-01. */
export class LocalDate {
  private constructor(readonly epochDay: number) {}

  static ofEpochDay(epochDay: number): LocalDate {
    return new LocalDate(epochDay);
  }

  static of(year: number, month: number, day: number): LocalDate {
    return LocalDate.checked({ year, month, day }, 'date');
  }

  private static checked(parts: LocalDateTimeParts, field: string): LocalDate {
    return new LocalDate(wallOf(parts, field) / DAY_MS);
  }

  /** `2027-03-28` */
  static parse(text: string, field = 'date'): LocalDate {
    const m = DATE_RE.exec(text);
    if (!m) invalid('INVALID_LOCAL_DATE', field, `"${text}" is not a date in the form YYYY-MM-DD`);
    return LocalDate.checked({ year: +m[1], month: +m[2], day: +m[3] }, field);
  }

  get weekday(): IsoWeekday {
    return (((((this.epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday; // 1970-01-01 was a Thursday
  }

  plusDays(days: number): LocalDate {
    return new LocalDate(this.epochDay + days);
  }

  /** Whole days from this date to `other` (negative when `other` is earlier). */
  daysUntil(other: LocalDate): number {
    return other.epochDay - this.epochDay;
  }

  /** The Monday of this date's ISO week. */
  startOfWeek(): LocalDate {
    return this.plusDays(1 - this.weekday);
  }

  at(time: LocalTime): LocalDateTime {
    return LocalDateTime.ofWall(this.epochDay * DAY_MS + time.minuteOfDay * MINUTE_MS);
  }

  equals(other: LocalDate): boolean {
    return this.epochDay === other.epochDay;
  }

  toString(): string {
    return new Date(this.epochDay * DAY_MS).toISOString().slice(0, 10);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** A wall-clock time of day, minute precision: 00:00 … 23:59. */
export class LocalTime {
  private constructor(readonly minuteOfDay: number) {}

  static readonly MIDNIGHT = new LocalTime(0);

  static of(hour: number, minute = 0, field = 'time'): LocalTime {
    if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      invalid('INVALID_LOCAL_TIME', field, `${hour}:${minute} is not a time of day between 00:00 and 23:59`);
    }
    return new LocalTime(hour * 60 + minute);
  }

  /** `18:00` */
  static parse(text: string, field = 'time'): LocalTime {
    const m = TIME_RE.exec(text);
    if (!m) invalid('INVALID_LOCAL_TIME', field, `"${text}" is not a time in the form HH:MM`);
    return LocalTime.of(+m[1], +m[2], field);
  }

  get hour(): number {
    return Math.floor(this.minuteOfDay / 60);
  }

  get minute(): number {
    return this.minuteOfDay % 60;
  }

  toString(): string {
    return `${pad(this.hour)}:${pad(this.minute)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * A wall-clock date and time in some zone, minute precision. Internally `wall` is the number of
 * milliseconds the wall clock shows since 1970-01-01T00:00 as if it were UTC, so ordering and
 * calendar arithmetic are plain number operations and never meet a DST change.
 */
export class LocalDateTime {
  private constructor(readonly wall: number) {}

  static ofWall(wall: number): LocalDateTime {
    return new LocalDateTime(wall);
  }

  static of(parts: LocalDateTimeParts, field = 'dateTime'): LocalDateTime {
    return new LocalDateTime(wallOf(parts, field));
  }

  /** `2027-03-28T02:30` (seconds, if given, must be `:00`). */
  static parse(text: string, field = 'dateTime'): LocalDateTime {
    const m = DATE_TIME_RE.exec(text);
    if (!m)
      invalid('INVALID_LOCAL_DATE_TIME', field, `"${text}" is not a local date-time in the form YYYY-MM-DDTHH:MM`);
    return LocalDateTime.of({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] }, field);
  }

  get date(): LocalDate {
    return LocalDate.ofEpochDay(Math.floor(this.wall / DAY_MS));
  }

  get time(): LocalTime {
    const minuteOfDay = Math.floor((this.wall - Math.floor(this.wall / DAY_MS) * DAY_MS) / MINUTE_MS);
    return LocalTime.of(Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  }

  plusMinutes(minutes: number): LocalDateTime {
    return new LocalDateTime(this.wall + minutes * MINUTE_MS);
  }

  /** Same wall-clock time `days` calendar days later (or earlier). */
  plusDays(days: number): LocalDateTime {
    return new LocalDateTime(this.wall + days * DAY_MS);
  }

  compare(other: LocalDateTime): number {
    return this.wall - other.wall;
  }

  isBefore(other: LocalDateTime): boolean {
    return this.wall < other.wall;
  }

  isAfter(other: LocalDateTime): boolean {
    return this.wall > other.wall;
  }

  equals(other: LocalDateTime): boolean {
    return this.wall === other.wall;
  }

  toString(): string {
    return new Date(this.wall).toISOString().slice(0, 16);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** A half-open range of wall-clock time `[start, end)` in a hotline's zone. */
export interface LocalRange {
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
}

export function localRange(
  start: LocalDateTime,
  end: LocalDateTime,
  { field = 'range', maxDays }: RangeRules = {},
): LocalRange {
  if (!end.isAfter(start)) invalid('INVALID_RANGE', `${field}.end`, 'the end must be after the start');
  if (maxDays !== undefined && end.wall - start.wall > maxDays * DAY_MS) {
    invalid('RANGE_TOO_LONG', `${field}.end`, `a range may span at most ${maxDays} days`);
  }
  return { start, end };
}
