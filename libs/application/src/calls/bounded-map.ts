/** A map that forgets its least recently written entries beyond `capacity`. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Forgets the least recently written `share` (0–1) of the entries; returns how many. */
  shed(share: number): number {
    return dropOldest(this.entries, share);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Drops the first `share` (0–1) of a Map's entries, the oldest in a Map kept in use order; returns how many. */
export function dropOldest(entries: Map<unknown, unknown>, share: number): number {
  const count = Math.ceil(entries.size * Math.min(1, Math.max(0, share)));
  let dropped = 0;
  for (const key of entries.keys()) {
    if (dropped >= count) break;
    entries.delete(key);
    dropped++;
  }
  return dropped;
}
