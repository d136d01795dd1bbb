export { type CalendarFeedTokens, type CalendarFeedsDeps } from './ports';
export { CalendarFeeds } from './calendar-feeds';
