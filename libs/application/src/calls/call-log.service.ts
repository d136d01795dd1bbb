import {
  CallRecord,
  CallStatistics,
  Clock,
  Id,
  IdGenerator,
  Page,
  PageRequest,
  Result,
  VersionConflictError,
  assertInstant,
  callComment,
  callStatistics,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { Caller, NotFoundRefusal, notFound } from '../shared';
import { CallFilter, CallLogReader, CallStore } from './ports';
import { StoredCall, callRecordOf } from './stored-call';

export interface CallLogOptions {
  /**
   * The most calls one statistics request counts (the newest; past it `complete` is false). Each is
   * read as five columns, not its document, so a year of a busy account fits. @defaultValue 100000
   */
  readonly statisticsLimit?: number;
  /** Compare-and-set attempts for a comment on a call being updated. @defaultValue 3 */
  readonly saveAttempts?: number;
}

/** Statistics over the calls of a filter, and whether every call was counted. */
export interface CallLogStatistics extends CallStatistics {
  /** False when the filter matched more than `statisticsLimit` calls: narrow the range. */
  readonly complete: boolean;
}

/** The call log of an account (F17): list and read calls, statistics, supervisors' comments. */
export class CallLogService {
  private readonly statisticsLimit: number;
  private readonly saveAttempts: number;

  constructor(
    private readonly deps: {
      readonly reader: CallLogReader;
      readonly store: CallStore;
      readonly clock: Clock;
      readonly ids: IdGenerator;
    },
    options: CallLogOptions = {},
  ) {
    this.statisticsLimit = options.statisticsLimit ?? 100_000;
    this.saveAttempts = options.saveAttempts ?? 3;
  }

  /** Newest first. A `from` not before `to` is refused (`INVALID_RANGE`, `filter.to`). */
  async calls(caller: Caller, filter: CallFilter = {}, page?: PageRequest): Promise<Page<CallRecord>> {
    checkFilter(filter);
    const found = await this.deps.reader.listCalls(caller.accountId, filter, page);
    return { items: found.items.map(callRecordOf), nextCursor: found.nextCursor };
  }

  async call(caller: Caller, callId: Id): Promise<CallRecord | undefined> {
    const found = await this.deps.reader.call(caller.accountId, callId);
    return found && callRecordOf(found);
  }

  /** Calls, answered rate, time to answer, duration and who answered, over the calls of `filter`. */
  async statistics(caller: Caller, filter: CallFilter = {}): Promise<CallLogStatistics> {
    checkFilter(filter);
    const figures = await this.deps.reader.callFigures(caller.accountId, filter, this.statisticsLimit + 1);
    const counted = figures.slice(0, this.statisticsLimit);
    return { ...callStatistics(counted), complete: counted.length === figures.length };
  }

  /** Adds a comment to a call of the caller's account; the text is 1 to 2000 characters (`REQUIRED`/`TOO_LONG`, `text`). */
  async addComment(caller: Caller, callId: Id, text: string): Promise<Result<CallRecord, NotFoundRefusal>> {
    const comment = callComment({ id: this.deps.ids.next(), author: caller.actor, text, at: this.deps.clock.now() });
    for (let attempt = 1; ; attempt++) {
      const call = await this.deps.reader.call(caller.accountId, callId);
      if (!call) return err(notFound('call', callId, 'callId'));
      const next: StoredCall = { ...call, comments: [...call.comments, comment] };
      try {
        const version = await this.deps.store.save(next);
        return ok(callRecordOf({ ...next, version }));
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= this.saveAttempts) throw error;
      }
    }
  }
}

function checkFilter(filter: CallFilter): void {
  if (filter.from !== undefined) assertInstant(filter.from, 'filter.from');
  if (filter.to !== undefined) assertInstant(filter.to, 'filter.to');
  if (filter.from !== undefined && filter.to !== undefined && filter.to <= filter.from) {
    invalid('INVALID_RANGE', 'filter.to', 'the end must be after the start');
  }
}
