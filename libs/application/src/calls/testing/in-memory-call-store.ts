import {
  CallFigures,
  Id,
  Page,
  PageRequest,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  VersionConflictError,
  invalid,
} from '@dutyline/domain';
import { CallFilter, CallLogReader, CallStore } from '../ports';
import { StoredCall, callRecordOf } from '../stored-call';
import { Outage } from './outage';

/**
 * A `CallStore` and `CallLogReader` in memory, keeping each call as JSON text, as a database would:
 * a call that does not survive `JSON.stringify` fails here too. `outage` makes it fail or hang.
 */
export class InMemoryCallStore implements CallStore, CallLogReader {
  readonly outage = new Outage();
  /** Writes that reached the store (creates and saves), for assertions. */
  writes = 0;
  private readonly documents = new Map<Id, string>();

  async create(call: StoredCall): Promise<{ created: boolean; call: StoredCall }> {
    await this.outage.pass('create');
    const existing = this.all().find((c) => c.carrier === call.carrier && c.carrierCallId === call.carrierCallId);
    if (existing) return { created: false, call: existing };
    if (this.documents.has(call.id)) throw new Error(`call ${call.id} exists`);
    const stored = { ...call, version: 1 };
    this.documents.set(call.id, JSON.stringify(stored));
    this.writes += 1;
    return { created: true, call: stored };
  }

  async load(callId: Id): Promise<StoredCall | undefined> {
    await this.outage.pass('load');
    return this.read(callId);
  }

  async findByCarrierCall(carrier: string, carrierCallId: string): Promise<StoredCall | undefined> {
    await this.outage.pass('findByCarrierCall');
    return this.all().find((c) => c.carrier === carrier && c.carrierCallId === carrierCallId);
  }

  async save(call: StoredCall): Promise<number> {
    await this.outage.pass('save');
    const current = this.read(call.id);
    if (!current || current.version !== call.version) {
      throw new VersionConflictError(
        `call ${call.id} is at version ${current?.version ?? 'none'}, not ${call.version}`,
      );
    }
    const version = call.version + 1;
    this.documents.set(call.id, JSON.stringify({ ...call, version }));
    this.writes += 1;
    return version;
  }

  async listCalls(accountId: Id, filter: CallFilter = {}, page: PageRequest = {}): Promise<Page<StoredCall>> {
    await this.outage.pass('listCalls');
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isSafeInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
      invalid('INVALID_PAGE_SIZE', 'first', `first is 1 to ${MAX_PAGE_SIZE}`);
    const matching = this.matching(accountId, filter);
    let start = 0;
    if (page.after) {
      const index = matching.findIndex((call) => cursorOf(call) === page.after);
      if (index < 0) invalid('INVALID_CURSOR', 'after', 'this cursor was not handed out by this list');
      start = index + 1;
    }
    const items = matching.slice(start, start + first);
    const more = start + first < matching.length;
    return { items, nextCursor: more ? cursorOf(items[items.length - 1]) : null };
  }

  async call(accountId: Id, callId: Id): Promise<StoredCall | undefined> {
    await this.outage.pass('call');
    const found = this.read(callId);
    return found?.accountId === accountId ? found : undefined;
  }

  async callFigures(accountId: Id, filter: CallFilter, limit: number): Promise<CallFigures[]> {
    await this.outage.pass('callFigures');
    return this.matching(accountId, filter)
      .slice(0, limit)
      .map((call) => {
        const { outcome, answeredBy, timeToAnswerSeconds, durationSeconds } = callRecordOf(call);
        return { outcome, answeredBy, timeToAnswerSeconds, durationSeconds };
      });
  }

  /** Every stored call, without going through the outage switch. */
  all(): StoredCall[] {
    return [...this.documents.keys()].map((id) => this.read(id)!);
  }

  /** One stored call, without going through the outage switch. */
  peek(callId: Id): StoredCall | undefined {
    return this.read(callId);
  }

  /** The account's calls of `filter`, newest first. */
  private matching(accountId: Id, filter: CallFilter): StoredCall[] {
    return this.all()
      .filter((call) => call.accountId === accountId && matches(call, filter))
      .sort((a, b) => b.timeline.startedAt - a.timeline.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  private read(callId: Id): StoredCall | undefined {
    const text = this.documents.get(callId);
    return text === undefined ? undefined : (JSON.parse(text) as StoredCall);
  }
}

const cursorOf = (call: StoredCall): string => `${call.timeline.startedAt}~${call.id}`;

function matches(call: StoredCall, filter: CallFilter): boolean {
  const record = callRecordOf(call);
  return (
    (filter.hotlineId === undefined || record.hotlineId === filter.hotlineId) &&
    (filter.outcome === undefined || record.outcome === filter.outcome) &&
    (filter.answeredBy === undefined || record.answeredBy?.personId === filter.answeredBy) &&
    (filter.from === undefined || record.startedAt >= filter.from) &&
    (filter.to === undefined || record.startedAt < filter.to)
  );
}
