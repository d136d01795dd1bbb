export * from './slot';
export * from './schedule-change';
export * from './schedule-error';
export * from './slot-operations';
export * from './on-call-pattern';
export * from './schedule-copy';
export * from './override-precedence';
export * from './schedule-index';
