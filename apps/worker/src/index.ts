export { startWorker } from './worker';
export type { WorkerOverrides, WorkerRuntime } from './worker';
export { NotificationRuntime, notificationContainer } from './notification-runtime';
export type { NotificationParts } from './notification-runtime';
export { readWorkerConfig } from './config/worker-config';
export { ConfigError } from '@dutyline/env';
export type { WorkerConfig, VonageWorkerConfig } from './config/worker-config';
export { jsonLogger } from './adapters/json-logger';
export type { WorkerLogger } from './adapters/json-logger';
