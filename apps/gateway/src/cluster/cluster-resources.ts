import { type ActiveCalls, type ChangeLog, InProcessActiveCalls } from '@dutyline/application';
import type { Clock, RingRotation } from '@dutyline/domain';
import {
  InProcessRingRotation,
  RedisActiveCalls,
  RedisInvalidationBus,
  RedisRateLimiter,
  RedisRingRotation,
  closeRedis,
  openPipelinedRedis,
} from '@dutyline/queue';
import {
  InMemoryRateLimiter,
  VONAGE_RATE_LIMITS,
  vonageRateLimits,
  VonageRateKind,
  VonageRateLimiter,
  rateLimiterFrom,
} from '@dutyline/vonage';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { ChangeLogBus } from './change-log-bus';
import { InProcessInvalidationBus, InvalidationBus } from './invalidation-bus';

/**
 * A request reaches Vonage some time after its grant (JWT signing, the SDK, the network), and that
 * time varies: up to ~90 ms was seen for the first requests of a cold process on this machine.
 */
const GRANT_TO_ARRIVAL_MARGIN_MS = 200;

/** The account's limits over a window longer by that margin: at Vonage's defaults, 2.5 calls/s and 12.5 requests/s at most. */
export function gatewayVonageLimits(perSecond: {
  readonly call: number;
  readonly request: number;
}): Readonly<Record<VonageRateKind, { limit: number; intervalMs: number }>> {
  const limits = vonageRateLimits(perSecond);
  return {
    call: { ...limits.call, intervalMs: limits.call.intervalMs + GRANT_TO_ARRIVAL_MARGIN_MS },
    request: { ...limits.request, intervalMs: limits.request.intervalMs + GRANT_TO_ARRIVAL_MARGIN_MS },
  };
}

/** At Vonage's default limits (3 calls, 15 requests per second). */
export const GATEWAY_VONAGE_LIMITS = gatewayVonageLimits({
  call: VONAGE_RATE_LIMITS.call.limit,
  request: VONAGE_RATE_LIMITS.request.limit,
});

/** How long a start waits for Redis before serving without it (caches then trust entries for 1 s only). */
const BUS_START_TIMEOUT_MS = 3000;

/** What the instances share: the invalidation bus and the Vonage rate limiter, and how to let go of them. */
export interface ClusterResources {
  readonly mode: 'redis' | 'in-process';
  readonly bus: InvalidationBus;
  readonly limiter: VonageRateLimiter;
  /** The balanced levels' round-robin counters (F26). */
  readonly rotation: RingRotation;
  /** Who is on a call, for the cap on simultaneous calls per person (F26). */
  readonly activeCalls: ActiveCalls;
  close(): Promise<void>;
}

/** What the Redis mode also reads: the database's change log (see `ChangeLogBus`) on this clock. */
export interface ClusterChangeLog {
  readonly log: ChangeLog;
  readonly clock: Clock;
}

/**
 * Redis pub/sub doubled by the database's change log, and a Redis sliding window, with `REDIS_URL`;
 * otherwise both within this process.
 */
export async function openClusterResources(
  config: Pick<GatewayConfig, 'redisUrl' | 'redisPrefix'> &
    Partial<Pick<GatewayConfig, 'changeCheckMs' | 'vonageLimits'>>,
  logger: JsonLogger,
  changes?: ClusterChangeLog,
): Promise<ClusterResources> {
  const limits = config.vonageLimits ? gatewayVonageLimits(config.vonageLimits) : GATEWAY_VONAGE_LIMITS;
  if (config.redisUrl === null) {
    const bus = new InProcessInvalidationBus();
    return {
      mode: 'in-process',
      bus,
      limiter: new InMemoryRateLimiter({ limits }),
      rotation: new InProcessRingRotation(),
      activeCalls: new InProcessActiveCalls(changes ? () => changes.clock.now() : undefined),
      close: () => bus.close(),
    };
  }
  const onError = (error: Error) => logger.entry('warn', 'redis: cluster connection trouble', { error });
  const redisBus = new RedisInvalidationBus({ connection: config.redisUrl, prefix: config.redisPrefix, onError });
  const bus = changes
    ? new ChangeLogBus({
        bus: redisBus,
        log: changes.log,
        clock: changes.clock,
        checkEveryMs: config.changeCheckMs ?? 2000,
        onError: (error) => logger.entry('warn', 'the change log could not be read or written', { error }),
      })
    : redisBus;
  const rates = new RedisRateLimiter<VonageRateKind>({
    connection: config.redisUrl,
    prefix: config.redisPrefix,
    limits,
    onError,
  });
  // One client for both: a call's cap counts and its balanced levels' turns go out together (one round trip).
  const callReads = openPipelinedRedis(config.redisUrl);
  const rotation = new RedisRingRotation({ connection: callReads, prefix: config.redisPrefix, onError });
  const activeCalls = new RedisActiveCalls({ connection: callReads, prefix: config.redisPrefix, onError });
  let timer: NodeJS.Timeout | undefined;
  const started = await Promise.race([
    Promise.all([redisBus.start(), bus instanceof ChangeLogBus ? bus.start() : undefined]).then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), BUS_START_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
  if (!started)
    logger.entry('warn', 'redis does not answer yet: caches trust their entries for 1 s until it does', {
      channel: redisBus.channel,
    });
  else
    logger.entry('info', 'cluster mode: invalidation over Redis pub/sub, Vonage limits shared', {
      channel: redisBus.channel,
      changeCheckMs: changes ? config.changeCheckMs : null,
    });
  return {
    mode: 'redis',
    bus,
    limiter: rateLimiterFrom(async (kind) => void (await rates.acquire(kind))),
    rotation,
    activeCalls,
    close: async () => {
      await bus.close();
      await rates.close();
      await rotation.close();
      await activeCalls.close();
      await closeRedis(callReads);
    },
  };
}
