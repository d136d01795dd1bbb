export * from './call-store.port';
export * from './hotline-lookup.port';
export * from './call-planner.port';
export * from './call-events.port';
export * from './timer.port';
export * from './line-status.port';
export * from './call-journal.port';
