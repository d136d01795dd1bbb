import { InstantRange, instantRange, invalid } from '../shared';

/** The longest range coverage is computed over in one call (a year and some margin). */
export const MAX_COVERAGE_RANGE_DAYS = 400;

/**
 * Validates a coverage query range: whole-millisecond instants, `start < end`, at most
 * `MAX_COVERAGE_RANGE_DAYS`. Throws `ValidationError` `REQUIRED`, `INVALID_INSTANT`, `INVALID_RANGE`
 * or `RANGE_TOO_LONG` with the field (`range.start`, `range.end`).
 */
export function coverageRange(range: InstantRange, field = 'range'): InstantRange {
  if (range === null || typeof range !== 'object') invalid('REQUIRED', field, 'give a range with a start and an end');
  return instantRange(range.start, range.end, { field, maxDays: MAX_COVERAGE_RANGE_DAYS });
}
