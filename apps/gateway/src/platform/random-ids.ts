import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '@dutyline/domain';

/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
 * Unique across instances without coordination, and new rows land at the end of the primary key's
 * B-tree instead of a random page (the call log takes a row per call).
 */
export function timeOrderedIds(clock: Clock): IdGenerator {
  return {
    next: () => {
      const random = randomUUID();
      const time = Math.max(0, Math.floor(clock.now())).toString(16).padStart(12, '0').slice(-12);
      return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`;
    },
  };
}
