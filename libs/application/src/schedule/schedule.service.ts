import {
  AssigneeInput,
  AssigneeRef,
  AuditEntry,
  AuditLog,
  Clock,
  Hotline,
  HotlineRepository,
  Id,
  IdGenerator,
  InstantInput,
  LocalRange,
  OverlapMode,
  Override,
  OverrideEndedError,
  PatternRepository,
  PersonRepository,
  Result,
  SCHEDULE_LIMITS,
  ScheduleChange,
  ScheduleError,
  ScheduleRepository,
  ScheduleVersionConflictError,
  ScheduleView,
  Slot,
  SlotInput,
  TeamRepository,
  VersionConflictError,
  applyPattern as applyPatternChange,
  assertId,
  assigneeList,
  checkScheduleVersion,
  copyDay as copyDayChange,
  copyToHotline as copyToHotlineChange,
  copyWeek as copyWeekChange,
  createSlots as createSlotsChange,
  deleteSlots as deleteSlotsChange,
  endOverride as endOverrideChange,
  err,
  invalid,
  moveSlot as moveSlotChange,
  ok,
  override as buildOverride,
  repeatWeek as repeatWeekChange,
  resizeSlot as resizeSlotChange,
  setSlotAssignees,
} from '@dutyline/domain';
import { PRESET_PATTERN_DEFINITIONS } from '../patterns/pattern.service';
import {
  AuditRecorder,
  Caller,
  DateInput,
  LocalDateTimeInput,
  NotFoundRefusal,
  dateOf,
  instantOf,
  instantRangeOf,
  localDateTimeOf,
  localRangeOf,
  notFound,
} from '../shared';
import { copyRange, daysFrom, daysWithReach, spanOf } from './schedule-ranges';

/** Told after each schedule write, e.g. to drop a process-local routing cache. */
export type ScheduleChangeListener = (event: {
  readonly accountId: Id;
  readonly hotlineId: Id;
  readonly version: number;
}) => void;

export interface ScheduleServiceDeps {
  readonly hotlines: HotlineRepository;
  readonly schedules: ScheduleRepository;
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly patterns: PatternRepository;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Tries of one write when other writers keep moving the schedule's version. @defaultValue 3 */
  readonly maxAttempts?: number;
  readonly onScheduleChanged?: ScheduleChangeListener;
}

/** What a write did (or, in a dry run, would do), and the hotline (its zone resolves the wall-clock times). */
export interface ScheduleWrite extends ScheduleChange {
  readonly hotline: Hotline;
  /** The schedule's version after the write (unchanged when nothing had to change, and in a dry run). */
  readonly version: number;
  /** The slots of `removedIds` as they were before the change, in that order. */
  readonly removed: readonly Slot[];
}

export interface ScheduleRead {
  readonly hotline: Hotline;
  /** Slots overlapping the range asked, by start. */
  readonly slots: readonly Slot[];
  readonly version: number;
}

export type ScheduleRefusal = ScheduleError | NotFoundRefusal | ScheduleVersionConflictError;

/** What every schedule write may add to its input. */
export interface WriteControl {
  /**
   * The schedule version the editor loaded. When the schedule is at another version by the time the
   * write would be applied, nothing is written and the write is refused with
   * `SCHEDULE_VERSION_CONFLICT` (never retried over the other editor's change). @defaultValue none: the write is applied at whatever version it finds
   */
  readonly expectedVersion?: number | null;
  /** Compute the change and answer it without storing it (no audit entry, no change event). @defaultValue false */
  readonly dryRun?: boolean | null;
}

export interface WriteOptions extends WriteControl {
  /** What to do with slots in the way (ADR 0002). @defaultValue 'reject' */
  readonly mode?: OverlapMode;
}

export interface ApplyPatternInput extends WriteOptions {
  /** A preset (`preset-weeknights`) or one of the account's patterns. */
  readonly patternId: Id;
  /** First date on which windows start. */
  readonly from: DateInput;
  /** Last date on which windows start (included). */
  readonly to: DateInput;
  readonly assignees: readonly AssigneeInput[];
}

export interface CopyDayInput extends WriteOptions {
  readonly day: DateInput;
  readonly targets: readonly DateInput[];
}

