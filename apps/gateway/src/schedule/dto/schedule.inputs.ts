import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import type { Instant } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { AssigneeKindEnum } from '../models/assignee.model';

export enum OverlapModeEnum {
  REJECT = 'reject',
  REPLACE = 'replace',
}
registerEnumType(OverlapModeEnum, {
  name: 'OverlapMode',
  description:
    'What a write does with existing slots in the way: REJECT refuses it (SLOT_OVERLAP with the ids in the way); REPLACE trims, splits or removes them.',
});

@InputType()
export class AssigneeInput {
  @Field(() => AssigneeKindEnum)
  kind!: AssigneeKindEnum;
  @Field(() => ID)
  id!: string;
}

@InputType({ description: "One slot, in the hotline's wall-clock time." })
export class SlotInput {
  @Field({ description: '`YYYY-MM-DDTHH:MM`' })
  start!: string;
  @Field({ description: '`YYYY-MM-DDTHH:MM`, after `start`, at most 31 days later.' })
  end!: string;
  @Field(() => [AssigneeInput], { description: 'Escalation levels in order.' })
  assignees!: AssigneeInput[];
}

/** The fields every schedule write takes: the version the editor loaded, and the preview switch. */
@InputType({ isAbstract: true })
abstract class ScheduleWriteControl {
  @Field(() => Int, {
    nullable: true,
    description:
      "The `Schedule.version` the editor loaded (for copyToHotline: the target hotline's). When the schedule has moved on, nothing is written and the write fails with SCHEDULE_VERSION_CONFLICT (`extensions.details.currentVersion`). Omitted: applied at whatever version it finds.",
  })
  expectedVersion?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Computes the change and answers it without storing anything (same refusals; `version` is the current one).',
  })
  dryRun?: boolean | null;
}

@InputType({ isAbstract: true })
abstract class HotlineWriteInput extends ScheduleWriteControl {
  @Field(() => ID)
  hotlineId!: string;
}

@InputType({ isAbstract: true })
abstract class ScheduleWriteInput extends HotlineWriteInput {
  @Field(() => OverlapModeEnum, { nullable: true, defaultValue: OverlapModeEnum.REJECT })
  mode?: OverlapModeEnum | null;
}

@InputType()
export class CreateSlotsInput extends ScheduleWriteInput {
  @Field(() => [SlotInput], { description: 'One batch, at most 2,000, stored as one change.' })
  slots!: SlotInput[];
}

@InputType()
export class MoveSlotInput extends ScheduleWriteInput {
  @Field(() => ID, { description: 'The slot.' })
  id!: string;
  @Field({ description: 'New wall-clock start; the slot keeps its wall-clock length.' })
  start!: string;
}

@InputType()
export class ResizeSlotInput extends ScheduleWriteInput {
  @Field(() => ID, { description: 'The slot.' })
  id!: string;
  @Field()
  start!: string;
  @Field()
  end!: string;
}

@InputType()
export class DeleteSlotsInput extends HotlineWriteInput {
  @Field(() => [ID])
  ids!: string[];
}

@InputType()
export class ReassignSlotInput extends HotlineWriteInput {
  @Field(() => ID, { description: 'The slot.' })
  id!: string;
  @Field(() => [AssigneeInput])
  assignees!: AssigneeInput[];
}

@InputType({ description: 'One slot per window of the pattern starting between `from` and `to` (F5).' })
export class ApplyPatternInput extends ScheduleWriteInput {
  @Field(() => ID, { description: "A preset (`preset-weeknights`…) or one of the account's patterns." })
  patternId!: string;
  @Field({ description: 'First date, `YYYY-MM-DD`.' })
  from!: string;
  @Field({ description: 'Last date on which windows start (included), at most 366 days after `from`.' })
  to!: string;
  @Field(() => [AssigneeInput])
  assignees!: AssigneeInput[];
}

@InputType({ description: 'Copies the slots starting on `day` (whole) to each target date (F6).' })
export class CopyDayInput extends ScheduleWriteInput {
  @Field()
  day!: string;
  @Field(() => [String])
  targets!: string[];
}

@InputType({ description: 'Copies the week of Monday `week` to the weeks of the target Mondays.' })
export class CopyWeekInput extends ScheduleWriteInput {
  @Field({ description: 'A Monday, `YYYY-MM-DD`.' })
  week!: string;
  @Field(() => [String], { description: 'Mondays.' })
  targets!: string[];
}

@InputType({ description: 'Copies the week of Monday `week` onto each of the `times` following weeks.' })
export class RepeatWeekInput extends ScheduleWriteInput {
  @Field({ description: 'A Monday, `YYYY-MM-DD`.' })
  week!: string;
  @Field(() => Int, { description: '1 to 52.' })
  times!: number;
}

@InputType({
  description:
    'Copies slots starting between `from` and `to` to another hotline of the account, keeping wall-clock times in its zone.',
})
export class CopyToHotlineInput extends ScheduleWriteControl {
  @Field(() => ID)
  sourceHotlineId!: string;
  @Field(() => ID)
  targetHotlineId!: string;
  @Field()
  from!: string;
  @Field()
  to!: string;
  @Field(() => String, { nullable: true, description: 'Where the copy of `from` lands. Default `from`.' })
  targetFrom?: string | null;
  @Field(() => OverlapModeEnum, { nullable: true, defaultValue: OverlapModeEnum.REJECT })
  mode?: OverlapModeEnum | null;
}

@InputType({ description: '"Calls go to X until `end`", from `start` (default now).' })
export class CreateOverrideInput {
  @Field(() => ID)
  hotlineId!: string;
  @Field(() => InstantScalar, { nullable: true })
  start?: Instant | null;
  @Field(() => InstantScalar)
  end!: Instant;
  @Field(() => [AssigneeInput], { description: 'The whole escalation list, or exactly one assignee with `level`.' })
  assignees!: AssigneeInput[];
  @Field(() => Int, { nullable: true, description: 'Replace only this level (0 = first).' })
  level?: number | null;
  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType({
  description: '"Back to the schedule": ends the override at `at` (default now); one not begun yet is removed.',
})
export class EndOverrideInput {
  @Field(() => ID)
  hotlineId!: string;
  @Field(() => ID, { description: 'The override.' })
  id!: string;
  @Field(() => InstantScalar, { nullable: true })
  at?: Instant | null;
}
