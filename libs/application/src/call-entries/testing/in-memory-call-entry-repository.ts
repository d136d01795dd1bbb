import {
  CallEntryRepository,
  ExtraNumberTaken,
  HotlineRepository,
  Id,
  NotFound,
  Result,
  StoredCallEntry,
  err,
  invalid,
  ok,
} from '@dutyline/domain';

/** Entries in memory, with the SQL store's refusals: an unknown hotline, a number another hotline answers. */
export class InMemoryCallEntryRepository implements CallEntryRepository {
  private readonly entries = new Map<string, StoredCallEntry>();

  constructor(private readonly hotlines: Pick<HotlineRepository, 'byId' | 'byNumber'>) {}

  async callEntry(accountId: Id, hotlineId: Id): Promise<StoredCallEntry | undefined> {
    return this.entries.get(`${accountId}/${hotlineId}`);
  }

  async saveCallEntry(stored: StoredCallEntry): Promise<Result<void, ExtraNumberTaken>> {
    const { accountId, entry } = stored;
    if (!(await this.hotlines.byId(accountId, entry.hotlineId)))
      invalid('UNKNOWN_HOTLINE', 'hotlineId', `there is no hotline ${entry.hotlineId} in this account`);
    for (const [index, number] of entry.extraNumbers.entries()) {
      const holder = await this.extraNumber(number.e164);
      const taken = holder && (holder.accountId !== accountId || holder.hotlineId !== entry.hotlineId);
      if (taken || (await this.hotlines.byNumber(number.e164))) return err({ code: 'NUMBER_TAKEN', index });
    }
    this.entries.set(`${accountId}/${entry.hotlineId}`, stored);
    return ok(undefined);
  }

  async deleteCallEntry(accountId: Id, hotlineId: Id): Promise<Result<void, NotFound>> {
    return this.entries.delete(`${accountId}/${hotlineId}`) ? ok(undefined) : err({ code: 'NOT_FOUND' });
  }

  async extraNumber(e164: string): Promise<{ accountId: Id; hotlineId: Id } | undefined> {
    for (const { accountId, entry } of this.entries.values())
      if (entry.extraNumbers.some((n) => n.e164 === e164)) return { accountId, hotlineId: entry.hotlineId };
    return undefined;
  }
}
