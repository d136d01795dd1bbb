import { CallEntry, Hotline, Id } from '@dutyline/domain';
import { CallEntryLookup } from '../call-entry-lookup';
import { Outage } from './outage';

/** Entries and the hotlines they name, in memory; `outage` makes every read fail or hang. */
export class InMemoryCallEntries implements CallEntryLookup {
  readonly outage = new Outage();
  /** How many reads were made, for cache assertions. */
  reads = 0;
  private readonly hotlines = new Map<Id, Hotline>();
  private readonly entries = new Map<Id, CallEntry>();

  constructor(hotlines: Iterable<Hotline> = [], entries: Iterable<CallEntry> = []) {
    for (const hotline of hotlines) this.hotlines.set(hotline.id, hotline);
    for (const entry of entries) this.put(entry);
  }

  /** Adds or replaces a hotline's entry. */
  put(entry: CallEntry): void {
    this.entries.set(entry.hotlineId, entry);
  }

  /** Forgets a hotline (deleted): entries naming it find nothing. */
  removeHotline(hotlineId: Id): void {
    this.hotlines.delete(hotlineId);
  }

  async extraNumber(e164: string): Promise<{ accountId: Id; hotlineId: Id } | undefined> {
    await this.read('extraNumber');
    for (const entry of this.entries.values()) {
      const hotline = this.hotlines.get(entry.hotlineId);
      if (hotline && entry.extraNumbers.some((n) => n.e164 === e164))
        return { accountId: hotline.accountId, hotlineId: hotline.id };
    }
    return undefined;
  }

  async entryOf(accountId: Id, hotlineId: Id): Promise<CallEntry | null> {
    await this.read('entryOf');
    return this.hotlines.get(hotlineId)?.accountId === accountId ? (this.entries.get(hotlineId) ?? null) : null;
  }

  async hotline(accountId: Id, hotlineId: Id): Promise<Hotline | undefined> {
    await this.read('hotline');
    const hotline = this.hotlines.get(hotlineId);
    return hotline?.accountId === accountId ? hotline : undefined;
  }

  private async read(operation: string): Promise<void> {
    this.reads += 1;
    await this.outage.pass(operation);
  }
}
