export * from './schedule-window-cache';
export * from './routing.queries';
export * from './change-log.port';
