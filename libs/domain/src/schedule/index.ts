export * from './slot';
export * from './override-precedence';
export * from './schedule-index';
