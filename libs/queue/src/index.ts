export { InProcessJobQueue } from './in-process-job-queue';
export type { InProcessJobQueueSettings } from './in-process-job-queue';
export { BullMqJobQueue } from './bullmq-job-queue';
export { BullMqWorkerHost } from './bullmq-worker-host';
export { DEFAULT_PREFIX } from './bullmq-settings';
export type { BullMqJobQueueSettings, BullMqWorkerHostSettings } from './bullmq-settings';
export type { RedisConnection } from './redis-client';
