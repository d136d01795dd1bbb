import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { CallEntryChanges } from '@dutyline/application';
import type { EntryRuleInput as DomainRuleInput, EntryTargetInput } from '@dutyline/domain';
import { PromptInput, WeeklyWindowInput } from '../../hotlines/dto/hotline.inputs';
import { EntryFrontKindEnum, EntryTargetKindEnum } from '../models/call-entry-enums';

@InputType('EntryTargetInput', {
  description:
    "LINE: this hotline's own schedule; HOTLINE: another hotline of the account; FRONT (rules only): the menu or keyed number.",
})
export class EntryTargetInputType {
  @Field(() => EntryTargetKindEnum)
  kind!: EntryTargetKindEnum;
  @Field(() => ID, { nullable: true, description: 'With HOTLINE.' })
  hotlineId?: string | null;
}

@InputType('EntryHoursInput')
export class EntryHoursInput {
  @Field(() => [WeeklyWindowInput], { description: "In the hotline's zone." })
  windows!: WeeklyWindowInput[];
}

@InputType('EntryRuleInput', {
  description: 'Matches when both the number dialled and the period (those given) match.',
})
export class EntryRuleInputType {
  @Field(() => String, { nullable: true, description: 'E.164: the hotline number or one of its extra numbers.' })
  dialled?: string | null;
  @Field(() => EntryHoursInput, { nullable: true })
  hours?: EntryHoursInput | null;
  @Field(() => EntryTargetInputType)
  target!: EntryTargetInputType;
}

@InputType('MenuChoiceInput')
export class MenuChoiceInput {
  @Field({ description: '0 to 9.' })
  key!: string;
  @Field()
  label!: string;
  @Field(() => EntryTargetInputType)
  target!: EntryTargetInputType;
}

@InputType('KeyedMatchInput', { description: 'A prefix, or a range `from`–`to` read as numbers.' })
export class KeyedMatchInput {
  @Field(() => String, { nullable: true })
  prefix?: string | null;
  @Field(() => String, { nullable: true })
  from?: string | null;
  @Field(() => String, { nullable: true })
  to?: string | null;
  @Field(() => EntryTargetInputType)
  target!: EntryTargetInputType;
}

@InputType('EntryFrontInput', { description: 'MENU: `choices`; KEYED: `maxDigits` and `matches`.' })
export class EntryFrontInput {
  @Field(() => EntryFrontKindEnum)
  kind!: EntryFrontKindEnum;
  @Field(() => PromptInput)
  prompt!: PromptInput;
  @Field(() => [MenuChoiceInput], { nullable: true })
  choices?: MenuChoiceInput[] | null;
  @Field(() => Int, { nullable: true })
  maxDigits?: number | null;
  @Field(() => [KeyedMatchInput], { nullable: true })
  matches?: KeyedMatchInput[] | null;
  @Field(() => EntryTargetInputType, { description: 'After no key or a wrong one, twice.' })
  defaultTarget!: EntryTargetInputType;
  @Field(() => Int, { nullable: true, description: 'Seconds to wait for keys, 1 to 10; default 5.' })
  timeoutSeconds?: number | null;
}

@InputType({ description: 'The whole entry, replacing the saved one.' })
export class UpdateCallEntryInput {
  @Field(() => ID)
  hotlineId!: string;
  @Field(() => [String], { nullable: true, description: 'More public numbers (E.164) leading to this hotline.' })
  extraNumbers?: string[] | null;
  @Field(() => [EntryRuleInputType], { nullable: true, description: 'In order; the first that matches wins.' })
  rules?: EntryRuleInputType[] | null;
  @Field(() => EntryFrontInput, { nullable: true, description: 'null: none.' })
  front?: EntryFrontInput | null;
}

const target = (t: EntryTargetInputType): EntryTargetInput => ({ kind: t.kind, hotlineId: t.hotlineId ?? null });

/** The input as the use case takes it. */
export function callEntryChanges(input: UpdateCallEntryInput): CallEntryChanges {
  const front = input.front;
  return {
    extraNumbers: input.extraNumbers ?? [],
    rules: (input.rules ?? []).map((rule): DomainRuleInput => ({
      dialled: rule.dialled ?? null,
      hours: rule.hours ? { windows: rule.hours.windows } : null,
      target: target(rule.target),
    })),
    front: !front
      ? null
      : front.kind === EntryFrontKindEnum.MENU
        ? {
            kind: 'menu',
            prompt: front.prompt,
            choices: (front.choices ?? []).map((c) => ({ key: c.key, label: c.label, target: target(c.target) })),
            defaultTarget: target(front.defaultTarget),
            timeoutSeconds: front.timeoutSeconds,
          }
        : {
            kind: 'keyed',
            prompt: front.prompt,
            maxDigits: front.maxDigits ?? NaN,
            matches: (front.matches ?? []).map((m) => ({
              prefix: m.prefix,
              from: m.from,
              to: m.to,
              target: target(m.target),
            })),
            defaultTarget: target(front.defaultTarget),
            timeoutSeconds: front.timeoutSeconds,
          },
  };
}
