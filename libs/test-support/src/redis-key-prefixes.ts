import { Redis } from 'ioredis';
import { redisUrl, uniqueName } from './test-services';

/** Fresh key prefixes for one spec on the test Redis; `cleanUp` (in `afterEach`) deletes every key under them. */
export interface RedisKeyPrefixes {
  fresh(): string;
  cleanUp(): Promise<void>;
}

export function redisKeyPrefixes(tag: string): RedisKeyPrefixes {
  const used: string[] = [];
  return {
    fresh: () => {
      const prefix = uniqueName(tag);
      used.push(prefix);
      return prefix;
    },
    cleanUp: async () => {
      if (used.length === 0) return;
      const client = new Redis(redisUrl());
      try {
        for (const prefix of used.splice(0)) {
          const keys = await client.keys(`${prefix}:*`);
          if (keys.length > 0) await client.del(...keys);
        }
      } finally {
        await client.quit();
      }
    },
  };
}
