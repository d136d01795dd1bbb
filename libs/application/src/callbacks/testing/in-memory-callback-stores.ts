import {
  CallbackServiceRef,
  CarrierPort,
  DEFAULT_PAGE_SIZE,
  DialRequest,
  Id,
  JobOptions,
  JobQueuePort,
  MAX_PAGE_SIZE,
  Page,
  PageRequest,
  PhoneNumber,
  VersionConflictError,
  callbackNextAttemptAt,
  callbackNextDueAt,
  callbackStatusAt,
  closingEvent,
  invalid,
} from '@dutyline/domain';
import {
  CallbackCaller,
  CallbackIntakeSettings,
  CallbackJobs,
  CallbackIntakeSettingsStore,
  CallbackRequestFilter,
  CallbackRequestStore,
} from '../ports';
import { StoredCallbackRequest } from '../stored-callback-request';

const sameService = (a: CallbackServiceRef, b: CallbackServiceRef) => a.kind === b.kind && a.id === b.id;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Callback requests in memory, with the store's rules: compare-and-set, accounts apart, pages checked. */
export class InMemoryCallbackRequestStore implements CallbackRequestStore {
  private readonly records = new Map<string, StoredCallbackRequest>();
  private readonly intakes = new Map<string, Promise<unknown>>();
  /** Writes made, for tests that count them. */
  saves = 0;

  async create(record: StoredCallbackRequest): Promise<StoredCallbackRequest> {
    const key = `${record.accountId}/${record.request.id}`;
    if (this.records.has(key)) throw new Error(`callback request ${record.request.id} exists`);
    const created = copy({ ...record, version: 1 });
    this.records.set(key, created);
    return copy(created);
  }

  async load(accountId: Id, id: Id): Promise<StoredCallbackRequest | undefined> {
    const found = this.records.get(`${accountId}/${id}`);
    return found && copy(found);
  }

  async save(record: StoredCallbackRequest): Promise<StoredCallbackRequest> {
    const key = `${record.accountId}/${record.request.id}`;
    const stored = this.records.get(key);
    if (!stored || stored.version !== record.version)
      throw new VersionConflictError(`callback request ${record.request.id} moved on`);
    const saved = copy({ ...record, version: record.version + 1 });
    this.records.set(key, saved);
    this.saves += 1;
    return copy(saved);
  }

  oneIntakeAtATime<T>(caller: CallbackCaller, work: () => Promise<T>): Promise<T> {
    const { accountId, service, number } = caller;
    const key = `${accountId}/${service.kind}/${service.id}/${number}`;
    const result = (this.intakes.get(key) ?? Promise.resolve()).then(work, work);
    this.intakes.set(
      key,
      result.catch(() => undefined),
    );
    return result;
  }

  async unclosed(accountId: Id, service: CallbackServiceRef, number: string): Promise<StoredCallbackRequest[]> {
    return this.all()
      .filter(
        (r) =>
          r.accountId === accountId &&
          sameService(r.service, service) &&
          r.request.number === number &&
          closingEvent(r.request) === null,
      )
      .sort((a, b) => a.request.createdAt - b.request.createdAt);
  }

  async list(accountId: Id, filter: CallbackRequestFilter, page?: PageRequest): Promise<Page<StoredCallbackRequest>> {
    const matching = this.all()
      .filter((r) => r.accountId === accountId)
      .filter((r) => filter.status === undefined || callbackStatusAt(r.request, filter.at) === filter.status)
      .filter((r) => filter.service === undefined || sameService(r.service, filter.service))
      .filter((r) => filter.services === undefined || filter.services.some((s) => sameService(s, r.service)))
      .filter(
        (r) =>
          !filter.visible ||
          (callbackStatusAt(r.request, filter.at) === 'open' &&
            (callbackNextAttemptAt(r.request) ?? Infinity) <= filter.at),
      )
      .sort((a, b) => b.request.createdAt - a.request.createdAt || (a.request.id < b.request.id ? 1 : -1));
    return paged(matching, page);
  }

  async byCall(callId: Id): Promise<StoredCallbackRequest | undefined> {
    return this.all().find((r) => r.call?.id === callId);
  }

  async dueForDialling(page?: PageRequest): Promise<Page<StoredCallbackRequest>> {
    const due = this.all()
      .filter((r) => r.request.policy.mode === 'automatic' && callbackNextDueAt(r.request) !== null)
      .sort((a, b) => callbackNextDueAt(a.request)! - callbackNextDueAt(b.request)!);
    return paged(due, page);
  }

  private all(): StoredCallbackRequest[] {
    return [...this.records.values()].map(copy);
  }
}

function paged<T>(items: readonly T[], page: PageRequest = {}): Page<T> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    invalid('INVALID_PAGE_SIZE', 'first', `ask for 1 to ${MAX_PAGE_SIZE} items`);
  const start = page.after ? Number(page.after) : 0;
  if (!Number.isInteger(start) || start < 0)
    invalid('INVALID_CURSOR', 'after', 'this cursor was not handed out by this list');
  const slice = items.slice(start, start + first);
  return { items: slice, nextCursor: start + first < items.length ? String(start + first) : null };
}

export class InMemoryCallbackIntakeStore implements CallbackIntakeSettingsStore {
  private readonly settings = new Map<string, CallbackIntakeSettings>();

  async intakeSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackIntakeSettings | undefined> {
    return this.settings.get(`${accountId}/${service.kind}/${service.id}`);
  }

  async saveIntakeSettings(settings: CallbackIntakeSettings): Promise<void> {
    this.settings.set(`${settings.accountId}/${settings.service.kind}/${settings.service.id}`, copy(settings));
  }
}

/** A carrier that records what it is asked to dial; `failNext` makes the next dials reject. */
export class RecordingCarrier implements CarrierPort {
  readonly dials: DialRequest[] = [];
  private failures = 0;

  failNext(times = 1): void {
    this.failures += times;
  }

  async dial(request: DialRequest): Promise<{ legId: string }> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('carrier unreachable');
    }
    this.dials.push(request);
    return { legId: `leg-${this.dials.length}` };
  }

  async transfer(_callId: Id, _to: PhoneNumber): Promise<void> {}

  async hangup(_callId: Id): Promise<void> {}

  /** `[callId, to]` of each dial, in order. */
  dialled(): [string, string][] {
    return this.dials.map((d) => [d.callId, d.to.e164]);
  }
}

/** Keeps enqueued callback jobs, one per id while not taken (as a real queue collapses them). */
export class RecordingCallbackJobs implements JobQueuePort<CallbackJobs> {
  readonly jobs: { payload: CallbackJobs['callback.attempt']; options: JobOptions }[] = [];

  async enqueue<K extends keyof CallbackJobs & string>(
    _name: K,
    payload: CallbackJobs[K],
    options: JobOptions,
  ): Promise<void> {
    if (this.jobs.some((job) => job.options.jobId === options.jobId)) return;
    this.jobs.push({ payload, options });
  }

  /** Takes every job out, as a worker would. */
  take(): { payload: CallbackJobs['callback.attempt']; options: JobOptions }[] {
    return this.jobs.splice(0);
  }

  ids(): string[] {
    return this.jobs.map((job) => job.options.jobId);
  }
}
