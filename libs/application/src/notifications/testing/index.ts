export * from './in-memory-notification-stores';
export * from './recording-job-queue';
export * from './call-record.fixtures';
