import { CallJournal, CallJournalEntry, JournaledEntry } from './ports';

/** A journal in memory only: what the service uses without a durable one (a restart loses it). */
export class MemoryCallJournal implements CallJournal {
  private entries: JournaledEntry[] = [];
  private next = 1;

  constructor(initial: readonly JournaledEntry[] = []) {
    this.entries = [...initial];
    this.next = initial.reduce((max, each) => Math.max(max, each.seq), 0) + 1;
  }

  async append(entry: CallJournalEntry): Promise<number> {
    const seq = this.next++;
    this.entries.push({ seq, entry });
    return seq;
  }

  pending(): readonly JournaledEntry[] {
    return this.entries;
  }

  async settle(seqs: readonly number[]): Promise<void> {
    const done = new Set(seqs);
    this.entries = this.entries.filter((each) => !done.has(each.seq));
  }
}
