/** Reading the inputs of schedule operations: text or value objects, refused with their field. */

import { Id, LocalDate, LocalDateTime, invalid } from '../shared';
import { SCHEDULE_LIMITS } from './schedule-error';
import { Slot } from './slot';

/** A `LocalDateTime`, or its text parsed. */
export function localDateTime(value: LocalDateTime | string, field: string): LocalDateTime {
  if (value instanceof LocalDateTime) return value;
  if (typeof value !== 'string')
    invalid('INVALID_LOCAL_DATE_TIME', field, 'give a local date-time such as 2027-03-28T22:00');
  return LocalDateTime.parse(value, field);
}

/** Slots of another hotline among `existing` mean the caller loaded the wrong schedule: a bug. */
export function assertHotline(existing: readonly Slot[], hotlineId: Id): void {
  const stranger = existing.find((s) => s.hotlineId !== hotlineId);
  if (stranger) throw new Error(`slot ${stranger.id} belongs to hotline ${stranger.hotlineId}, not ${hotlineId}`);
}

/** A `LocalDate`, or its text (`2027-03-28`) parsed. */
export function localDate(value: LocalDate | string, field: string): LocalDate {
  if (value instanceof LocalDate) return value;
  if (typeof value !== 'string') invalid('INVALID_LOCAL_DATE', field, 'give a date such as 2027-03-28');
  return LocalDate.parse(value, field);
}

/** `from`…`to`, both included, at most `SCHEDULE_LIMITS.maxRangeDays` days; the number of days. */
export function inclusiveDates(
  fromInput: LocalDate | string,
  toInput: LocalDate | string,
): { from: LocalDate; to: LocalDate; days: number } {
  const from = localDate(fromInput, 'from');
  const to = localDate(toInput, 'to');
  const days = from.daysUntil(to) + 1;
  if (days < 1) invalid('INVALID_RANGE', 'to', 'the last date must not be before the first');
  if (days > SCHEDULE_LIMITS.maxRangeDays)
    invalid('RANGE_TOO_LONG', 'to', `a range may span at most ${SCHEDULE_LIMITS.maxRangeDays} days`);
  return { from, to, days };
}
