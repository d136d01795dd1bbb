export * from './calendar-feed-tokens.port';
export * from './calendar-feeds';
