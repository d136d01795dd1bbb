import {
  Id,
  IdGenerator,
  Result,
  assertId,
  createSlots as createSlotsChange,
  deleteSlots as deleteSlotsChange,
  invalid,
  moveSlot as moveSlotChange,
  resizeSlot as resizeSlotChange,
  setSlotAssignees,
} from '@dutyline/domain';
import { Caller, localDateTimeOf } from '../shared';
import { spanOf } from './schedule-ranges';
import {
  NewSlots,
  ScheduleRefusal,
  ScheduleWrite,
  SlotDeletion,
  SlotMove,
  SlotReassignment,
  SlotResize,
} from './schedule-types';
import { DRY_RUN_IDS, ScheduleWritePath, control, dryRun, refsAt } from './schedule-write-path';

type Answer = Promise<Result<ScheduleWrite, ScheduleRefusal>>;

/** The slot writes (F4) of `ScheduleService`, which documents them. */
export class SlotWrites {
  constructor(
    private readonly path: ScheduleWritePath,
    private readonly ids: IdGenerator,
  ) {}

  async createSlots(caller: Caller, hotlineId: Id, input: NewSlots): Answer {
    const { slots } = input;
    assertId(hotlineId, 'hotlineId');
    const dry = dryRun(createSlotsChange([], slots, { hotlineId, ids: DRY_RUN_IDS, mode: input.mode }));
    await this.path.assertAssigneesKnown(
      caller,
      slots.flatMap((s, i) => refsAt(s.assignees, `slots[${i}].assignees`)),
    );
    const range = spanOf(dry.added);
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slots-created',
      control: control(input),
      prepare: this.path.overRange(caller, range, (existing, hotline) =>
        createSlotsChange(existing, slots, { hotlineId: hotline.id, ids: this.ids, mode: input.mode }),
      ),
    });
  }

  async moveSlot(caller: Caller, hotlineId: Id, input: SlotMove): Answer {
    const { id: slotId, start } = input;
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    const newStart = localDateTimeOf(start, 'start');
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slot-moved',
      control: control(input),
      prepare: this.path.overSlot({
        caller,
        slotId,
        rangeOf: (slot) =>
          spanOf([slot, { start: newStart, end: newStart.plusMinutes((slot.end.wall - slot.start.wall) / 60_000) }]),
        compute: (existing) => moveSlotChange(existing, slotId, { start: newStart, ids: this.ids, mode: input.mode }),
      }),
    });
  }

  async resizeSlot(caller: Caller, hotlineId: Id, input: SlotResize): Answer {
    const { id: slotId } = input;
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    const bounds = { start: localDateTimeOf(input.start, 'start'), end: localDateTimeOf(input.end, 'end') };
    if (!bounds.end.isAfter(bounds.start)) invalid('INVALID_RANGE', 'end', 'the end must be after the start');
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slot-resized',
      control: control(input),
      prepare: this.path.overSlot({
        caller,
        slotId,
        rangeOf: (slot) => spanOf([slot, bounds]),
        compute: (existing) =>
          resizeSlotChange(existing, slotId, { start: bounds.start, end: bounds.end, ids: this.ids, mode: input.mode }),
      }),
    });
  }

  async deleteSlots(caller: Caller, hotlineId: Id, input: SlotDeletion): Answer {
    const { ids } = input;
    assertId(hotlineId, 'hotlineId');
    deleteSlotsChange([], ids);
    ids.forEach((id, i) => assertId(id, `ids[${i}]`));
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slots-deleted',
      control: control(input),
      prepare: this.path.overIds(caller, ids, (existing) => deleteSlotsChange(existing, ids)),
    });
  }

  async reassignSlot(caller: Caller, hotlineId: Id, input: SlotReassignment): Answer {
    const { id: slotId, assignees } = input;
    assertId(hotlineId, 'hotlineId');
    assertId(slotId, 'id');
    await this.path.assertAssigneesKnown(caller, refsAt(assignees, 'assignees'));
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.slot-reassigned',
      control: control(input),
      prepare: this.path.overIds(caller, [slotId], (existing) => setSlotAssignees(existing, slotId, assignees)),
    });
  }
}
