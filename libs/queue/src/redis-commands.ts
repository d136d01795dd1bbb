import { Redis } from 'ioredis';
import { invalid } from '@dutyline/domain';
import { RedisConnection, openRedis } from './redis-client';
import { keyPrefix } from './redis-key-prefix';

/** How a Redis-backed adapter reaches Redis. */
export interface RedisCommandSettings {
  /** A `redis://` URL (the connection is opened and closed here) or an ioredis client you own and close. */
  readonly connection: RedisConnection;
  /** Namespaces the keys. @defaultValue `'dutyline'` */
  readonly prefix?: string;
  /** A command not answered by then rejects. @defaultValue the adapter's */
  readonly commandTimeoutMs?: number;
  /** Told about connection errors. @defaultValue writes to `console.error` */
  readonly onError?: (error: Error) => void;
}

/** A non-blocking connection with its key prefix, and a time limit on every reply. */
export interface RedisCommands {
  readonly client: Redis;
  readonly prefix: string;
  /** `reply`, or a rejection when it takes longer than `commandTimeoutMs`. */
  answer<T>(reply: Promise<T>): Promise<T>;
  /** Closes the connection when it was opened here. */
  release(): Promise<void>;
}

/** Validates the settings (naming the field) and opens the connection; `label` prefixes logged errors. */
export function openRedisCommands(
  settings: RedisCommandSettings,
  { label, defaultTimeoutMs }: { readonly label: string; readonly defaultTimeoutMs: number },
): RedisCommands {
  const { commandTimeoutMs = defaultTimeoutMs } = settings;
  if (!Number.isInteger(commandTimeoutMs) || commandTimeoutMs < 1)
    invalid('OUT_OF_RANGE', 'commandTimeoutMs', 'a command timeout is at least 1 ms');
  const prefix = keyPrefix(settings.prefix);
  const redis = openRedis(settings.connection, false);
  redis.client.on('error', settings.onError ?? ((error: Error) => console.error(`[${label}]`, error)));
  return {
    client: redis.client,
    prefix,
    answer: (reply) => within(reply, commandTimeoutMs),
    release: () => redis.release(),
  };
}

function within<T>(reply: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([reply, timeout]).finally(() => clearTimeout(timer));
}
