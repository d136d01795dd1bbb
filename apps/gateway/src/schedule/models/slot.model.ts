import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ScheduleWrite } from '@dutyline/application';
import type { Hotline, Instant, Slot } from '@dutyline/domain';
import { HotlineModel } from '../../hotlines/models/hotline.model';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { AssigneeModel } from './assignee.model';

@ObjectType('Slot', {
  description:
    "A range of the schedule in the hotline's wall-clock time, with its escalation levels (F4). `startsAt`/`endsAt` are the real instants in the hotline's zone.",
})
export class SlotModel {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  hotlineId!: string;
  @Field({ description: "Wall-clock start in the hotline's zone, `YYYY-MM-DDTHH:MM`." })
  start!: string;
  @Field({ description: 'Wall-clock end (excluded).' })
  end!: string;
  @Field(() => InstantScalar, {
    description:
      'The instant `start` designates (a skipped time: the instant of the jump; a repeated one: its first occurrence).',
  })
  startsAt!: Instant;
  @Field(() => InstantScalar)
  endsAt!: Instant;
  @Field(() => Int, {
    description: 'Real minutes between `startsAt` and `endsAt`: 420 for 22:00→06:00 the night clocks go forward.',
  })
  durationMinutes!: number;
  @Field(() => [AssigneeModel], { description: 'Escalation levels in order.' })
  assignees!: AssigneeModel[];

  static of(slot: Slot, hotline: Hotline): SlotModel {
    const startsAt = hotline.timeZone.toInstant(slot.start);
    const endsAt = hotline.timeZone.toInstant(slot.end);
    return {
      id: slot.id,
      hotlineId: slot.hotlineId,
      start: slot.start.toString(),
      end: slot.end.toString(),
      startsAt,
      endsAt,
      durationMinutes: Math.round((endsAt - startsAt) / 60_000),
      assignees: AssigneeModel.list(slot.assignees),
    };
  }
}

@ObjectType('Schedule', { description: 'The slots of a hotline overlapping a wall-clock range.' })
export class ScheduleModel {
  @Field(() => HotlineModel)
  hotline!: HotlineModel;
  @Field(() => Int, { description: 'Moves on with every change; two editors never overwrite each other.' })
  version!: number;
  @Field()
  from!: string;
  @Field()
  to!: string;
  @Field(() => [SlotModel], { description: 'By start.' })
  slots!: SlotModel[];
}

@ObjectType('ScheduleChange', {
  description:
    'What a schedule write did, as one change at one new version; with `dryRun`, what it would do (nothing stored).',
})
export class ScheduleChangeModel {
  @Field(() => HotlineModel)
  hotline!: HotlineModel;
  @Field(() => Int, {
    description:
      "The schedule's version after the write (unchanged when there was nothing to change, and in a dry run).",
  })
  version!: number;
  @Field(() => [SlotModel])
  added!: SlotModel[];
  @Field(() => [SlotModel], { description: 'Existing slots trimmed, moved, resized or reassigned (same ids).' })
  updated!: SlotModel[];
  @Field(() => [ID])
  removedIds!: string[];
  @Field(() => [SlotModel], {
    description: 'The slots of `removedIds` as they were before the change (what a preview would replace).',
  })
  removed!: SlotModel[];

  static of(write: ScheduleWrite): ScheduleChangeModel {
    return {
      hotline: HotlineModel.of(write.hotline),
      version: write.version,
      added: write.added.map((s) => SlotModel.of(s, write.hotline)),
      updated: write.updated.map((s) => SlotModel.of(s, write.hotline)),
      removedIds: [...write.removedIds],
      removed: write.removed.map((s) => SlotModel.of(s, write.hotline)),
    };
  }
}
