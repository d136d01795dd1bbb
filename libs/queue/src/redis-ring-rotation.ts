import { RingRotation, RotationCounter } from '@dutyline/domain';
import { RedisCommandSettings, RedisCommands, openRedisCommands } from './redis-commands';

/**
 * Keys: `<prefix>:ring-rotation:<account>:<hotline>:<level>`; `commandTimeoutMs` defaults to 200
 * (the caller then plans with 0).
 */
export type RedisRingRotationSettings = RedisCommandSettings;

/**
 * Round-robin counters shared by every gateway using the same Redis and `prefix`: one INCR per call
 * of a balanced level (atomic, so two instances never hand out the same turn), a GET to peek.
 * Failure contract: every method rejects when Redis does not answer within `commandTimeoutMs`.
 */
export class RedisRingRotation implements RingRotation {
  private readonly redis: RedisCommands;

  constructor(settings: RedisRingRotationSettings) {
    this.redis = openRedisCommands(settings, { label: 'ring rotation', defaultTimeoutMs: 200 });
  }

  async next(counter: RotationCounter): Promise<number> {
    return (await this.redis.answer(this.redis.client.incr(this.keyOf(counter)))) - 1;
  }

  async peek(counter: RotationCounter): Promise<number> {
    const value = await this.redis.answer(this.redis.client.get(this.keyOf(counter)));
    return value === null ? 0 : Number(value);
  }

  /** Closes the connection when this rotation opened it. */
  close(): Promise<void> {
    return this.redis.release();
  }

  private keyOf({ accountId, hotlineId, level }: RotationCounter): string {
    return `${this.redis.prefix}:ring-rotation:${accountId}:${hotlineId}:${level}`;
  }
}
