export * from './config-error';
export * from './env-reader';
