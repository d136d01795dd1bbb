import { Instant, LocalTime, TimeZone } from '../shared';

/** When a request stops being workable: see docs/adr/0003-callback-expiry.md. */
export interface CallbackExpiry {
  /** The last calendar day (service zone, `YYYY-MM-DD`) on which the request may be worked. */
  readonly lastDay: string;
  /** The first instant of the day after `lastDay` in the service zone: expired from then on. */
  readonly expiresAt: Instant;
}

/**
 * A request opened on local day D may be worked on D and the `processingDays` following calendar days
 * in the service's zone; it expires at the local midnight that begins day D + processingDays + 1.
 * That midnight goes through the zone's local → instant rule, so a day of 23 or 25 hours is counted
 * as it is lived, and a midnight skipped by a clock change means the first instant of that day.
 */
export function callbackExpiry(createdAt: Instant, zone: TimeZone, processingDays: number): CallbackExpiry {
  const lastDay = zone.toLocal(createdAt).date.plusDays(processingDays);
  return {
    lastDay: lastDay.toString(),
    expiresAt: zone.toInstant(lastDay.plusDays(1).at(LocalTime.MIDNIGHT)),
  };
}
