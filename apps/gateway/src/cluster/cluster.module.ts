import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Application } from '@dutyline/application';
import type { AccountRepository, Clock, HotlineRepository, PersonRepository, TeamRepository } from '@dutyline/domain';
import { SqlCallEntryRepository, SqlChangeLog } from '@dutyline/persistence';
import type { PrometheusMetrics } from '@dutyline/queue';
import type { DataSource } from 'typeorm';
import { APPLICATION } from '../application/application.module';
import type { GatewayConfig } from '../config/gateway-config';
import { DATA_SOURCE } from '../database/database.module';
import {
  ACCOUNT_REPOSITORY,
  HOTLINE_REPOSITORY,
  PERSON_REPOSITORY,
  TEAM_REPOSITORY,
} from '../database/repository.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { provideFactory, token } from '../platform/injection-token';
import { METRICS } from '../metrics/metrics.tokens';
import { CLOCK, LOGGER } from '../platform/platform.tokens';
import { publishingChanges } from './change-publishing-ports';
import { ClusterCallPlanner } from './cluster-call-planner';
import { ClusterHotlines } from './cluster-hotlines';
import { ClusterLineStatus, EMBEDDED_LINE_STATUS_MAX_AGE_MS } from './cluster-line-status';
import { openClusterResources } from './cluster-resources';
import type { ClusterResources } from './cluster-resources';
import { HeapPressure } from './heap-pressure';
import {
  ACTIVE_CALLS,
  CACHE_SHEDDING,
  CLUSTER_CALL_PLANNER,
  CLUSTER_HOTLINES,
  CLUSTER_HOTLINE_LOOKUP,
  CLUSTER_LINE_STATUS,
  INVALIDATION_BUS,
  RING_ROTATION,
  ROUTING_CHANGES,
  RoutingChanges,
  VONAGE_RATE_LIMITER,
} from './cluster.tokens';
import { invalidationOf } from './invalidation-bus';

const RESOURCES = token<ClusterResources>('ClusterResources');

/** Logs a shedding at most this often (the metric counts each). */
const SHED_LOG_INTERVAL_MS = 60_000;

