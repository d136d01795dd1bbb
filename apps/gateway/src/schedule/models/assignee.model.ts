import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AssigneeRef } from '@dutyline/domain';

export enum AssigneeKindEnum {
  PERSON = 'person',
  TEAM = 'team',
}
registerEnumType(AssigneeKindEnum, {
  name: 'AssigneeKind',
  description: 'A person, or a team whose members are rung in order.',
});

@ObjectType('Assignee', { description: 'One escalation level: who is rung at that level (see `person` or `team`).' })
export class AssigneeModel {
  @Field(() => Int, { description: '0 is rung first.' })
  level!: number;
  @Field(() => AssigneeKindEnum)
  kind!: AssigneeKindEnum;
  @Field(() => ID)
  id!: string;

  static list(refs: readonly AssigneeRef[]): AssigneeModel[] {
    return refs.map((ref, level) => ({ level, kind: ref.kind as AssigneeKindEnum, id: ref.id }));
  }
}
