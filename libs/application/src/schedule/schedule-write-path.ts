import {
  AssigneeInput,
  AssigneeRef,
  AuditEntry,
  Hotline,
  Id,
  IdGenerator,
  LocalRange,
  Result,
  ScheduleChange,
  ScheduleError,
  ScheduleVersionConflictError,
  ScheduleView,
  Slot,
  VersionConflictError,
  assertId,
  assigneeList,
  checkScheduleVersion,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { AuditRecorder, Caller, NotFoundRefusal, notFound } from '../shared';
import { ScheduleServiceDeps } from './ports';
import { ScheduleWrite, WriteControl } from './schedule-types';

/** Dry runs validate inputs before any read; the ids they hand out are thrown away. */
export const DRY_RUN_IDS: IdGenerator = { next: () => 'dry-run' };

/** Thrown inside a write when its hotline disappeared between two reads. */
class HotlineVanished extends Error {}

/** A change computed over one read of the schedule, or its refusal; `version` is the read's either way. */
export interface Prepared<E> {
  /** What the change was computed over (the audit log's "before"). */
  readonly existing: readonly Slot[];
  readonly version: number;
  readonly outcome: Result<ScheduleChange, E>;
}

/** The change to store on a hotline's schedule, with what it was computed over. */
interface Computed {
  readonly hotlineId: Id;
  readonly existing: readonly Slot[];
  readonly version: number;
  readonly change: ScheduleChange;
}

/** One schedule write: what to audit it as, and how to compute its change over a read of the hotline. */
export interface WriteRequest<E> {
  readonly caller: Caller;
  readonly hotlineId: Id;
  /** The audit action, e.g. `schedule.slots-created`. */
  readonly action: string;
  readonly control: WriteControl;
  readonly prepare: (hotline: Hotline) => Promise<Prepared<E>>;
  /** The input field naming the hotline, for `NOT_FOUND`. @defaultValue 'hotlineId' */
  readonly field?: string;
}

/** How to compute a change over the slots read, on the hotline found. */
export type Compute<E> = (existing: readonly Slot[], hotline: Hotline) => Result<ScheduleChange, E>;

/** A change to one slot: the range it and its new place span, and the change over the slots of that range. */
export interface SlotChange {
  readonly caller: Caller;
  readonly slotId: Id;
  readonly rangeOf: (slot: Slot) => LocalRange;
  readonly compute: Compute<ScheduleError>;
}

/** An assignee with its input path, e.g. `slots[2].assignees[0]`. */
export interface AssigneeAt {
  readonly ref: AssigneeRef;
  readonly field: string;
}

/**
 * The path every schedule write follows (see `ScheduleService`): look the hotline up, read, compute,
 * apply under the version read with its audit entry, and read and compute again when another writer
 * moved the version meanwhile, up to `maxAttempts` times.
 */
export class ScheduleWritePath {
  readonly audit: AuditRecorder;
  private readonly maxAttempts: number;

  constructor(private readonly deps: ScheduleServiceDeps) {
    this.audit = new AuditRecorder(deps);
    this.maxAttempts = deps.maxAttempts ?? 3;
  }

  /**
   * Reads, computes and applies under the version read. With `expectedVersion`, a read at another
   * version is the refusal (checked on every attempt, so a rival write between our read and our
   * compare-and-set surfaces as `SCHEDULE_VERSION_CONFLICT` on the retry, never as a silent re-apply).
   * A dry run stops before storing: same refusals, the version read as the answer's version.
   */
  async write<E>(
    request: WriteRequest<E>,
  ): Promise<Result<ScheduleWrite, E | NotFoundRefusal | ScheduleVersionConflictError>> {
    const { caller, hotlineId, action, control, prepare, field = 'hotlineId' } = request;
    const hotline = await this.findHotline(caller, hotlineId, field);
    if (!hotline) return err(notFound('hotline', hotlineId, field));
    for (let attempt = 1; ; attempt++) {
      try {
        const { existing, version, outcome } = await prepare(hotline);
        const stale = checkScheduleVersion(version, control.expectedVersion);
        if (stale) return err(stale);
        if (!outcome.ok) return outcome;
        const change = outcome.value;
        const answer = {
          hotline,
          added: change.added,
          updated: change.updated,
          removedIds: change.removedIds,
          removed: removedSlots(existing, change),
        };
        if (control.dryRun || change.added.length + change.updated.length + change.removedIds.length === 0)
          return ok({ ...answer, version });
        const audit = [this.auditEntry(caller, action, { hotlineId: hotline.id, existing, version, change })];
        const written = await this.deps.schedules.applyChange(caller.accountId, hotline.id, {
          expectedVersion: version,
          change,
          audit,
        });
        this.deps.onScheduleChanged?.({ accountId: caller.accountId, hotlineId: hotline.id, version: written.version });
        return ok({ ...answer, version: written.version });
      } catch (error) {
        if (error instanceof HotlineVanished) return err(notFound('hotline', hotlineId, field));
        if (!(error instanceof VersionConflictError) || attempt >= this.maxAttempts) throw error;
      }
    }
  }

  /** Prepares a change over one read of `range`. */
  overRange<E>(caller: Caller, range: LocalRange, compute: Compute<E>): (hotline: Hotline) => Promise<Prepared<E>> {
    return async (hotline) => {
      const view = await this.read(caller, hotline, range);
      return prepared(view, compute(view.slots, hotline));
    };
  }

  /** Prepares a change over the slots of `ids` (those on the schedule). */
  overIds<E>(caller: Caller, ids: readonly Id[], compute: Compute<E>): (hotline: Hotline) => Promise<Prepared<E>> {
    return async (hotline) => {
      const view = await this.readByIds(caller, hotline, ids);
      return prepared(view, compute(view.slots, hotline));
    };
  }

  /** Reads the slot by id, then the range it and its new place span; both reads at one version. */
  overSlot({ caller, slotId, rangeOf, compute }: SlotChange): (hotline: Hotline) => Promise<Prepared<ScheduleError>> {
    return async (hotline) => {
      const found = await this.readByIds(caller, hotline, [slotId]);
      const slot = found.slots[0];
      if (!slot) return prepared(found, compute([], hotline));
      const view = await this.read(caller, hotline, rangeOf(slot));
      if (view.version !== found.version) throw new VersionConflictError('the schedule changed between two reads');
      return prepared(view, compute(view.slots, hotline));
    };
  }

  async read(caller: Caller, hotline: Hotline, range: LocalRange): Promise<ScheduleView> {
    const view = await this.deps.schedules.slots(caller.accountId, hotline.id, range);
    if (!view) throw new HotlineVanished();
    return view;
  }

  async readByIds(caller: Caller, hotline: Hotline, ids: readonly Id[]): Promise<ScheduleView> {
    const view = await this.deps.schedules.slotsByIds(caller.accountId, hotline.id, ids);
    if (!view) throw new HotlineVanished();
    return view;
  }

  findHotline(caller: Caller, hotlineId: Id, field: string): Promise<Hotline | undefined> {
    return this.deps.hotlines.byId(caller.accountId, assertId(hotlineId, field));
  }

  /** Refuses the first assignee the account does not hold: `UNKNOWN_ASSIGNEE` at `<field>.id`. */
  async assertAssigneesKnown(caller: Caller, refs: readonly AssigneeAt[]): Promise<void> {
    const idsOf = (kind: AssigneeRef['kind']) => [
      ...new Set(refs.filter((r) => r.ref.kind === kind).map((r) => r.ref.id)),
    ];
    const [personIds, teamIds] = [idsOf('person'), idsOf('team')];
    const [people, teams] = await Promise.all([
      personIds.length > 0 ? this.deps.people.peopleByIds(caller.accountId, personIds) : [],
      teamIds.length > 0 ? this.deps.teams.teamsByIds(caller.accountId, teamIds) : [],
    ]);
    const known = new Set([...people.map((p) => `person:${p.id}`), ...teams.map((t) => `team:${t.id}`)]);
    const missing = refs.find((r) => !known.has(`${r.ref.kind}:${r.ref.id}`));
    if (missing)
      invalid('UNKNOWN_ASSIGNEE', `${missing.field}.id`, `no ${missing.ref.kind} ${missing.ref.id} in this account`);
  }

  /** One entry per write: the slots it removed or changed as they were, and as they are now. */
  private auditEntry(caller: Caller, action: string, { hotlineId, existing, version, change }: Computed): AuditEntry {
    const touched = new Set([...change.removedIds, ...change.updated.map((s) => s.id)]);
    return this.audit.entry(caller, {
      action,
      entityType: 'schedule',
      entityId: hotlineId,
      before: { version, slots: existing.filter((s) => touched.has(s.id)) },
      after: { version: version + 1, slots: [...change.updated, ...change.added], removedIds: change.removedIds },
    });
  }
}

/** The change of a dry run over an empty schedule (which can refuse nothing but invalid input). */
export function dryRun<E>(result: Result<ScheduleChange, E>): ScheduleChange {
  if (!result.ok) throw new Error('a dry run over an empty schedule cannot be refused');
  return result.value;
}

export function prepared<E>(view: ScheduleView, outcome: Result<ScheduleChange, E>): Prepared<E> {
  return { existing: view.slots, version: view.version, outcome };
}

/** The write's control fields, checked before the schedule is read: a version is a whole number from 0. */
export function control(options: WriteControl): WriteControl {
  const { expectedVersion, dryRun } = options;
  if (expectedVersion != null && !(Number.isSafeInteger(expectedVersion) && expectedVersion >= 0)) {
    invalid('INVALID_VERSION', 'expectedVersion', 'a schedule version is a whole number from 0');
  }
  return { expectedVersion, dryRun: dryRun === true };
}

/** The slots a change removes, as they were, in the change's order. */
function removedSlots(existing: readonly Slot[], change: ScheduleChange): Slot[] {
  const byId = new Map(existing.map((s) => [s.id, s]));
  return change.removedIds.map((id) => byId.get(id)).filter((s): s is Slot => s !== undefined);
}

/** Escalation levels with their input paths (`slots[2].assignees[0]`); the list is validated on the way. */
export function refsAt(assignees: readonly AssigneeInput[], field: string): AssigneeAt[] {
  return assigneeList(assignees, field).map((ref, i) => ({ ref, field: `${field}[${i}]` }));
}