export interface CopyWeekInput extends WriteOptions {
  /** The source week's Monday. */
  readonly week: DateInput;
  /** Target weeks' Mondays. */
  readonly targets: readonly DateInput[];
}

export interface RepeatWeekInput extends WriteOptions {
  readonly week: DateInput;
  readonly times: number;
}

export interface CopyToHotlineInput extends WriteOptions {
  /** `expectedVersion` is the target hotline's. */
  readonly sourceHotlineId: Id;
  readonly targetHotlineId: Id;
  readonly from: DateInput;
  readonly to: DateInput;
  /** @defaultValue `from` */
  readonly targetFrom?: DateInput | null;
}

export interface NewOverride {
  /** @defaultValue now */
  readonly start?: InstantInput | null;
  readonly end: InstantInput;
  readonly assignees: readonly AssigneeInput[];
  /** @defaultValue null: the whole escalation list */
  readonly level?: number | null;
  readonly reason?: string | null;
}

export interface OverrideWrite {
  readonly hotline: Hotline;
  /** The override as it now stands; null when ending it removed it (it had not begun). */
  readonly override: Override | null;
}

/** Dry runs validate inputs before any read; the ids they hand out are thrown away. */
const DRY_RUN_IDS: IdGenerator = { next: () => 'dry-run' };

/** Thrown inside a write when its hotline disappeared between two reads. */
class HotlineVanished extends Error {}

/** A change computed over one read of the schedule, or its refusal; `version` is the read's either way. */
interface Prepared<E> {
  /** What the change was computed over (the audit log's "before"). */
  readonly existing: readonly Slot[];
  readonly version: number;
  readonly outcome: Result<ScheduleChange, E>;
}

/** The change to store, with what it was computed over. */
interface Computed {
  readonly existing: readonly Slot[];
  readonly version: number;
  readonly change: ScheduleChange;
}

/**
 * Schedule writes (F4–F7) and reads. Every write follows one path: validate the input with a dry
 * run of the domain operation (ValidationError with the input's field path, before any I/O), check
 * that assignees exist in the account (`UNKNOWN_ASSIGNEE` at `slots[2].assignees[0].id`), read the
 * slots overlapping the affected wall-clock range with the schedule's version, compute the change
 * with the pure domain operation and store it with `applyChange` under the version read, the audit
 * entry in the same transaction. When another writer moved the version meanwhile, it reads and
 * computes again, up to `maxAttempts` times, then rejects with the `VersionConflictError`
 * (the gateway's `CONFLICT`): no write is ever lost or applied over a schedule it did not see.
 * Expected refusals (`SLOT_OVERLAP`, `NOT_FOUND`) are `Result` values.
 */
export class ScheduleService {
  private readonly audit: AuditRecorder;
  private readonly maxAttempts: number;

  constructor(private readonly deps: ScheduleServiceDeps) {
    this.audit = new AuditRecorder(deps);
    this.maxAttempts = deps.maxAttempts ?? 3;
  }

  // -- reads ----------------------------------------------------------------------------------

  /** Slots overlapping `[from, to)` in the hotline's wall-clock time, at most `SCHEDULE_LIMITS.maxRangeDays` days. */
  async slots(
    caller: Caller,
    hotlineId: Id,
    from: LocalDateTimeInput,
    to: LocalDateTimeInput,
  ): Promise<Result<ScheduleRead, NotFoundRefusal>> {
    const range = localRangeOf(from, to, SCHEDULE_LIMITS.maxRangeDays);
    const hotline = await this.findHotline(caller, hotlineId, 'hotlineId');
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    const view = await this.deps.schedules.slots(caller.accountId, hotline.id, range);
    if (!view) return err(notFound('hotline', hotlineId, 'hotlineId'));
    return ok({ hotline, slots: view.slots, version: view.version });
  }

  /** Overrides overlapping the real-time range `[from, to)`, at most 400 days, in creation order. */
  async overrides(
    caller: Caller,
    hotlineId: Id,
    from: InstantInput,
    to: InstantInput,
  ): Promise<Result<{ hotline: Hotline; overrides: Override[] }, NotFoundRefusal>> {
    const range = instantRangeOf(from, to, 400);
    const hotline = await this.findHotline(caller, hotlineId, 'hotlineId');
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    return ok({
      hotline,
      overrides: await this.deps.schedules.overrides(caller.accountId, hotline.id, range.start, range.end),
    });
  }

