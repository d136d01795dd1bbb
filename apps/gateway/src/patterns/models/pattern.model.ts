import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PatternDefinition } from '@dutyline/application';
import { Paginated } from '../../graphql/pagination';
import { WeekdayEnum } from '../../hotlines/models/hotline-enums';

@ObjectType('PatternWindow', {
  description:
    'Starts on each of `days` at `start`, ends `endDayOffset` days later at `end` (hotline wall-clock time).',
})
export class PatternWindowModel {
  @Field(() => [WeekdayEnum])
  days!: WeekdayEnum[];
  @Field({ description: '`HH:MM`' })
  start!: string;
  @Field({ description: '`HH:MM`' })
  end!: string;
  @Field(() => Int, { description: '0 to 7: Friday 18:00 + 3 days 08:00 is Monday 08:00.' })
  endDayOffset!: number;
}

@ObjectType('Pattern', { description: 'A predefined on-call period (F5): weekly windows applied over a date range.' })
export class PatternModel {
  @Field(() => ID)
  id!: string;
  @Field()
  name!: string;
  @Field({ description: 'A preset every account has; cannot be changed.' })
  builtIn!: boolean;
  @Field(() => [PatternWindowModel])
  windows!: PatternWindowModel[];

  static of(p: PatternDefinition): PatternModel {
    return {
      id: p.id,
      name: p.name,
      builtIn: p.builtIn,
      windows: p.windows.map((w) => ({
        days: w.days.names as WeekdayEnum[],
        start: w.start.toString(),
        end: w.end.toString(),
        endDayOffset: w.endDayOffset,
      })),
    };
  }
}

@ObjectType()
export class PatternConnection extends Paginated(PatternModel) {}
