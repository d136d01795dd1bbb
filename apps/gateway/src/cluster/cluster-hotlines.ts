import type { CallEntryLookup, HotlineLookup } from '@dutyline/application';
import type { CallEntry, CallEntryRepository, Clock, Hotline, HotlineRepository, Id } from '@dutyline/domain';
import { DEFAULT_CACHE_CAPACITY, InvalidatedCache, InvalidatedCacheOptions } from './invalidated-cache';
import { InvalidationBus, hotlineTopic, numberTopic } from './invalidation-bus';

export interface ClusterHotlinesParts {
  readonly hotlines: Pick<HotlineRepository, 'byNumber' | 'byId'>;
  /** Extra numbers and entries (F25); without it no hotline has an entry. */
  readonly entries?: Pick<CallEntryRepository, 'callEntry' | 'extraNumber'>;
  readonly bus: InvalidationBus;
  readonly clock: Clock;
  /** `capacity`: hotlines kept (each under its number and its id, one object). */
  readonly cache?: InvalidatedCacheOptions;
}

/**
 * The hotlines the gateway reads on every call, in one cache over the bus (one subscription, one
 * bound): by number, which hotline answers it (the answer path; an unknown number is remembered too,
 * until `number:<e164>`), and by id (the callback offer), each kept until the hotline changes on any
 * instance (`hotline:<id>`). When the store fails, the last answer is served however old.
 * Also the call entries (F25): which hotline an extra number leads to, and each hotline's entry, kept
 * until that hotline changes (`hotline:<id>`, announced by entry writes too) or the number does.
 */
export class ClusterHotlines implements HotlineLookup, CallEntryLookup {
  private readonly hotlines: ClusterHotlinesParts['hotlines'];
  private readonly entries: ClusterHotlinesParts['entries'];
  private readonly cache: InvalidatedCache<Hotline | undefined>;
  private readonly entryCache: InvalidatedCache<CallEntry | null>;
  private readonly extraCache: InvalidatedCache<{ accountId: Id; hotlineId: Id } | undefined>;

  constructor(parts: ClusterHotlinesParts) {
    this.hotlines = parts.hotlines;
    this.entries = parts.entries;
    const capacity = parts.cache?.capacity ?? DEFAULT_CACHE_CAPACITY;
    this.cache = new InvalidatedCache(parts.bus, parts.clock, { ...parts.cache, capacity: 2 * capacity });
    this.entryCache = new InvalidatedCache(parts.bus, parts.clock, parts.cache);
    this.extraCache = new InvalidatedCache(parts.bus, parts.clock, parts.cache);
  }

  async extraNumber(e164: string): Promise<{ accountId: Id; hotlineId: Id } | undefined> {
    const entries = this.entries;
    if (!entries) return undefined;
    return this.extraCache.getOrRead(e164, async () => {
      const found = await entries.extraNumber(e164);
      return { value: found, topics: found ? [numberTopic(e164), hotlineTopic(found.hotlineId)] : [numberTopic(e164)] };
    });
  }

  async entryOf(accountId: Id, hotlineId: Id): Promise<CallEntry | null> {
    const entries = this.entries;
    if (!entries) return null;
    return this.entryCache.getOrRead(`${accountId}\u0000${hotlineId}`, async () => ({
      value: (await entries.callEntry(accountId, hotlineId))?.entry ?? null,
      topics: [hotlineTopic(hotlineId)],
    }));
  }

  hotline(accountId: Id, hotlineId: Id): Promise<Hotline | undefined> {
    return this.byId(accountId, hotlineId);
  }

  byNumber(e164: string): Promise<Hotline | undefined> {
    return this.cache.getOrRead(`number\u0000${e164}`, async () => {
      const hotline = await this.hotlines.byNumber(e164);
      if (!hotline) return { value: undefined, topics: [numberTopic(e164)] };
      // The callback offer asks by id on the same call: the same object answers it.
      const alsoUnder = [idKey(hotline.accountId, hotline.id)];
      return { value: hotline, topics: [numberTopic(e164), hotlineTopic(hotline.id)], alsoUnder };
    });
  }

  byId(accountId: Id, hotlineId: Id): Promise<Hotline | undefined> {
    return this.cache.getOrRead(idKey(accountId, hotlineId), async () => ({
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
    this.entryCache.close();
    this.extraCache.close();
  }
}

const idKey = (accountId: Id, hotlineId: Id) => `id\u0000${accountId}\u0000${hotlineId}`;
