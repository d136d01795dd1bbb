import { Id, Slot } from '@dutyline/domain';

interface Entry {
  readonly version: number;
  readonly slots: readonly Slot[];
}

/**
 * The slots of one hotline around one local day, remembered with the schedule version they were
 * read at. An entry only answers for that version, so a write anywhere (which moves the version) makes
 * it useless at once; `invalidate` drops a hotline's entries early. Least recently used entries go
 * first beyond `capacity`.
 */
export class ScheduleWindowCache {
  private readonly entries = new Map<string, Entry>();

  /** @param capacity entries kept, @defaultValue 1000 */
  constructor(private readonly capacity = 1000) {}

  get(accountId: Id, hotlineId: Id, epochDay: number, version: number): readonly Slot[] | undefined {
    const key = keyOf(accountId, hotlineId, epochDay);
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.slots;
  }

  set(accountId: Id, hotlineId: Id, epochDay: number, version: number, slots: readonly Slot[]): void {
    const key = keyOf(accountId, hotlineId, epochDay);
    this.entries.delete(key);
    this.entries.set(key, { version, slots });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops every entry of the hotline (a write seen by this process, or a message from another). */
  invalidate(hotlineId: Id): void {
    for (const key of [...this.entries.keys()]) if (key.split('/')[1] === hotlineId) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

const keyOf = (accountId: Id, hotlineId: Id, epochDay: number) => `${accountId}/${hotlineId}/${epochDay}`;
