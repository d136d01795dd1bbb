export * from './schedule-window-cache';
export * from './routing.queries';
