/** Reading times given to the use cases: value objects or their text, refused with the input's field. */

import {
  DAY_MS,
  Instant,
  InstantInput,
  InstantRange,
  LocalDate,
  LocalDateTime,
  LocalRange,
  assertInstant,
  invalid,
  parseInstant,
} from '@dutyline/domain';

export type LocalDateTimeInput = LocalDateTime | string;
export type DateInput = LocalDate | string;

/** Epoch milliseconds or ISO-8601 text with an offset. */
export function instantOf(value: InstantInput, field: string): Instant {
  return typeof value === 'string' ? parseInstant(value, field) : assertInstant(value, field);
}

export function localDateTimeOf(value: LocalDateTimeInput, field: string): LocalDateTime {
  if (value instanceof LocalDateTime) return value;
  if (typeof value !== 'string')
    invalid('INVALID_LOCAL_DATE_TIME', field, 'give a local date-time such as 2027-03-28T22:00');
  return LocalDateTime.parse(value, field);
}

export function dateOf(value: DateInput, field = 'date'): LocalDate {
  if (value instanceof LocalDate) return value;
  if (typeof value !== 'string') invalid('INVALID_LOCAL_DATE', field, 'give a date such as 2027-03-28');
  return LocalDate.parse(value, field);
}

export interface RangeFields {
  readonly from: string;
  readonly to: string;
}

const checkRange = ({ start, end }: { start: number; end: number }, maxDays: number, fields: RangeFields) => {
  if (end <= start) invalid('INVALID_RANGE', fields.to, `${fields.to} must be after ${fields.from}`);
  if (end - start > maxDays * DAY_MS) invalid('RANGE_TOO_LONG', fields.to, `a range may span at most ${maxDays} days`);
};

/** Real time `[from, to)`: `to` after `from`, at most `maxDays` days; errors name `from` / `to`. */
export function instantRangeOf(
  { from, to }: { from: InstantInput; to: InstantInput },
  maxDays: number,
  fields: RangeFields = { from: 'from', to: 'to' },
): InstantRange {
  const start = instantOf(from, fields.from);
  const end = instantOf(to, fields.to);
  checkRange({ start, end }, maxDays, fields);
  return { start, end };
}

/** Wall-clock `[from, to)`, same rules as `instantRangeOf`. */
export function localRangeOf(
  { from, to }: { from: LocalDateTimeInput; to: LocalDateTimeInput },
  maxDays: number,
  fields: RangeFields = { from: 'from', to: 'to' },
): LocalRange {
  const start = localDateTimeOf(from, fields.from);
  const end = localDateTimeOf(to, fields.to);
  checkRange({ start: start.wall, end: end.wall }, maxDays, fields);
  return { start, end };
}