  // -- slots (F4) -----------------------------------------------------------------------------

  /** Creates slots in one batch; errors name `slots[i]…`. */
  async createSlots(
    caller: Caller,
    hotlineId: Id,
    slots: readonly SlotInput[],
    options: WriteOptions = {},
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    const dry = dryRun(createSlotsChange([], slots, { hotlineId, ids: DRY_RUN_IDS, mode: options.mode }));
    await this.assertAssigneesKnown(
      caller,
      slots.flatMap((s, i) => refsAt(s.assignees, `slots[${i}].assignees`)),
    );
    const range = spanOf(dry.added);
    return this.write(caller, hotlineId, 'schedule.slots-created', control(options), async (hotline) => {
      const view = await this.read(caller, hotline, range);
      return prepared(
        view,
        createSlotsChange(view.slots, slots, { hotlineId: hotline.id, ids: this.deps.ids, mode: options.mode }),
      );
    });
  }

  /** Moves a slot to start at `start`, keeping its wall-clock length. */
  async moveSlot(
    caller: Caller,
    hotlineId: Id,
    slotId: Id,
    start: LocalDateTimeInput,
    options: WriteOptions = {},
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    const newStart = localDateTimeOf(start, 'start');
    return this.write(caller, hotlineId, 'schedule.slot-moved', control(options), (hotline) =>
      this.withSlot(
        caller,
        hotline,
        slotId,
        (slot) =>
          spanOf([slot, { start: newStart, end: newStart.plusMinutes((slot.end.wall - slot.start.wall) / 60_000) }]),
        (existing) => moveSlotChange(existing, slotId, newStart, { ids: this.deps.ids, mode: options.mode }),
      ),
    );
  }

  /** Gives a slot new bounds. */
  async resizeSlot(
    caller: Caller,
    hotlineId: Id,
    slotId: Id,
    start: LocalDateTimeInput,
    end: LocalDateTimeInput,
    options: WriteOptions = {},
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    const bounds = { start: localDateTimeOf(start, 'start'), end: localDateTimeOf(end, 'end') };
    if (!bounds.end.isAfter(bounds.start)) invalid('INVALID_RANGE', 'end', 'the end must be after the start');
    return this.write(caller, hotlineId, 'schedule.slot-resized', control(options), (hotline) =>
      this.withSlot(
        caller,
        hotline,
        slotId,
        (slot) => spanOf([slot, bounds]),
        (existing) =>
          resizeSlotChange(existing, slotId, bounds.start, bounds.end, { ids: this.deps.ids, mode: options.mode }),
      ),
    );
  }

  /** Removes slots; every id must be on the schedule (`NOT_FOUND` at `ids[i]` otherwise). */
  async deleteSlots(
    caller: Caller,
    hotlineId: Id,
    ids: readonly Id[],
    options: WriteControl = {},
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    deleteSlotsChange([], ids);
    ids.forEach((id, i) => assertId(id, `ids[${i}]`));
    return this.write(caller, hotlineId, 'schedule.slots-deleted', control(options), async (hotline) => {
      const view = await this.readByIds(caller, hotline, ids);
      return prepared(view, deleteSlotsChange(view.slots, ids));
    });
  }

  /** Replaces a slot's escalation levels. */
  async reassignSlot(
    caller: Caller,
    hotlineId: Id,
    slotId: Id,
    assignees: readonly AssigneeInput[],
    options: WriteControl = {},
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    await this.assertAssigneesKnown(caller, refsAt(assignees, 'assignees'));
    return this.write(caller, hotlineId, 'schedule.slot-reassigned', control(options), async (hotline) => {
      const view = await this.readByIds(caller, hotline, [slotId]);
      return prepared(view, setSlotAssignees(view.slots, slotId, assignees));
    });
  }

  // -- patterns (F5) --------------------------------------------------------------------------

