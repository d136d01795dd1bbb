import type { HotlineLookup } from '@dutyline/application';
import type { Clock, Hotline, HotlineRepository, Id } from '@dutyline/domain';
import { InvalidatedCache, InvalidatedCacheOptions } from './invalidated-cache';
import { InvalidationBus, hotlineTopic, numberTopic } from './invalidation-bus';

export interface ClusterHotlinesParts {
  readonly hotlines: Pick<HotlineRepository, 'byNumber' | 'byId'>;
  readonly bus: InvalidationBus;
  readonly clock: Clock;
  readonly cache?: InvalidatedCacheOptions;
}

/**
 * The hotlines the gateway reads on every call, in one cache over the bus (one subscription, one
 * bound): by number, which hotline answers it (the answer path; an unknown number is remembered too,
 * until `number:<e164>`), and by id (the callback offer), each kept until the hotline changes on any
 * instance (`hotline:<id>`). When the store fails, the last answer is served however old.
 */
export class ClusterHotlines implements HotlineLookup {
  private readonly hotlines: ClusterHotlinesParts['hotlines'];
  private readonly cache: InvalidatedCache<Hotline | undefined>;

  constructor(parts: ClusterHotlinesParts) {
    this.hotlines = parts.hotlines;
    this.cache = new InvalidatedCache(parts.bus, parts.clock, parts.cache);
  }

  byNumber(e164: string): Promise<Hotline | undefined> {
    return this.cache.getOrRead(`number\u0000${e164}`, async () => {
      const hotline = await this.hotlines.byNumber(e164);
      return { value: hotline, topics: hotline ? [numberTopic(e164), hotlineTopic(hotline.id)] : [numberTopic(e164)] };
    });
  }

  byId(accountId: Id, hotlineId: Id): Promise<Hotline | undefined> {
    return this.cache.getOrRead(`id\u0000${accountId}\u0000${hotlineId}`, async () => ({
      value: await this.hotlines.byId(accountId, hotlineId),
      topics: [hotlineTopic(hotlineId)],
    }));
  }

  /** `repository` with its `byId` answered from this cache; everything else goes straight to it. */
  servingById<R extends Pick<HotlineRepository, 'byId'>>(repository: R): R {
    const byId = (accountId: Id, hotlineId: Id) => this.byId(accountId, hotlineId);
    return new Proxy(repository, {
      get(target, property) {
        if (property === 'byId') return byId;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  close(): void {
    this.cache.close();
  }
}