@Injectable()
class ClusterLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(RESOURCES) private readonly resources: ClusterResources,
    @Inject(APPLICATION) application: Application,
    @Inject(CACHE_SHEDDING) private readonly shedding: HeapPressure,
  ) {
    shedding.start();
    // The routing queries keep slots by schedule version (safe without messages); a message only frees them early.
    resources.bus.subscribe((topic) => {
      const change = invalidationOf(topic);
      if (change.kind === 'hotline') application.routing.invalidate(change.hotlineId);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.shedding.stop();
    await this.resources.close();
  }
}

/**
 * What the gateway instances share (global): the invalidation bus (`INVALIDATION_BUS`), the
 * announcing of routing writes (`ROUTING_CHANGES`, used by the ApplicationModule), the answer path's
 * caches (`CLUSTER_HOTLINES` by number and by id, as `CLUSTER_HOTLINE_LOOKUP` too, `CLUSTER_LINE_STATUS`, `CLUSTER_CALL_PLANNER`) and the Vonage rate limiter (`VONAGE_RATE_LIMITER`).
 * With `REDIS_URL` all of it goes through Redis; without, it stays within this process.
 */
@Global()
@Module({})
export class ClusterModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const providers = [
      provideFactory(
        RESOURCES,
        [LOGGER, DATA_SOURCE, CLOCK],
        (logger: JsonLogger, dataSource: DataSource, clock: Clock) =>
          openClusterResources(config, logger, { log: new SqlChangeLog(dataSource), clock }),
      ),
      provideFactory(INVALIDATION_BUS, [RESOURCES], (resources: ClusterResources) => resources.bus),
      provideFactory(CACHE_SHEDDING, [LOGGER, METRICS], (logger: JsonLogger, metrics: PrometheusMetrics) => {
        let loggedAt = -Infinity;
        return new HeapPressure({
          onShed: ({ dropped, heap }) => {
            metrics.cacheEntriesShed(dropped);
            if (performance.now() - loggedAt < SHED_LOG_INTERVAL_MS) return;
            loggedAt = performance.now();
            logger.entry(
              'warn',
              'the heap is short: the least recently used cache entries were dropped (lower HOTLINE_CACHE_SIZE or raise the heap)',
              {
                dropped,
                heapUsedMb: Math.round(heap.used / 1e6),
                heapLimitMb: Math.round(heap.limit / 1e6),
              },
            );
          },
        });
      }),
      provideFactory(VONAGE_RATE_LIMITER, [RESOURCES], (resources: ClusterResources) => resources.limiter),
      provideFactory(RING_ROTATION, [RESOURCES], (resources: ClusterResources) => resources.rotation),
      provideFactory(ACTIVE_CALLS, [RESOURCES], (resources: ClusterResources) => resources.activeCalls),
      provideFactory(
        ROUTING_CHANGES,
        [RESOURCES, LOGGER],
        (resources: ClusterResources, logger: JsonLogger): RoutingChanges => ({
          announcing: (ports) =>
            publishingChanges(ports, resources.bus, (error) =>
              logger.entry('warn', 'a change could not be announced to the other instances', { error }),
            ),
        }),
      ),
      provideFactory(
        CLUSTER_HOTLINES,
        [HOTLINE_REPOSITORY, RESOURCES, CLOCK, DATA_SOURCE, CACHE_SHEDDING],
        (
          hotlines: HotlineRepository,
          resources: ClusterResources,
          clock: Clock,
          dataSource: DataSource,
          shedding: HeapPressure,
        ) =>
          new ClusterHotlines({
            hotlines,
            entries: new SqlCallEntryRepository(dataSource),
            bus: resources.bus,
            clock,
            cache: { capacity: config.hotlineCacheSize, shedding },
          }),
      ),
      provideFactory(CLUSTER_HOTLINE_LOOKUP, [CLUSTER_HOTLINES], (hotlines: ClusterHotlines) => hotlines),
      // Without Redis the `account` command (another process) cannot announce: the state is read again every 2 s.
      provideFactory(
        CLUSTER_LINE_STATUS,
        [ACCOUNT_REPOSITORY, RESOURCES, CLOCK, CACHE_SHEDDING],
        (accounts: AccountRepository, resources: ClusterResources, clock: Clock, shedding: HeapPressure) =>
          new ClusterLineStatus({
            accounts,
            bus: resources.bus,
            clock,
            maxAgeMs: resources.mode === 'in-process' ? EMBEDDED_LINE_STATUS_MAX_AGE_MS : undefined,
            capacity: config.hotlineCacheSize,
            shedding,
          }),
      ),
      provideFactory(
        CLUSTER_CALL_PLANNER,
        [APPLICATION, PERSON_REPOSITORY, TEAM_REPOSITORY, RESOURCES, CLOCK, LOGGER, CACHE_SHEDDING],
        (
          application: Application,
          people: PersonRepository,
          teams: TeamRepository,
          resources: ClusterResources,
          clock: Clock,
          logger: JsonLogger,
          shedding: HeapPressure,
        ) =>
          new ClusterCallPlanner(
            {
              routing: application.routing,
              people,
              teams,
              bus: resources.bus,
              clock,
              rotation: resources.rotation,
              onRotationError: (error) =>
                logger.entry('warn', 'ring rotation not read: the balanced level starts at its first person', {
                  error,
                }),
            },
            { capacity: config.hotlineCacheSize, shedding },
          ),
      ),
    ];
    return {
      module: ClusterModule,
      providers: [...providers, ClusterLifecycle],
      exports: providers.filter((p) => p.provide !== RESOURCES).map((p) => p.provide),
    };
  }
}
