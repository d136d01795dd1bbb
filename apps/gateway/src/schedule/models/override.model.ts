import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Instant, Override } from '@dutyline/domain';
import { HotlineModel } from '../../hotlines/models/hotline.model';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { AssigneeModel } from './assignee.model';

@ObjectType('Override', {
  description: '"Calls go to X until T" (F7): wins over the slots during [start, end); the one made last wins.',
})
export class OverrideModel {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  hotlineId!: string;
  @Field(() => InstantScalar)
  start!: Instant;
  @Field(() => InstantScalar)
  end!: Instant;
  @Field(() => [AssigneeModel], { description: 'The whole escalation list, or the one assignee of `level`.' })
  assignees!: AssigneeModel[];
  @Field(() => Int, { nullable: true, description: 'The escalation level replaced (0 = first); null: the whole list.' })
  level!: number | null;
  @Field(() => InstantScalar)
  createdAt!: Instant;
  @Field(() => String, { nullable: true })
  reason!: string | null;

  static of(o: Override): OverrideModel {
    return {
      id: o.id,
      hotlineId: o.hotlineId,
      start: o.start,
      end: o.end,
      assignees: AssigneeModel.list(o.assignees),
      level: o.level,
      createdAt: o.createdAt,
      reason: o.reason,
    };
  }
}

@ObjectType('OverrideChange')
export class OverrideChangeModel {
  @Field(() => HotlineModel)
  hotline!: HotlineModel;
  @Field(() => OverrideModel, {
    nullable: true,
    description: 'As it now stands; null when ending it removed it (it had not begun).',
  })
  override!: OverrideModel | null;
}
