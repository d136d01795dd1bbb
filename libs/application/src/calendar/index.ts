export { type CalendarFeedTokens } from './ports';
export { CalendarFeeds, type CalendarFeedsDeps } from './calendar-feeds';
