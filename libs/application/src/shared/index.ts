export * from './caller';
export * from './refusals';
export * from './audit-recorder';
export * from './pages';
export * from './time-inputs';
export * from './directory-reader';
export * from './logger.port';
export * from './error-context';
