import type { CalendarFeeds } from '@dutyline/application';
import type { AddressMissLimiter } from '../notifications/address-miss-limiter';
import { token } from '../platform/injection-token';

/** The calendar feeds use case (tokens and feeds). */
export const CALENDAR_FEEDS = token<CalendarFeeds>('CalendarFeeds');
/** Failed feed fetches per client address. */
export const CALENDAR_FEED_LIMITER = token<AddressMissLimiter>('CalendarFeedLimiter');
/** `<PUBLIC_URL or http://localhost:PORT>/calendar/<token>.ics` */
export const CALENDAR_FEED_URL = token<(feedToken: string) => string>('CalendarFeedUrl');