  /** One slot per window occurrence starting between `from` and `to` (see the domain's `applyPattern`). */
  async applyPattern(
    caller: Caller,
    hotlineId: Id,
    input: ApplyPatternInput,
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    assertId(input.patternId, 'patternId');
    const pattern =
      PRESET_PATTERN_DEFINITIONS.find((p) => p.id === input.patternId) ??
      (await this.deps.patterns.pattern(caller.accountId, input.patternId));
    if (!pattern) return err(notFound('pattern', input.patternId, 'patternId'));
    const options = { from: input.from, to: input.to, assignees: input.assignees, mode: input.mode };
    const dry = dryRun(applyPatternChange([], pattern, { ...options, hotlineId, ids: DRY_RUN_IDS }));
    await this.assertAssigneesKnown(caller, refsAt(input.assignees, 'assignees'));
    const range = dry.added.length > 0 ? spanOf(dry.added) : daysFrom(dateOf(input.from), 1);
    return this.write(caller, hotlineId, 'schedule.pattern-applied', control(input), async (hotline) => {
      const view = await this.read(caller, hotline, range);
      return prepared(
        view,
        applyPatternChange(view.slots, pattern, { ...options, hotlineId: hotline.id, ids: this.deps.ids }),
      );
    });
  }

  // -- copies (F6) ----------------------------------------------------------------------------

