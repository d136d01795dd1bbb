import { Clock, Instant, dropOldest, keepWithin } from '@dutyline/domain';
import type { CacheShedding, SheddableCache } from './heap-pressure';
import { InvalidationBus, invalidationOf } from './invalidation-bus';

/** Entries an `InvalidatedCache` keeps unless told otherwise (`HOTLINE_CACHE_SIZE` sets the answer path's). */
export const DEFAULT_CACHE_CAPACITY = 10_000;

export interface InvalidatedCacheOptions {
  /** How long an entry is served while the bus is live: the safety net for a change made outside the gateways. @defaultValue 60000 */
  readonly maxAgeMs?: number;
  /** How long an entry is served while the bus is not live (messages may be missed then). @defaultValue 1000 */
  readonly offlineMaxAgeMs?: number;
  /** Entries kept; the least recently used go first. @defaultValue 10000 */
  readonly capacity?: number;
  /** Where the cache registers to give back memory when the heap runs short (`HeapPressure`). @defaultValue none */
  readonly shedding?: CacheShedding;
}

/** What a read produced, and the topics whose invalidation must drop it. */
export interface CacheFill<V> {
  readonly value: V;
  readonly topics: readonly string[];
  /** Other keys the same value answers (one object kept, not a copy read again), unless fresh there already. */
  readonly alsoUnder?: readonly string[];
}

interface Entry<V> {
  readonly value: V;
  readonly topics: readonly string[];
  readonly storedAt: Instant;
}

/**
 * Values read from the database, kept until an invalidation names one of their topics (from this
 * process or, through the bus, from another). Concurrent misses of one key share one read, unless an
 * invalidation came in between. A read that overlapped an invalidation is returned to the calls made
 * before it but not kept (it may predate the change). When a read fails, the last value known for
 * the key is served however old (stale beats silence).
 */
export class InvalidatedCache<V> implements SheddableCache {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly reading = new Map<string, Promise<V>>();
  private readonly maxAgeMs: number;
  private readonly offlineMaxAgeMs: number;
  private readonly capacity: number;
  /** Moves on every invalidation: a read that saw it move keeps nothing. */
  private epoch = 0;
  private readonly unsubscribe: () => void;
  private readonly unregister: () => void;

  constructor(
    private readonly bus: InvalidationBus,
    private readonly clock: Clock,
    options: InvalidatedCacheOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.offlineMaxAgeMs = options.offlineMaxAgeMs ?? 1000;
    this.capacity = options.capacity ?? DEFAULT_CACHE_CAPACITY;
    this.unsubscribe = bus.subscribe((topic) => this.invalidate(topic));
    this.unregister = options.shedding?.register(this) ?? (() => undefined);
  }

  /** The cached value when fresh and `usable`, else the value `read` gives (kept unless invalidated meanwhile). */
  async getOrRead(
    key: string,
    read: () => Promise<CacheFill<V>>,
    usable: (value: V) => boolean = () => true,
  ): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && this.fresh(entry) && usable(entry.value)) {
      this.store(key, entry);
      return entry.value;
    }
    const pending = this.reading.get(key);
    if (pending) {
      const shared = await pending;
      if (usable(shared)) return shared;
    }
    const started = this.read(key, read).finally(() => {
      if (this.reading.get(key) === started) this.reading.delete(key);
    });
    this.reading.set(key, started);
    return started;
  }

  /**
   * Drops the entries an invalidation topic names (`*`: all). The reads under way are no longer shared:
   * begun before the change, they may not show it, so a call after it starts a read of its own.
   */
  invalidate(topic: string): void {
    this.epoch += 1;
    this.reading.clear();
    if (invalidationOf(topic).kind === 'everything') return this.entries.clear();
    for (const [key, entry] of this.entries) if (entry.topics.includes(topic)) this.entries.delete(key);
  }

  /** Drops the least recently used `share` (0–1) of the entries; returns how many. */
  shed(share: number): number {
    return dropOldest(this.entries, share);
  }

  /** Stops listening to the bus (and to heap pressure). */
  close(): void {
    this.unsubscribe();
    this.unregister();
  }

  get size(): number {
    return this.entries.size;
  }

  private fresh(entry: Entry<V>): boolean {
    return this.clock.now() - entry.storedAt < (this.bus.live ? this.maxAgeMs : this.offlineMaxAgeMs);
  }

  private async read(key: string, read: () => Promise<CacheFill<V>>): Promise<V> {
    const epoch = this.epoch;
    const storedAt = this.clock.now();
    let fill: CacheFill<V>;
    try {
      fill = await read();
    } catch (error) {
      const stale = this.entries.get(key);
      if (stale) return stale.value;
      throw error;
    }
    if (epoch === this.epoch) {
      const entry = { value: fill.value, topics: fill.topics, storedAt };
      this.store(key, entry);
      for (const other of fill.alsoUnder ?? []) {
        const there = this.entries.get(other);
        if (!there || !this.fresh(there)) this.store(other, entry);
      }
    }
    return fill.value;
  }

  /** Keeps `entry` as the most recently used (the entries at the front are the least recently used). */
  private store(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    keepWithin(this.entries, this.capacity);
  }
}
