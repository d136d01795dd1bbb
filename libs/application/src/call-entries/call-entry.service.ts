import {
  AuditLog,
  CallEntry,
  CallEntryInput,
  CallEntryRepository,
  Clock,
  HotlineRepository,
  Id,
  IdGenerator,
  Instant,
  Result,
  assertId,
  callEntry,
  directEntry,
  entryTargetHotlines,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { AuditRecorder, Caller, NotFoundRefusal, notFound } from '../shared';

export interface CallEntryServiceDeps {
  readonly entries: CallEntryRepository;
  readonly hotlines: Pick<HotlineRepository, 'byId'>;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** A hotline's entry as clients see it. */
export interface CallEntryView {
  readonly entry: CallEntry;
  /** Nothing saved: every call goes straight to the hotline's line. */
  readonly isDefault: boolean;
  readonly updatedAt: Instant | null;
}

/** An extra number another hotline already answers (as its own number or an extra one). */
export interface ExtraNumberTakenRefusal {
  readonly code: 'NUMBER_TAKEN';
  readonly message: string;
  /** `extraNumbers[i]` */
  readonly field: string;
}

/** The whole entry, replacing the saved one; absent lists are empty, an absent front is none. */
export type CallEntryChanges = Omit<CallEntryInput, 'hotlineId'>;

/**
 * How calls enter a hotline (F25): extra public numbers, rules by number dialled and period, a menu or
 * keyed number in front. Validated whole by the domain (errors name the field: `front.choices[2].key`);
 * every other hotline an entry sends calls to must be of the caller's account (`UNKNOWN_HOTLINE` at
 * its field); an extra number another hotline answers is refused at `extraNumbers[i]`.
 */
export class CallEntryService {
  private readonly audit: AuditRecorder;

  constructor(private readonly deps: CallEntryServiceDeps) {
    this.audit = new AuditRecorder(deps);
  }

  async entry(caller: Caller, hotlineId: Id): Promise<Result<CallEntryView, NotFoundRefusal>> {
    const id = assertId(hotlineId, 'hotlineId');
    if (!(await this.deps.hotlines.byId(caller.accountId, id))) return err(notFound('hotline', id, 'hotlineId'));
    return ok(await this.view(caller.accountId, id));
  }

  async update(
    caller: Caller,
    hotlineId: Id,
    changes: CallEntryChanges,
  ): Promise<Result<CallEntryView, NotFoundRefusal | ExtraNumberTakenRefusal>> {
    const id = assertId(hotlineId, 'hotlineId');
    const hotline = await this.deps.hotlines.byId(caller.accountId, id);
    if (!hotline) return err(notFound('hotline', id, 'hotlineId'));
    const entry = callEntry({ ...changes, hotlineId: id }, hotline.language);
    for (const target of entryTargetHotlines(entry)) {
      if (!(await this.deps.hotlines.byId(caller.accountId, target.hotlineId)))
        invalid('UNKNOWN_HOTLINE', target.field, `there is no hotline ${target.hotlineId} in this account`);
    }
    entry.extraNumbers.forEach((number, i) => {
      if (number.e164 === hotline.number.e164)
        invalid('DUPLICATE_NUMBER', `extraNumbers[${i}]`, `${number.e164} is this hotline's own number`);
    });
    const before = await this.view(caller.accountId, id);
    const updatedAt = this.deps.clock.now();
    const saved = await this.deps.entries.saveCallEntry({ accountId: caller.accountId, entry, updatedAt });
    if (!saved.ok) {
      const number = entry.extraNumbers[saved.error.index]?.e164 ?? 'a number';
      return err({
        code: 'NUMBER_TAKEN',
        message: `${number} already answers for another hotline`,
        field: `extraNumbers[${saved.error.index}]`,
      });
    }
    await this.audit.record(caller, {
      action: 'call-entry.updated',
      entityType: 'call-entry',
      entityId: id,
      before: before.isDefault ? null : before.entry,
      after: entry,
    });
    return ok({ entry, isDefault: false, updatedAt });
  }

  private async view(accountId: Id, hotlineId: Id): Promise<CallEntryView> {
    const saved = await this.deps.entries.callEntry(accountId, hotlineId);
    return saved
      ? { entry: saved.entry, isDefault: false, updatedAt: saved.updatedAt }
      : { entry: directEntry(hotlineId), isDefault: true, updatedAt: null };
  }
}
