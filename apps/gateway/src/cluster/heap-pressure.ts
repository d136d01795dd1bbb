import { PerformanceObserver, constants } from 'node:perf_hooks';
import v8 from 'node:v8';

/** A cache that can give back memory: drops its least recently used `share` (0–1) of entries, returns how many. */
export interface SheddableCache {
  shed(share: number): number;
}

/** Where caches register to be shed when the heap runs short. */
export interface CacheShedding {
  /** Returns the unregistering function (a closed cache calls it). */
  register(cache: SheddableCache): () => void;
}

/** The heap in use and its limit, in bytes. */
export interface HeapUse {
  readonly used: number;
  readonly limit: number;
}

/** Above this share of V8's heap limit after a full collection, the caches give back memory. */
export const CACHE_HEAP_SHARE = 0.5;
/** What each cache drops when the heap is above the share. */
export const SHED_SHARE = 0.25;
/** Checks at most this often (full collections come in bursts near the limit). */
const MIN_CHECK_INTERVAL_MS = 1000;

export interface HeapPressureOptions {
  /** @defaultValue v8's heap statistics */
  readonly heap?: () => HeapUse;
  /** Told each time entries were dropped. */
  readonly onShed?: (report: { readonly dropped: number; readonly heap: HeapUse }) => void;
  /** @defaultValue CACHE_HEAP_SHARE */
  readonly heapShare?: number;
}

const v8Heap = (): HeapUse => {
  const stats = v8.getHeapStatistics();
  return { used: stats.used_heap_size, limit: stats.heap_size_limit };
};

/**
 * The answer path's caches hold up to `HOTLINE_CACHE_SIZE` hotlines each, but a hotline's entries vary
 * in size (a plan naming 200 people weighs more than one naming 3): counting entries alone cannot keep
 * the heap under V8's limit, and a gateway out of heap stops every hotline. After each full garbage
 * collection (what is left then is live), when the heap in use is above `CACHE_HEAP_SHARE` of the
 * limit, every registered cache drops its least recently used quarter; the next full collection
 * checks again. A dropped entry costs its hotline one read on its next call.
 */
export class HeapPressure implements CacheShedding {
  private readonly caches = new Set<SheddableCache>();
  private readonly heap: () => HeapUse;
  private readonly heapShare: number;
  private observer?: PerformanceObserver;
  private lastCheck = -Infinity;

  constructor(private readonly options: HeapPressureOptions = {}) {
    this.heap = options.heap ?? v8Heap;
    this.heapShare = options.heapShare ?? CACHE_HEAP_SHARE;
  }

  register(cache: SheddableCache): () => void {
    this.caches.add(cache);
    return () => this.caches.delete(cache);
  }

  /** Sheds when the heap is above its share now; returns the entries dropped. */
  relieve(): number {
    const heap = this.heap();
    if (heap.used <= this.heapShare * heap.limit) return 0;
    let dropped = 0;
    for (const cache of this.caches) dropped += cache.shed(SHED_SHARE);
    if (dropped > 0) this.options.onShed?.({ dropped, heap });
    return dropped;
  }

  /** Checks after every full garbage collection (at most once a second) until `stop`. */
  start(): void {
    if (this.observer) return;
    this.observer = new PerformanceObserver((list) => {
      const major = list
        .getEntries()
        .some(
          (entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR,
        );
      const now = performance.now();
      if (!major || now - this.lastCheck < MIN_CHECK_INTERVAL_MS) return;
      this.lastCheck = now;
      this.relieve();
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