  /** Copies the slots starting on `day` to each target date. */
  async copyDay(caller: Caller, hotlineId: Id, input: CopyDayInput): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    copyDayChange([], input.day, input.targets, { hotlineId, ids: DRY_RUN_IDS, mode: input.mode });
    const range = copyRange(
      [dateOf(input.day)],
      input.targets.map((d) => dateOf(d)),
      1,
    );
    return this.write(caller, hotlineId, 'schedule.day-copied', control(input), async (hotline) => {
      const view = await this.read(caller, hotline, range);
      return prepared(
        view,
        copyDayChange(view.slots, input.day, input.targets, {
          hotlineId: hotline.id,
          ids: this.deps.ids,
          mode: input.mode,
        }),
      );
    });
  }

  /** Copies the week of Monday `week` to the weeks of the Mondays `targets`. */
  async copyWeek(caller: Caller, hotlineId: Id, input: CopyWeekInput): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    copyWeekChange([], input.week, input.targets, { hotlineId, ids: DRY_RUN_IDS, mode: input.mode });
    const range = copyRange(
      [dateOf(input.week)],
      input.targets.map((d) => dateOf(d)),
      7,
    );
    return this.write(caller, hotlineId, 'schedule.week-copied', control(input), async (hotline) => {
      const view = await this.read(caller, hotline, range);
      return prepared(
        view,
        copyWeekChange(view.slots, input.week, input.targets, {
          hotlineId: hotline.id,
          ids: this.deps.ids,
          mode: input.mode,
        }),
      );
    });
  }

  /** Copies the week of Monday `week` onto each of the `times` following weeks. */
  async repeatWeek(
    caller: Caller,
    hotlineId: Id,
    input: RepeatWeekInput,
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    repeatWeekChange([], input.week, input.times, { hotlineId, ids: DRY_RUN_IDS, mode: input.mode });
    const week = dateOf(input.week);
    const range = copyRange([week], [week.plusDays(7 * input.times)], 7);
    return this.write(caller, hotlineId, 'schedule.week-repeated', control(input), async (hotline) => {
      const view = await this.read(caller, hotline, range);
      return prepared(
        view,
        repeatWeekChange(view.slots, input.week, input.times, {
          hotlineId: hotline.id,
          ids: this.deps.ids,
          mode: input.mode,
        }),
      );
    });
  }

  /** Copies the slots of `sourceHotlineId` starting between `from` and `to` to `targetHotlineId`, keeping wall-clock times. */
  async copyToHotline(caller: Caller, input: CopyToHotlineInput): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(input.sourceHotlineId, 'sourceHotlineId');
    assertId(input.targetHotlineId, 'targetHotlineId');
    const targetFrom = input.targetFrom ?? undefined;
    const options = { from: input.from, to: input.to, targetFrom, mode: input.mode };
    copyToHotlineChange([], [], { ...options, hotlineId: input.targetHotlineId, ids: DRY_RUN_IDS });
    const from = dateOf(input.from);
    const days = from.daysUntil(dateOf(input.to)) + 1;
    const landing = targetFrom === undefined ? from : dateOf(targetFrom);
    const source = await this.findHotline(caller, input.sourceHotlineId, 'sourceHotlineId');
    if (!source) return err(notFound('hotline', input.sourceHotlineId, 'sourceHotlineId'));
    return this.write(
      caller,
      input.targetHotlineId,
      'schedule.copied-from-hotline',
      control(input),
      async (target) => {
        if (source.id === target.id) {
          const view = await this.read(caller, target, copyRange([from], [landing], days));
          return prepared(
            view,
            copyToHotlineChange(view.slots, view.slots, { ...options, hotlineId: target.id, ids: this.deps.ids }),
          );
        }
        const sourceView = await this.read(caller, source, daysFrom(from, days));
        const view = await this.read(caller, target, daysWithReach(landing, days));
        return prepared(
          view,
          copyToHotlineChange(sourceView.slots, view.slots, { ...options, hotlineId: target.id, ids: this.deps.ids }),
        );
      },
      'targetHotlineId',
    );
  }

  // -- overrides (F7) -------------------------------------------------------------------------

  /** "Calls go to X until T", in force from `start` (now by default); the next call follows it. */
  async createOverride(
    caller: Caller,
    hotlineId: Id,
    input: NewOverride,
  ): Promise<Result<OverrideWrite, NotFoundRefusal>> {
    assertId(hotlineId, 'hotlineId');
    const created = buildOverride({
      ...input,
      start: input.start ?? undefined,
      id: this.deps.ids.next(),
      hotlineId,
      createdAt: this.deps.clock.now(),
    });
    await this.assertAssigneesKnown(caller, refsAt(input.assignees, 'assignees'));
    const hotline = await this.findHotline(caller, hotlineId, 'hotlineId');
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    await this.deps.schedules.saveOverride(caller.accountId, created);
    await this.audit.record(caller, {
      action: 'override.created',
      entityType: 'override',
      entityId: created.id,
      before: null,
      after: created,
    });
    return ok({ hotline, override: created });
  }

  /**
   * "Back to the schedule now": ends the override at `at` (now by default); one that had not begun
   * is removed. `NOT_FOUND` when no such override is in force or ahead; `OVERRIDE_ENDED` cannot
   * happen then but is kept in the type for the domain's contract.
   */
  async endOverride(
    caller: Caller,
    hotlineId: Id,
    overrideId: Id,
    at?: InstantInput | null,
  ): Promise<Result<OverrideWrite, NotFoundRefusal | OverrideEndedError>> {
    assertId(hotlineId, 'hotlineId');
    assertId(overrideId, 'id');
    const when = at == null ? this.deps.clock.now() : instantOf(at, 'at');
    const hotline = await this.findHotline(caller, hotlineId, 'hotlineId');
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    const current = (
      await this.deps.schedules.overrides(caller.accountId, hotline.id, when, Number.MAX_SAFE_INTEGER)
    ).find((o) => o.id === overrideId);
    if (!current) return err(notFound('override', overrideId, 'id'));
    const ending = endOverrideChange(current, when);
    if (!ending.ok) return ending;
    if (ending.value.action === 'save') await this.deps.schedules.saveOverride(caller.accountId, ending.value.override);
    else await this.deps.schedules.deleteOverride(caller.accountId, hotline.id, overrideId);
    const after = ending.value.action === 'save' ? ending.value.override : null;
    await this.audit.record(caller, {
      action: after ? 'override.ended' : 'override.removed',
      entityType: 'override',
      entityId: overrideId,
      before: current,
      after,
    });
    return ok({ hotline, override: after });
  }

  // -- the write path -------------------------------------------------------------------------

  /**
   * Reads, computes and applies under the version read. With `expectedVersion`, a read at another
   * version is the refusal (checked on every attempt, so a rival write between our read and our
   * compare-and-set surfaces as `SCHEDULE_VERSION_CONFLICT` on the retry, never as a silent re-apply).
   * A dry run stops before storing: same refusals, the version read as the answer's version.
   */
  private async write<E>(
    caller: Caller,
    hotlineId: Id,
    action: string,
    control: WriteControl,
    prepare: (hotline: Hotline) => Promise<Prepared<E>>,
    field = 'hotlineId',
  ): Promise<Result<ScheduleWrite, E | NotFoundRefusal | ScheduleVersionConflictError>> {
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
        const audit = [this.auditEntry(caller, action, hotline.id, { existing, version, change })];
        const written = await this.deps.schedules.applyChange(caller.accountId, hotline.id, version, change, { audit });
        this.deps.onScheduleChanged?.({ accountId: caller.accountId, hotlineId: hotline.id, version: written.version });
        return ok({ ...answer, version: written.version });
      } catch (error) {
        if (error instanceof HotlineVanished) return err(notFound('hotline', hotlineId, field));
        if (!(error instanceof VersionConflictError) || attempt >= this.maxAttempts) throw error;
      }
    }
  }

  /** One entry per write: the slots it removed or changed as they were, and as they are now. */
  private auditEntry(
    caller: Caller,
    action: string,
    hotlineId: Id,
    { existing, version, change }: Computed,
  ): AuditEntry {
    const touched = new Set([...change.removedIds, ...change.updated.map((s) => s.id)]);
    return this.audit.entry(caller, {
      action,
      entityType: 'schedule',
      entityId: hotlineId,
      before: { version, slots: existing.filter((s) => touched.has(s.id)) },
      after: { version: version + 1, slots: [...change.updated, ...change.added], removedIds: change.removedIds },
    });
  }

  /** Reads the slot by id, then the range it and its new place span; both reads at one version. */
  private async withSlot(
    caller: Caller,
    hotline: Hotline,
    slotId: Id,
    rangeOf: (slot: Slot) => LocalRange,
    compute: (existing: readonly Slot[]) => Result<ScheduleChange, ScheduleError>,
  ): Promise<Prepared<ScheduleError>> {
    const found = await this.readByIds(caller, hotline, [slotId]);
    const slot = found.slots[0];
    if (!slot) return prepared(found, compute([]));
    const view = await this.read(caller, hotline, rangeOf(slot));
    if (view.version !== found.version) throw new VersionConflictError('the schedule changed between two reads');
    return prepared(view, compute(view.slots));
  }

  private async read(caller: Caller, hotline: Hotline, range: LocalRange): Promise<ScheduleView> {
    const view = await this.deps.schedules.slots(caller.accountId, hotline.id, range);
    if (!view) throw new HotlineVanished();
    return view;
  }

  private async readByIds(caller: Caller, hotline: Hotline, ids: readonly Id[]): Promise<ScheduleView> {
    const view = await this.deps.schedules.slotsByIds(caller.accountId, hotline.id, ids);
    if (!view) throw new HotlineVanished();
    return view;
  }

  private findHotline(caller: Caller, hotlineId: Id, field: string): Promise<Hotline | undefined> {
    return this.deps.hotlines.byId(caller.accountId, assertId(hotlineId, field));
  }

  /** Refuses the first assignee the account does not hold: `UNKNOWN_ASSIGNEE` at `<field>.id`. */
  private async assertAssigneesKnown(
    caller: Caller,
    refs: readonly { ref: AssigneeRef; field: string }[],
  ): Promise<void> {
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
}

/** The change of a dry run over an empty schedule (which can refuse nothing but invalid input). */
function dryRun<E>(result: Result<ScheduleChange, E>): ScheduleChange {
  if (!result.ok) throw new Error('a dry run over an empty schedule cannot be refused');
  return result.value;
}

function prepared<E>(view: ScheduleView, outcome: Result<ScheduleChange, E>): Prepared<E> {
  return { existing: view.slots, version: view.version, outcome };
}

/** The write's control fields, checked before the schedule is read: a version is a whole number from 0. */
function control(options: WriteControl): WriteControl {
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
function refsAt(assignees: readonly AssigneeInput[], field: string): { ref: AssigneeRef; field: string }[] {
  return assigneeList(assignees, field).map((ref, i) => ({ ref, field: `${field}[${i}]` }));
}
