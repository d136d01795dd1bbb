import { Id, Slot, keepWithin } from '@dutyline/domain';

/** The slots of a schedule read at one version. */
interface Entry {
  readonly version: number;
  readonly slots: readonly Slot[];
}

/** One hotline's schedule around one local day. */
export interface ScheduleWindow {
  readonly accountId: Id;
  readonly hotlineId: Id;
  readonly epochDay: number;
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

  get(window: ScheduleWindow, version: number): readonly Slot[] | undefined {
    const key = keyOf(window);
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.slots;
  }

  set(window: ScheduleWindow, read: Entry): void {
    const key = keyOf(window);
    this.entries.delete(key);
    this.entries.set(key, { version: read.version, slots: read.slots });
    keepWithin(this.entries, this.capacity);
  }

  /** Drops every entry of the hotline (a write seen by this process, or a message from another). */
  invalidate(hotlineId: Id): void {
    for (const key of [...this.entries.keys()]) if (key.split('/')[1] === hotlineId) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

const keyOf = ({ accountId, hotlineId, epochDay }: ScheduleWindow) => `${accountId}/${hotlineId}/${epochDay}`;
