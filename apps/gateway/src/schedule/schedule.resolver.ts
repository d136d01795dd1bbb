import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Application, ScheduleWrite } from '@dutyline/application';
import type { Result } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import type { Refusal } from '../graphql/refusals';
import { HotlineModel } from '../hotlines/models/hotline.model';
import {
  ApplyPatternInput,
  CopyDayInput,
  CopyToHotlineInput,
  CopyWeekInput,
  CreateSlotsInput,
  DeleteSlotsInput,
  MoveSlotInput,
  ReassignSlotInput,
  RepeatWeekInput,
  ResizeSlotInput,
} from './dto/schedule.inputs';
import { ScheduleChangeModel, ScheduleModel, SlotModel } from './models/slot.model';

/** The write's control fields (version check, dry run) as the use cases take them. */
const control = (input: { expectedVersion?: number | null; dryRun?: boolean | null }) => ({
  expectedVersion: input.expectedVersion ?? null,
  dryRun: input.dryRun ?? false,
});
const mode = (input: { mode?: string | null; expectedVersion?: number | null; dryRun?: boolean | null }) => ({
  ...control(input),
  mode: (input.mode ?? 'reject') as 'reject' | 'replace',
});

/**
 * The schedule (F4–F6): a range of slots to read; slots in batches, move, resize, delete, reassign;
 * patterns over a range; copies. Every write is one change at one new version (CONFLICT only when
 * other editors kept winning the race); `SLOT_OVERLAP` names the input in the way. Every write takes
 * `expectedVersion` (SCHEDULE_VERSION_CONFLICT at `input.expectedVersion` once the schedule moved on)
 * and `dryRun` (the change answered, nothing stored).
 */
@Resolver(() => ScheduleModel)
export class ScheduleResolver {
  constructor(@Inject(APPLICATION) private readonly app: Application) {}

  @Query(() => ScheduleModel, {
    description:
      "Slots overlapping [from, to) in the hotline's wall-clock time (`YYYY-MM-DDTHH:MM`), at most 366 days.",
  })
  async schedule(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID }) hotlineId: string,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<ScheduleModel> {
    const read = await settled(null, () => this.app.schedule.slots(callerOf(actor), hotlineId, { from, to }));
    return {
      hotline: HotlineModel.of(read.hotline),
      version: read.version,
      from,
      to,
      slots: read.slots.map((s) => SlotModel.of(s, read.hotline)),
    };
  }

  @Mutation(() => ScheduleChangeModel, { description: 'Creates slots in one batch; errors name `input.slots[i]…`.' })
  createSlots(@CurrentActor() actor: Actor, @Args('input') input: CreateSlotsInput): Promise<ScheduleChangeModel> {
    return this.change(() =>
      this.app.schedule.createSlots(callerOf(actor), input.hotlineId, { slots: input.slots, ...mode(input) }),
    );
  }

  @Mutation(() => ScheduleChangeModel, { description: 'Moves a slot, keeping its wall-clock length.' })
  moveSlot(@CurrentActor() actor: Actor, @Args('input') input: MoveSlotInput): Promise<ScheduleChangeModel> {
    return this.change(() =>
      this.app.schedule.moveSlot(callerOf(actor), input.hotlineId, {
        id: input.id,
        start: input.start,
        ...mode(input),
      }),
    );
  }

  @Mutation(() => ScheduleChangeModel, { description: 'Gives a slot new bounds.' })
  resizeSlot(@CurrentActor() actor: Actor, @Args('input') input: ResizeSlotInput): Promise<ScheduleChangeModel> {
    return this.change(() =>
      this.app.schedule.resizeSlot(callerOf(actor), input.hotlineId, {
        id: input.id,
        start: input.start,
        end: input.end,
        ...mode(input),
      }),
    );
  }

  @Mutation(() => ScheduleChangeModel, {
    description: 'Deletes slots in one batch; NOT_FOUND at `input.ids[i]` for one not on the schedule.',
  })
  deleteSlots(@CurrentActor() actor: Actor, @Args('input') input: DeleteSlotsInput): Promise<ScheduleChangeModel> {
    return this.change(() =>
      this.app.schedule.deleteSlots(callerOf(actor), input.hotlineId, { ids: input.ids, ...control(input) }),
    );
  }

  @Mutation(() => ScheduleChangeModel, { description: "Replaces a slot's escalation levels." })
  reassignSlot(@CurrentActor() actor: Actor, @Args('input') input: ReassignSlotInput): Promise<ScheduleChangeModel> {
    return this.change(() =>
      this.app.schedule.reassignSlot(callerOf(actor), input.hotlineId, {
        id: input.id,
        assignees: input.assignees,
        ...control(input),
      }),
    );
  }

  @Mutation(() => ScheduleChangeModel, { description: 'Applies a predefined period over a date range (F5).' })
  applyPattern(@CurrentActor() actor: Actor, @Args('input') input: ApplyPatternInput): Promise<ScheduleChangeModel> {
    return this.change(() =>
      this.app.schedule.applyPattern(callerOf(actor), input.hotlineId, { ...input, ...mode(input) }),
    );
  }

  @Mutation(() => ScheduleChangeModel, { description: 'Copies a day to other dates (F6).' })
  copyDay(@CurrentActor() actor: Actor, @Args('input') input: CopyDayInput): Promise<ScheduleChangeModel> {
    return this.change(() => this.app.schedule.copyDay(callerOf(actor), input.hotlineId, { ...input, ...mode(input) }));
  }

  @Mutation(() => ScheduleChangeModel, { description: 'Copies a week to other weeks (F6).' })
  copyWeek(@CurrentActor() actor: Actor, @Args('input') input: CopyWeekInput): Promise<ScheduleChangeModel> {
    return this.change(() =>
      this.app.schedule.copyWeek(callerOf(actor), input.hotlineId, { ...input, ...mode(input) }),
    );
  }

  @Mutation(() => ScheduleChangeModel, { description: 'Repeats a week N times (F6).' })
  repeatWeek(@CurrentActor() actor: Actor, @Args('input') input: RepeatWeekInput): Promise<ScheduleChangeModel> {
    return this.change(() =>
      this.app.schedule.repeatWeek(callerOf(actor), input.hotlineId, { ...input, ...mode(input) }),
    );
  }

  @Mutation(() => ScheduleChangeModel, {
    description: "Copies a range of one hotline's slots to another hotline of the account (F6).",
  })
  copyToHotline(@CurrentActor() actor: Actor, @Args('input') input: CopyToHotlineInput): Promise<ScheduleChangeModel> {
    return this.change(() => this.app.schedule.copyToHotline(callerOf(actor), { ...input, ...mode(input) }));
  }

  private change(write: () => Promise<Result<ScheduleWrite, Refusal>>): Promise<ScheduleChangeModel> {
    return settled('input', write).then(ScheduleChangeModel.of);
  }
}
