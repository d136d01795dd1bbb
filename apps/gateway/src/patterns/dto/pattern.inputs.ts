import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { WeekdayEnum } from '../../hotlines/models/hotline-enums';

@InputType()
export class PatternWindowInput {
  @Field(() => [WeekdayEnum])
  days!: WeekdayEnum[];
  @Field({ description: '`HH:MM`' })
  start!: string;
  @Field({ description: '`HH:MM`' })
  end!: string;
  @Field(() => Int, {
    nullable: true,
    description: '0 to 7. Default 0 when `end` is after `start`, else 1 (overnight).',
  })
  endDayOffset?: number | null;
}

@InputType()
export class CreatePatternInput {
  @Field()
  name!: string;
  @Field(() => [PatternWindowInput], { description: '1 to 28 windows that never overlap in the week.' })
  windows!: PatternWindowInput[];
}

@InputType({ description: 'Replaces name and windows; slots already created from the pattern stay.' })
export class UpdatePatternInput extends CreatePatternInput {
  @Field(() => ID)
  id!: string;
}

export const windowsOf = (input: CreatePatternInput) =>
  input.windows.map((w) => ({ ...w, endDayOffset: w.endDayOffset ?? undefined }));
