import { invalid } from '@dutyline/domain';
import { Redis } from 'ioredis';
import { closeHandler } from 'ioredis/built/redis/event_handler';

/**
 * Where Redis is: a `redis://` (or `rediss://`) URL, the connections then opened and closed by the
 * adapter; or an ioredis client the caller owns, which the adapter uses and never closes.
 */
export type RedisConnection = string | Redis;

export interface OpenedRedis {
  readonly client: Redis;
  /** Closes the client when the adapter opened it (see `closeRedis`); leaves a borrowed one alone. */
  release(): Promise<void>;
}

/** How long a ready client's QUIT may take (its pending replies arrive first) before the socket is dropped. */
export const QUIT_TIMEOUT_MS = 2_000;

/**
 * A client for BullMQ. `blocking` clients (workers) retry commands for as long as Redis is away, as
 * BullMQ requires; the others give up after a few reconnection attempts, so an enqueue rejects.
 */
export function openRedis(connection: RedisConnection, blocking: boolean): OpenedRedis {
  checkRedisConnection(connection, blocking);
  if (typeof connection !== 'string') return { client: connection, release: async () => undefined };
  const client = new Redis(connection, { maxRetriesPerRequest: blocking ? null : 3, lazyConnect: false });
  return { client, release: () => closeRedis(client) };
}

/**
 * A client for commands asked together (a call's cap counts and its balanced levels' turns): those
 * issued in the same turn of the event loop go out in one write and are answered in one round trip
 * (ioredis's auto-pipelining). The caller owns it and closes it (`closeRedis`).
 */
export function openPipelinedRedis(url: string): Redis {
  checkRedisConnection(url, false);
  return new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false, enableAutoPipelining: true });
}

/**
 * Closes `client` for good, whatever its state, and resolves once it is `end`: a ready client sends
 * QUIT, so the replies it still owes arrive (for up to `quitTimeoutMs`, a Redis that stopped answering
 * does not hold the close); a client connecting, reconnecting or waiting between two attempts stops
 * there, never connects again, and leaves no socket or retry timer behind. Its queued commands reject.
 */
export async function closeRedis(client: Redis, quitTimeoutMs = QUIT_TIMEOUT_MS): Promise<void> {
  if (client.status === 'end') return;
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
  if (client.status === 'ready') await settledWithin(client.quit(), quitTimeoutMs);
  // Read again: the status moved while QUIT was under way.
  if (statusOf(client) !== 'end') stopForGood(client);
  await ended;
}

const statusOf = (client: Redis): string => client.status;

function stopForGood(client: Redis): void {
  if (client.status === 'reconnecting') return endBetweenAttempts(client);
  // Marks the close as wanted (no reconnection after it), clears any retry timer, ends the socket.
  client.disconnect();
  // A socket still connecting, or to a peer that stopped answering, goes now rather than after `disconnectTimeout`.
  client.stream?.destroy();
}

/** What ioredis 5 keeps between two connection attempts: the next attempt's timer, and "the close was wanted". */
interface BetweenAttempts {
  reconnectTimeout: NodeJS.Timeout | null;
  manuallyClosing: boolean;
}

/**
 * `disconnect()` between two attempts clears the timer but, having no open socket whose close would end
 * the client, leaves it `reconnecting` for ever with its queued commands unanswered (and arms a timer on
 * the old socket). Here the timer goes and the client ends as ioredis ends one that never connected.
 */
function endBetweenAttempts(client: Redis): void {
  const internals = client as unknown as BetweenAttempts;
  if (internals.reconnectTimeout) clearTimeout(internals.reconnectTimeout);
  internals.reconnectTimeout = null;
  internals.manuallyClosing = true;
  closeHandler(client)();
}

async function settledWithin(reply: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([reply.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
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
