import { invalid } from '@dutyline/domain';
import { Redis } from 'ioredis';

/**
 * Where Redis is: a `redis://` (or `rediss://`) URL, the connections then opened and closed by the
 * adapter; or an ioredis client the caller owns, which the adapter uses and never closes.
 */
export type RedisConnection = string | Redis;

export interface OpenedRedis {
  readonly client: Redis;
  /** Closes the client when the adapter opened it; leaves a borrowed one alone. */
  release(): Promise<void>;
}

/**
 * A client for BullMQ. `blocking` clients (workers) retry commands for as long as Redis is away, as
 * BullMQ requires; the others give up after a few reconnection attempts, so an enqueue rejects.
 */
export function openRedis(connection: RedisConnection, blocking: boolean): OpenedRedis {
  checkRedisConnection(connection, blocking);
  if (typeof connection !== 'string') return { client: connection, release: async () => undefined };
  const client = new Redis(connection, { maxRetriesPerRequest: blocking ? null : 3, lazyConnect: false });
  return {
    client,
    release: async () => {
      // QUIT lets pending replies arrive; a client still (re)connecting has nothing to wait for.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}

/** Refuses what BullMQ could not use, before anything is opened. */
export function checkRedisConnection(connection: RedisConnection, blocking: boolean): void {
  if (typeof connection === 'string') {
    if (!/^rediss?:\/\/\S+$/.test(connection))
      invalid('INVALID_REDIS_URL', 'connection', 'expected a redis:// or rediss:// URL');
  } else if (blocking && connection?.options?.maxRetriesPerRequest !== null) {
    invalid(
      'INVALID_REDIS_CLIENT',
      'connection',
      'a client shared with BullMQ workers needs maxRetriesPerRequest: null',
    );
  }
}
