import type { ActiveCalls, CallPlanner, HotlineLookup, LineStatus } from '@dutyline/application';
import type { RingRotation } from '@dutyline/domain';
import type { VonageRateLimiter } from '@dutyline/vonage';
import { token } from '../platform/injection-token';
import type { RoutingRepositories } from './change-publishing-ports';
import type { ClusterHotlines } from './cluster-hotlines';
import type { HeapPressure } from './heap-pressure';
import type { InvalidationBus } from './invalidation-bus';

/** Cache invalidation between instances: Redis pub/sub with `REDIS_URL`, else within this process. */
export const INVALIDATION_BUS = token<InvalidationBus>('InvalidationBus');
/** Vonage's per-account limits (3 calls/s, 15 requests/s): shared through Redis with `REDIS_URL`, else per process. */
export const VONAGE_RATE_LIMITER = token<VonageRateLimiter>('VonageRateLimiter');
/** The hotlines by number and by id, in one cache kept until a change is announced. */
export const CLUSTER_HOTLINES = token<ClusterHotlines>('ClusterHotlines');
/** The answer path's hotline lookup: `CLUSTER_HOTLINES`. */
export const CLUSTER_HOTLINE_LOOKUP = token<HotlineLookup>('ClusterHotlineLookup');
/** The answer path's check that a hotline's account is not disabled, cached until `account:<id>` is announced. */
export const CLUSTER_LINE_STATUS = token<LineStatus>('ClusterLineStatus');
/** The answer path's planner, a hotline's plan cached until duty changes hands or a change is announced. */
export const CLUSTER_CALL_PLANNER = token<CallPlanner>('ClusterCallPlanner');

/** Where the answer path's caches register to give back memory when the heap runs short. */
export const CACHE_SHEDDING = token<HeapPressure>('CacheShedding');

/** The balanced levels' round-robin counters: Redis with `REDIS_URL` (shared by every instance), else this process's. */
export const RING_ROTATION = token<RingRotation>('RingRotation');

/** Who is on a call, for the cap on simultaneous calls per person (F26): Redis with `REDIS_URL` (shared by every instance), else this process's. */
export const ACTIVE_CALLS = token<ActiveCalls>('ActiveCalls');

/** Wraps the routing repositories so their writes are announced on the bus. */
export interface RoutingChanges {
  announcing<P extends RoutingRepositories>(ports: P): P;
}
export const ROUTING_CHANGES = token<RoutingChanges>('RoutingChanges');
