export { InProcessJobQueue, type InProcessJobQueueSettings } from './in-process-job-queue';
export { BullMqJobQueue } from './bullmq-job-queue';
export { BullMqWorkerHost } from './bullmq-worker-host';
export { DEFAULT_PREFIX, type BullMqJobQueueSettings, type BullMqWorkerHostSettings } from './bullmq-settings';
export { openRedis, closeRedis, type OpenedRedis, type RedisConnection } from './redis-client';
export { RedisRateLimiter, type RedisRateLimit, type RedisRateLimiterSettings } from './redis-rate-limiter';
export { RedisInvalidationBus, EVERYTHING, type RedisInvalidationBusSettings } from './redis-invalidation-bus';
export { RedisLoginAttemptLimiter, type RedisLoginAttemptLimiterSettings } from './redis-login-attempt-limiter';
export { PrometheusMetrics, bearerMatches, metricsEndpoint, type ServedRequest } from './prometheus-metrics';
