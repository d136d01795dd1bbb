import { invalid } from './errors';

/**
 * A point in time: milliseconds since 1970-01-01T00:00:00Z. The domain never reads the clock;
 * every instant is an argument.
 */
export type Instant = number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Parses an ISO-8601 instant with an explicit offset or `Z` (`2027-03-28T01:00:00Z`). */
export function parseInstant(text: string, field = 'instant'): Instant {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    invalid('INVALID_INSTANT', field, `"${text}" is not an ISO-8601 instant with an offset, e.g. 2027-03-28T01:00:00Z`);
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) invalid('INVALID_INSTANT', field, `"${text}" is not a real date and time`);
  return ms;
}

export function assertInstant(value: number, field = 'instant'): Instant {
  if (!Number.isSafeInteger(value))
    invalid('INVALID_INSTANT', field, 'an instant must be a whole number of milliseconds');
  return value;
}

export function formatInstant(at: Instant): string {
  return new Date(at).toISOString();
}

/** A half-open range of real time `[start, end)`. */
export interface InstantRange {
  readonly start: Instant;
  readonly end: Instant;
}

/** How a range is checked: the field path of its refusals, and its longest span in days. */
export interface RangeRules {
  readonly field?: string;
  readonly maxDays?: number;
}

/** Validates `start < end` and an optional maximum length (in days). */
export function instantRange(
  start: Instant,
  end: Instant,
  { field = 'range', maxDays }: RangeRules = {},
): InstantRange {
  assertInstant(start, `${field}.start`);
  assertInstant(end, `${field}.end`);
  if (end <= start) invalid('INVALID_RANGE', `${field}.end`, 'the end must be after the start');
  if (maxDays !== undefined && end - start > maxDays * DAY_MS) {
    invalid('RANGE_TOO_LONG', `${field}.end`, `a range may span at most ${maxDays} days`);
  }
  return { start, end };
}
