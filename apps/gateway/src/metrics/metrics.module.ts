import {
  Controller,
  DynamicModule,
  Get,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
  Req,
  Res,
} from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobQueueInspector } from '@dutyline/domain';
import { poolUsage } from '@dutyline/persistence';
import { PrometheusMetrics, closeRedis, metricsEndpoint } from '@dutyline/queue';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import type { GatewayConfig } from '../config/gateway-config';
import { DATA_SOURCE } from '../database/database.module';
import { provideFactory } from '../platform/injection-token';
import { GATEWAY_CONFIG } from '../platform/platform.tokens';
import { QUEUE_INSPECTOR } from '../queues/queues.tokens';
import { METRICS } from './metrics.tokens';

/** `GET /metrics`: Prometheus text; with `METRICS_TOKEN` set, only for that bearer token (401 otherwise). */
@Controller()
@Public()
class MetricsController {
  private readonly serve: (request: IncomingMessage, response: ServerResponse) => Promise<void>;

  constructor(@Inject(METRICS) metrics: PrometheusMetrics, @Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.serve = metricsEndpoint(metrics, config.metricsToken);
  }

  @Get('metrics')
  metrics(@Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    return this.serve(request, response);
  }
}

/** What is read on each scrape: the queues' depths, the database pool, and Redis when the gateway uses it. */
@Injectable()
class ScrapedGauges implements OnModuleInit, OnApplicationShutdown {
  private redis?: Redis;

  constructor(
    @Inject(METRICS) private readonly metrics: PrometheusMetrics,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(QUEUE_INSPECTOR) private readonly inspector: JobQueueInspector,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueues(this.inspector);
    this.metrics.watchDatabasePool(() => poolUsage(this.dataSource));
    if (this.config.redisUrl === null) return;
    // Its own connection, so a PING tells whether Redis answers now; opened on the first scrape.
    const redis = new Redis(this.config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    redis.on('error', () => undefined);
    this.redis = redis;
    this.metrics.watchRedis(async () => {
      if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
      return redis.ping();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis) await closeRedis(this.redis);
  }
}

/**
 * Metrics (global): `METRICS` is the inbound call service's and the notification jobs' `Metrics`
 * port, the request log's latency observer and the webhooks'; `GET /metrics` exposes them with
 * Node's process metrics. Labels are route patterns and outcomes, never paths, ids or numbers.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(): DynamicModule {
    const metrics = provideFactory(METRICS, [], () => new PrometheusMetrics());
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [metrics, ScrapedGauges],
      exports: [METRICS],
    };
  }
}
