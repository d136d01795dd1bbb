import { CallEntry, Hotline, Id } from '@dutyline/domain';
import { HotlineLookup } from './ports';

/**
 * How calls enter hotlines (F25): extra public numbers, each hotline's entry, the hotlines entries
 * send calls to. Asked on every call, so implementations cache (the gateway's `ClusterHotlines`).
 * Failure contract: a rejection means it cannot tell now; the call then goes to the hotline's own line.
 */
export interface CallEntryLookup {
  /** The hotline an extra number leads to; undefined when the number is nobody's extra number. */
  extraNumber(e164: string): Promise<{ readonly accountId: Id; readonly hotlineId: Id } | undefined>;
  /** The hotline's entry; null when it has none (every call goes to its line). */
  entryOf(accountId: Id, hotlineId: Id): Promise<CallEntry | null>;
  /** A hotline of the account (an entry's target); undefined when it is gone. */
  hotline(accountId: Id, hotlineId: Id): Promise<Hotline | undefined>;
}

/** The hotline a dialled number reaches, with its entry (null: none, or the lookup could not tell). */
export interface DialledHotline {
  readonly hotline: Hotline;
  readonly entry: CallEntry | null;
}

/**
 * The one place a dialled number becomes a hotline and its entry: the hotline's own number first,
 * else an extra number of an entry. Without a `CallEntryLookup` every call goes to the line.
 */
export class DialledNumbers {
  constructor(
    private readonly hotlines: HotlineLookup,
    private readonly entries: CallEntryLookup | undefined,
    private readonly onEntryFailure: (error: unknown, hotlineId: Id | null) => void,
  ) {}

  /** Undefined when no hotline answers the number; rejects when the hotline lookup cannot tell. */
  async byNumber(e164: string): Promise<DialledHotline | undefined> {
    const own = await this.hotlines.byNumber(e164);
    const hotline = own ?? (await this.byExtraNumber(e164));
    if (!hotline) return undefined;
    return { hotline, entry: await this.entryOf(hotline) };
  }

  /** The hotline an entry's route names: the entry's own, else another of the account (undefined: gone). */
  async target(from: Hotline, hotlineId: Id): Promise<Hotline | undefined> {
    if (hotlineId === from.id || !this.entries) return hotlineId === from.id ? from : undefined;
    return this.entries.hotline(from.accountId, hotlineId);
  }

  private async byExtraNumber(e164: string): Promise<Hotline | undefined> {
    if (!this.entries) return undefined;
    const extra = await this.entries.extraNumber(e164);
    return extra ? this.entries.hotline(extra.accountId, extra.hotlineId) : undefined;
  }

  private async entryOf(hotline: Hotline): Promise<CallEntry | null> {
    if (!this.entries) return null;
    try {
      return await this.entries.entryOf(hotline.accountId, hotline.id);
    } catch (error) {
      this.onEntryFailure(error, hotline.id);
      return null;
    }
  }
}
