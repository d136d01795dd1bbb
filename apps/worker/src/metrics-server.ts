import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JobQueueInspector } from '@dutyline/domain';
import { poolUsage } from '@dutyline/persistence';
import { PrometheusMetrics, closeRedis, metricsEndpoint } from '@dutyline/queue';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { WorkerLogger } from './adapters/json-logger';
import type { WorkerConfig } from './config/worker-config';

export interface WorkerMetrics {
  readonly metrics: PrometheusMetrics;
  /** Reads on scrape: the queues' depths, the database pool, Redis. */
  watch(parts: {
    readonly inspectors: readonly Pick<JobQueueInspector, 'depths'>[];
    readonly dataSource: DataSource;
  }): void;
  /** Serves `GET /metrics` on `WORKER_METRICS_PORT`; resolves with the port bound. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** The worker's metrics (Prometheus text at `GET /metrics`, `METRICS_TOKEN` as a bearer token when set). */
export function workerMetrics(config: Pick<WorkerConfig, 'redisUrl' | 'metrics'>, logger: WorkerLogger): WorkerMetrics {
  const metrics = new PrometheusMetrics();
  const endpoint = metricsEndpoint(metrics, config.metrics.token);
  // Its own connection, so a PING tells whether Redis answers now, not whether a queue's client has a command queued.
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  let server: Server | undefined;
  return {
    metrics,
    watch({ inspectors, dataSource }) {
      metrics.watchQueues({
        depths: async () => (await Promise.all(inspectors.map((inspector) => inspector.depths()))).flat(),
      });
      metrics.watchDatabasePool(() => poolUsage(dataSource));
      metrics.watchRedis(async () => {
        if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
        return redis.ping();
      });
    },
    listen() {
      server = createServer((request, response) => {
        if ((request.url ?? '').split('?')[0] === '/metrics') {
          endpoint(request, response).catch((error: unknown) => {
            logger.warn('metrics scrape failed', { error: error instanceof Error ? error.message : String(error) });
            if (!response.headersSent) response.statusCode = 500;
            response.end();
          });
          return;
        }
        response.statusCode = 404;
        response.end();
      });
      const listening = server;
      return new Promise((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(config.metrics.port, () => {
          listening.off('error', reject);
          resolve((listening.address() as AddressInfo).port);
        });
      });
    },
    async close() {
      const closing = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections();
      await closing;
      await closeRedis(redis);
    },
  };
}
