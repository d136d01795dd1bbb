import type { HotlineLookup } from '@dutyline/application';
import type { Clock, Hotline, HotlineRepository } from '@dutyline/domain';
import { InvalidatedCache, InvalidatedCacheOptions } from './invalidated-cache';
import { InvalidationBus, hotlineTopic, numberTopic } from './invalidation-bus';

/**
 * Which hotline answers a number, read once and kept until the hotline or the number changes on any
 * instance (`hotline:<id>`, `number:<e164>`); an unknown number is remembered too. When the store
 * fails, the last answer is served however old.
 */
export class ClusterHotlineLookup implements HotlineLookup {
  private readonly cache: InvalidatedCache<Hotline | undefined>;

  constructor(
    private readonly hotlines: Pick<HotlineRepository, 'byNumber'>,
    bus: InvalidationBus,
    clock: Clock,
    options?: InvalidatedCacheOptions,
  ) {
    this.cache = new InvalidatedCache(bus, clock, options);
  }

  byNumber(e164: string): Promise<Hotline | undefined> {
    return this.cache.getOrRead(e164, async () => {
      const hotline = await this.hotlines.byNumber(e164);
      return { value: hotline, topics: hotline ? [numberTopic(e164), hotlineTopic(hotline.id)] : [numberTopic(e164)] };
    });
  }

  close(): void {
    this.cache.close();
  }
}
