import {
  AssigneeInput,
  Id,
  IdGenerator,
  Result,
  SlotInput,
  assertId,
  createSlots as createSlotsChange,
  deleteSlots as deleteSlotsChange,
  invalid,
  moveSlot as moveSlotChange,
  resizeSlot as resizeSlotChange,
  setSlotAssignees,
} from '@dutyline/domain';
import { Caller, LocalDateTimeInput, localDateTimeOf } from '../shared';
import { spanOf } from './schedule-ranges';
import { ScheduleRefusal, ScheduleWrite, WriteControl, WriteOptions } from './schedule-types';
import { DRY_RUN_IDS, ScheduleWritePath, control, dryRun, refsAt } from './schedule-write-path';

type Answer = Promise<Result<ScheduleWrite, ScheduleRefusal>>;

/** The slot writes (F4) of `ScheduleService`, which documents them. */
export class SlotWrites {
  constructor(
    private readonly path: ScheduleWritePath,
    private readonly ids: IdGenerator,
  ) {}

  async createSlots(
    caller: Caller,
    { hotlineId, slots, options }: { hotlineId: Id; slots: readonly SlotInput[]; options: WriteOptions },
  ): Answer {
    assertId(hotlineId, 'hotlineId');
    const dry = dryRun(createSlotsChange([], slots, { hotlineId, ids: DRY_RUN_IDS, mode: options.mode }));
    await this.path.assertAssigneesKnown(
      caller,
      slots.flatMap((s, i) => refsAt(s.assignees, `slots[${i}].assignees`)),
    );
    const range = spanOf(dry.added);
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slots-created',
      control: control(options),
      prepare: this.path.overRange(caller, range, (existing, hotline) =>
        createSlotsChange(existing, slots, { hotlineId: hotline.id, ids: this.ids, mode: options.mode }),
      ),
    });
  }

  async moveSlot(
    caller: Caller,
    {
      hotlineId,
      slotId,
      start,
      options,
    }: { hotlineId: Id; slotId: Id; start: LocalDateTimeInput; options: WriteOptions },
  ): Answer {
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    const newStart = localDateTimeOf(start, 'start');
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slot-moved',
      control: control(options),
      prepare: this.path.overSlot({
        caller,
        slotId,
        rangeOf: (slot) =>
          spanOf([slot, { start: newStart, end: newStart.plusMinutes((slot.end.wall - slot.start.wall) / 60_000) }]),
        compute: (existing) => moveSlotChange(existing, slotId, newStart, { ids: this.ids, mode: options.mode }),
      }),
    });
  }

  async resizeSlot(
    caller: Caller,
    resize: { hotlineId: Id; slotId: Id; start: LocalDateTimeInput; end: LocalDateTimeInput; options: WriteOptions },
  ): Answer {
    const { hotlineId, slotId, options } = resize;
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    const bounds = { start: localDateTimeOf(resize.start, 'start'), end: localDateTimeOf(resize.end, 'end') };
    if (!bounds.end.isAfter(bounds.start)) invalid('INVALID_RANGE', 'end', 'the end must be after the start');
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slot-resized',
      control: control(options),
      prepare: this.path.overSlot({
        caller,
        slotId,
        rangeOf: (slot) => spanOf([slot, bounds]),
        compute: (existing) =>
          resizeSlotChange(existing, slotId, bounds.start, bounds.end, { ids: this.ids, mode: options.mode }),
      }),
    });
  }

  async deleteSlots(
    caller: Caller,
    { hotlineId, ids, options }: { hotlineId: Id; ids: readonly Id[]; options: WriteControl },
  ): Answer {
    assertId(hotlineId, 'hotlineId');
    deleteSlotsChange([], ids);
    ids.forEach((id, i) => assertId(id, `ids[${i}]`));
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slots-deleted',
      control: control(options),
      prepare: this.path.overIds(caller, ids, (existing) => deleteSlotsChange(existing, ids)),
    });
  }

  async reassignSlot(
    caller: Caller,
    reassign: { hotlineId: Id; slotId: Id; assignees: readonly AssigneeInput[]; options: WriteControl },
  ): Answer {
    const { hotlineId, slotId, assignees, options } = reassign;
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    await this.path.assertAssigneesKnown(caller, refsAt(assignees, 'assignees'));
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slot-reassigned',
      control: control(options),
      prepare: this.path.overIds(caller, [slotId], (existing) => setSlotAssignees(existing, slotId, assignees)),
    });
  }
}
