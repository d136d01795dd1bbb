export * from './in-memory-notification-stores';
export * from './recording-job-queue';
export * from './call-record.fixtures';
export * from './in-memory-hotline-documents';
export * from './manual-job-host';
