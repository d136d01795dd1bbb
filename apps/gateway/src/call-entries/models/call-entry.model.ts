import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CallEntryView } from '@dutyline/application';
import type { EntryFront, Instant, RuleTarget } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { PromptModel, ServiceHoursModel, WeeklyWindowModel } from '../../hotlines/models/hotline.model';
import { EntryFrontKindEnum, EntryTargetKindEnum } from './call-entry-enums';

@ObjectType('EntryTarget')
export class EntryTargetModel {
  @Field(() => EntryTargetKindEnum)
  kind!: EntryTargetKindEnum;
  @Field(() => ID, { nullable: true })
  hotlineId!: string | null;

  static of(target: RuleTarget): EntryTargetModel {
    return {
      kind: target.kind as EntryTargetKindEnum,
      hotlineId: target.kind === 'hotline' ? target.hotlineId : null,
    };
  }
}

@ObjectType('EntryRule')
export class EntryRuleModel {
  @Field(() => String, { nullable: true, description: 'E.164; null: any number.' })
  dialled!: string | null;
  @Field(() => [WeeklyWindowModel], { nullable: true, description: "In the hotline's zone; null: any time." })
  hours!: WeeklyWindowModel[] | null;
  @Field(() => EntryTargetModel)
  target!: EntryTargetModel;
}

@ObjectType('MenuChoice')
export class MenuChoiceModel {
  @Field()
  key!: string;
  @Field()
  label!: string;
  @Field(() => EntryTargetModel)
  target!: EntryTargetModel;
}

@ObjectType('KeyedMatch', { description: 'A prefix, or a range `from`–`to`.' })
export class KeyedMatchModel {
  @Field(() => String, { nullable: true })
  prefix!: string | null;
  @Field(() => String, { nullable: true })
  from!: string | null;
  @Field(() => String, { nullable: true })
  to!: string | null;
  @Field(() => EntryTargetModel)
  target!: EntryTargetModel;
}

@ObjectType('EntryFront', { description: 'A menu, or a number to key, played before the line.' })
export class EntryFrontModel {
  @Field(() => EntryFrontKindEnum)
  kind!: EntryFrontKindEnum;
  @Field(() => PromptModel)
  prompt!: PromptModel;
  @Field(() => [MenuChoiceModel], { description: 'MENU only.' })
  choices!: MenuChoiceModel[];
  @Field(() => Int, { description: '1 for a menu.' })
  maxDigits!: number;
  @Field(() => [KeyedMatchModel], { description: 'KEYED only.' })
  matches!: KeyedMatchModel[];
  @Field(() => EntryTargetModel)
  defaultTarget!: EntryTargetModel;
  @Field(() => Int)
  timeoutSeconds!: number;

  static of(front: EntryFront | null): EntryFrontModel | null {
    if (!front) return null;
    const menu = front.kind === 'menu';
    return {
      kind: front.kind as EntryFrontKindEnum,
      prompt: PromptModel.of(front.prompt),
      choices: menu
        ? front.choices.map((c) => ({ key: c.key, label: c.label, target: EntryTargetModel.of(c.target) }))
        : [],
      maxDigits: menu ? 1 : front.maxDigits,
      matches: menu
        ? []
        : front.matches.map((m) => ({
            prefix: m.kind === 'prefix' ? m.prefix : null,
            from: m.kind === 'range' ? m.from : null,
            to: m.kind === 'range' ? m.to : null,
            target: EntryTargetModel.of(m.target),
          })),
      defaultTarget: EntryTargetModel.of(front.defaultTarget),
      timeoutSeconds: front.timeoutSeconds,
    };
  }
}

@ObjectType('CallEntry', {
  description:
    'How calls enter a hotline (F25): more public numbers, rules by number dialled and period, a menu or keyed number in front.',
})
export class CallEntryModel {
  @Field(() => ID)
  hotlineId!: string;
  @Field(() => [String], { description: 'More public numbers (E.164) leading to this hotline.' })
  extraNumbers!: string[];
  @Field(() => [EntryRuleModel], {
    description: 'In order; the first that matches wins; none: the front, else the line.',
  })
  rules!: EntryRuleModel[];
  @Field(() => EntryFrontModel, { nullable: true })
  front!: EntryFrontModel | null;
  @Field({ description: 'Nothing saved: every call goes straight to the line.' })
  isDefault!: boolean;
  @Field(() => InstantScalar, { nullable: true })
  updatedAt!: Instant | null;

  static of({ entry, isDefault, updatedAt }: CallEntryView): CallEntryModel {
    return {
      hotlineId: entry.hotlineId,
      extraNumbers: entry.extraNumbers.map((n) => n.e164),
      rules: entry.rules.map((rule) => ({
        dialled: rule.dialled?.e164 ?? null,
        hours: rule.hours ? ServiceHoursModel.of(rule.hours).windows : null,
        target: EntryTargetModel.of(rule.target),
      })),
      front: EntryFrontModel.of(entry.front),
      isDefault,
      updatedAt,
    };
  }
}
