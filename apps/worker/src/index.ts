export { startEmbeddedNotifications, connectNotificationProducer } from './embedded';
export type { EmbeddedNotificationsOptions, NotificationProducerOptions, NotificationsHandle } from './embedded';
export { startWorker } from './worker';
export { NotificationRuntime, notificationContainer } from './notification-runtime';
export { readWorkerConfig, ConfigError } from './config/worker-config';
export type { WorkerConfig, VonageWorkerConfig } from './config/worker-config';
export { jsonLogger } from './adapters/json-logger';
export type { WorkerLogger } from './adapters/json-logger';
