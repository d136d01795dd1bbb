import { dropOldest, keepWithin } from '@dutyline/domain';

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
    keepWithin(this.entries, this.capacity);
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
