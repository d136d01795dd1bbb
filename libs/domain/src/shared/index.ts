export { DomainError, ValidationError, validatingUnder, invalid } from './errors';
export { type Result, ok, err } from './result';
export { dropOldest, keepWithin } from './map-eviction';
export {
  type Instant,
  MINUTE_MS,
  HOUR_MS,
  DAY_MS,
  parseInstant,
  assertInstant,
  formatInstant,
  type InstantRange,
  type RangeRules,
  instantRange,
} from './instant';
export {
  type LocalDateTimeParts,
  type IsoWeekday,
  LocalDate,
  LocalTime,
  LocalDateTime,
  type LocalRange,
  localRange,
} from './local-date-time';
export { TimeZone } from './time-zone';
export { type PhoneNumberType, countryCode, PhoneNumber } from './phone-number';
export { Colour, DISTINCT_PALETTE, nextDistinctColour } from './colour';
export { RingTimeout } from './ring-timeout';
export { EmailAddress } from './email-address';
export { type WeekdayName, WeekdaySet } from './weekday-set';
export { type Id, assertId, requireText } from './ids';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest, type Page } from './paging';
export { VersionConflictError, type NotFound, type InUse, type NumberTaken } from './repository-refusals';
