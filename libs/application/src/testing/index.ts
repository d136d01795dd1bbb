export * from './in-memory-database';
export * from './in-memory-repositories';
export * from './in-memory-dutyline';
export * from './sample-directory';
export * from './spec-helpers';
export * from '../calls/testing';
export * from '../notifications/testing';
