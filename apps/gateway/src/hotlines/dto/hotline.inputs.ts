import { Field, ID, InputType } from '@nestjs/graphql';
import type { NewHotline } from '@dutyline/application';
import { CallerIdModeEnum, NoAnswerStepKindEnum, RingingStrategyEnum, WeekdayEnum } from '../models/hotline-enums';

@InputType({ description: 'Either a text (with its language) or an audio URL.' })
export class PromptInput {
  @Field(() => String, { nullable: true })
  text?: string | null;
  @Field(() => String, { nullable: true, description: "BCP-47; default the hotline's language." })
  language?: string | null;
  @Field(() => String, { nullable: true })
  audioUrl?: string | null;
}

@InputType()
export class WeeklyWindowInput {
  @Field(() => [WeekdayEnum])
  days!: WeekdayEnum[];
  @Field({ description: '`HH:MM`' })
  start!: string;
  @Field({ description: '`HH:MM`; at or before `start`: the next day.' })
  end!: string;
}

@InputType({ description: '`always: true`, or weekly windows.' })
export class ServiceHoursInput {
  @Field(() => Boolean, { nullable: true })
  always?: boolean | null;
  @Field(() => [WeeklyWindowInput], { nullable: true })
  windows?: WeeklyWindowInput[] | null;
}

@InputType()
export class NoAnswerStepInput {
  @Field(() => NoAnswerStepKindEnum)
  kind!: NoAnswerStepKindEnum;
  @Field(() => PromptInput, { nullable: true })
  greeting?: PromptInput | null;
  @Field(() => PromptInput, { nullable: true })
  message?: PromptInput | null;
}

@InputType()
export class HotlineFieldsInput {
  @Field({ nullable: true })
  name?: string;
  @Field({ nullable: true, description: 'E.164.' })
  number?: string;
  @Field({ nullable: true, description: 'IANA zone, e.g. `Europe/Paris`.' })
  timeZone?: string;
  @Field({ nullable: true, description: 'BCP-47; default `en-GB`.' })
  language?: string;
  @Field(() => [ID], { nullable: true, description: 'People of the account, in ringing order.' })
  supervisorIds?: string[];
  @Field(() => ServiceHoursInput, { nullable: true, description: 'Default always.' })
  serviceHours?: ServiceHoursInput;
  @Field(() => [NoAnswerStepInput], { nullable: true, description: 'Default: supervisors, then voicemail.' })
  scenario?: NoAnswerStepInput[];
  @Field(() => PromptInput, { nullable: true, description: 'null removes it.' })
  greeting?: PromptInput | null;
  @Field({ nullable: true, description: 'Default true.' })
  requireAnswerConfirmation?: boolean;
  @Field(() => CallerIdModeEnum, { nullable: true, description: 'Default HOTLINE.' })
  callerIdMode?: CallerIdModeEnum;
  @Field(() => [RingingStrategyEnum], {
    nullable: true,
    description: 'One per on-call level (index 0 = first level); levels past the list ring IN_ORDER. Default [].',
  })
  levelStrategies?: RingingStrategyEnum[];
}

@InputType()
export class CreateHotlineInput extends HotlineFieldsInput {
  @Field()
  declare name: string;
  @Field({ description: 'E.164.' })
  declare number: string;
  @Field({ description: 'IANA zone, e.g. `Europe/Paris`.' })
  declare timeZone: string;
}

@InputType({ description: 'Fields left out keep their value; `greeting: null` removes the greeting.' })
export class UpdateHotlineInput extends HotlineFieldsInput {
  @Field(() => ID)
  id!: string;
}

/** The GraphQL fields in the form the use cases take (nulls of optional fields dropped, greeting null kept). */
export function hotlineFields(input: HotlineFieldsInput): Partial<NewHotline> {
  const fields: Partial<NewHotline> = {};
  const set = <K extends keyof NewHotline>(key: K, value: NewHotline[K] | null | undefined) => {
    if (value !== undefined && value !== null) fields[key] = value;
  };
  set('name', input.name);
  set('number', input.number);
  set('timeZone', input.timeZone);
  set('language', input.language);
  set('supervisorIds', input.supervisorIds);
  if (input.serviceHours)
    set('serviceHours', input.serviceHours.always ? { always: true } : { windows: input.serviceHours.windows ?? [] });
  set(
    'scenario',
    input.scenario?.map((s) => ({ kind: s.kind, greeting: s.greeting ?? null, message: s.message ?? null })),
  );
  if (input.greeting !== undefined) fields.greeting = input.greeting;
  set('requireAnswerConfirmation', input.requireAnswerConfirmation);
  set('callerIdMode', input.callerIdMode);
  set('levelStrategies', input.levelStrategies);
  return fields;
}
