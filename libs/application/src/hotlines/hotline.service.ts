import { Hotline, HotlineInput, Id, Page, PageRequest, Result, assertId, err, hotline, ok } from '@dutyline/domain';
import { AuditRecorder, Caller, NotFoundRefusal, NumberTakenRefusal, notFound, numberTaken } from '../shared';
import { hotlineInput } from './hotline-input';
import { HotlineServiceDeps } from './ports';

/** A new hotline: everything `hotline()` takes but the ids. Defaults as documented on `HotlineInput`. */
export type NewHotline = Omit<HotlineInput, 'id' | 'accountId'>;

/**
 * What to change; an absent field keeps its value, `greeting: null` removes the greeting.
 * Changing `timeZone` keeps the schedule's wall-clock times (ADR 0001).
 */
export type HotlineChanges = Partial<NewHotline>;

/**
 * Hotlines (F3): number, zone, supervisors, service hours, no-answer scenario, greeting, answer
 * confirmation and caller-id mode. Validated whole by the domain after every change; a supervisor
 * absent from the account is refused by the store (`UNKNOWN_PERSON` at `supervisorIds[i]`).
 */
export class HotlineService {
  private readonly audit: AuditRecorder;

  constructor(private readonly deps: HotlineServiceDeps) {
    this.audit = new AuditRecorder(deps);
  }

  hotline(caller: Caller, id: Id): Promise<Hotline | undefined> {
    return this.deps.hotlines.byId(caller.accountId, assertId(id, 'id'));
  }

  hotlines(caller: Caller, page?: PageRequest): Promise<Page<Hotline>> {
    return this.deps.hotlines.list(caller.accountId, page);
  }

  async createHotline(caller: Caller, input: NewHotline): Promise<Result<Hotline, NumberTakenRefusal>> {
    const created = hotline({ ...input, id: this.deps.ids.next(), accountId: caller.accountId });
    const saved = await this.deps.hotlines.save(created);
    if (!saved.ok) return err(numberTaken(created.number.e164));
    await this.audit.record(caller, {
      action: 'hotline.created',
      entityType: 'hotline',
      entityId: created.id,
      before: null,
      after: created,
    });
    return ok(created);
  }

  async updateHotline(
    caller: Caller,
    id: Id,
    changes: HotlineChanges,
  ): Promise<Result<Hotline, NotFoundRefusal | NumberTakenRefusal>> {
    const current = await this.deps.hotlines.byId(caller.accountId, assertId(id, 'id'));
    if (!current) return err(notFound('hotline', id, 'id'));
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const updated = hotline({ ...hotlineInput(current), ...defined, id: current.id, accountId: current.accountId });
    const saved = await this.deps.hotlines.save(updated);
    if (!saved.ok) return err(numberTaken(updated.number.e164));
    await this.audit.record(caller, {
      action: 'hotline.updated',
      entityType: 'hotline',
      entityId: id,
      before: current,
      after: updated,
    });
    return ok(updated);
  }

  /** Deletes the hotline with its schedule and overrides. */
  async deleteHotline(caller: Caller, id: Id): Promise<Result<Hotline, NotFoundRefusal>> {
    const current = await this.deps.hotlines.byId(caller.accountId, assertId(id, 'id'));
    if (!current) return err(notFound('hotline', id, 'id'));
    const deleted = await this.deps.hotlines.delete(caller.accountId, id);
    if (!deleted.ok) return err(notFound('hotline', id, 'id'));
    await this.audit.record(caller, {
      action: 'hotline.deleted',
      entityType: 'hotline',
      entityId: id,
      before: current,
      after: null,
    });
    return ok(current);
  }
}
