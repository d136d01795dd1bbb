import type { ActiveCallHold, ActiveCalls } from '@dutyline/application';
import { Id, invalid } from '@dutyline/domain';
import { RedisCommandSettings, RedisCommands, openRedisCommands } from './redis-commands';

/**
 * Keys: `<prefix>:active-calls:<account>:<person>`; `commandTimeoutMs` defaults to 200 (the call then
 * skips nobody).
 */
export type RedisActiveCallsSettings = RedisCommandSettings;

/*
 * A sorted set per person: members are call ids, scored by the instant (epoch ms) the hold lapses; the
 * key itself expires with its latest hold. HOLD: ARGV[1] = until, ARGV[2] = call id.
 */
const HOLD = `
redis.call('ZADD', KEYS[1], tonumber(ARGV[1]), ARGV[2])
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], tonumber(latest[2]))
return 1
`;

/* COUNTS: drops the lapsed holds of every key (by Redis's clock), then counts what is left, in key order. */
const COUNTS = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local counts = {}
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', nowMs)
  counts[i] = redis.call('ZCARD', key)
end
return counts
`;

interface ActiveCallsCommands {
  dutylineActiveCallHold(key: string, until: number, callId: string): Promise<number>;
  dutylineActiveCallCounts(...args: [number, ...string[]]): Promise<number[]>;
}

/**
 * Who is on a call, shared by every gateway using the same Redis and `prefix` (the cap on simultaneous
 * calls per person, F26). Each operation is one atomic script or command, one round trip; holds lapse
 * by Redis's clock, so instances with skewed clocks agree on what has lapsed.
 * Failure contract: every method rejects when Redis does not answer within `commandTimeoutMs`.
 */
export class RedisActiveCalls implements ActiveCalls {
  private readonly redis: RedisCommands;

  constructor(settings: RedisActiveCallsSettings) {
    this.redis = openRedisCommands(settings, { label: 'active calls', defaultTimeoutMs: 200 });
    this.redis.client.defineCommand('dutylineActiveCallHold', { numberOfKeys: 1, lua: HOLD });
    this.redis.client.defineCommand('dutylineActiveCallCounts', { lua: COUNTS });
  }

  async hold({ accountId, personId, callId, until }: ActiveCallHold): Promise<void> {
    if (!Number.isSafeInteger(until)) invalid('INVALID_INSTANT', 'until', 'a hold lapses at an instant in epoch ms');
    await this.redis.answer(this.commands.dutylineActiveCallHold(this.keyOf(accountId, personId), until, callId));
  }

  async release({ accountId, personId, callId }: { accountId: Id; personId: Id; callId: Id }): Promise<void> {
    await this.redis.answer(this.redis.client.zrem(this.keyOf(accountId, personId), callId));
  }

  async counts(accountId: Id, personIds: readonly Id[]): Promise<Map<Id, number>> {
    const counts = new Map<Id, number>();
    if (personIds.length === 0) return counts;
    const keys = personIds.map((personId) => this.keyOf(accountId, personId));
    const replies = await this.redis.answer(this.commands.dutylineActiveCallCounts(keys.length, ...keys));
    personIds.forEach((personId, i) => {
      if (replies[i] > 0) counts.set(personId, replies[i]);
    });
    return counts;
  }

  /** Closes the connection when this adapter opened it. */
  close(): Promise<void> {
    return this.redis.release();
  }

  private get commands(): ActiveCallsCommands {
    return this.redis.client as unknown as ActiveCallsCommands;
  }

  private keyOf(accountId: Id, personId: Id): string {
    return `${this.redis.prefix}:active-calls:${accountId}:${personId}`;
  }
}
