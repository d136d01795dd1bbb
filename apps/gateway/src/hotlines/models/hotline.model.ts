import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Hotline, NoAnswerStep, Prompt, ServiceHours } from '@dutyline/domain';
import { Paginated } from '../../graphql/pagination';
import {
  CallerIdModeEnum,
  NoAnswerStepKindEnum,
  PromptKindEnum,
  RingingStrategyEnum,
  WeekdayEnum,
} from './hotline-enums';

@ObjectType('Prompt', { description: 'Something played to a caller: text spoken in a language, or an audio file.' })
export class PromptModel {
  @Field(() => PromptKindEnum)
  kind!: PromptKindEnum;
  @Field(() => String, { nullable: true })
  text!: string | null;
  @Field(() => String, { nullable: true, description: 'BCP-47, e.g. `fr-FR`.' })
  language!: string | null;
  @Field(() => String, { nullable: true })
  audioUrl!: string | null;

  static of(p: Prompt): PromptModel;
  static of(p: Prompt | null): PromptModel | null;
  static of(p: Prompt | null): PromptModel | null {
    if (!p) return null;
    return p.kind === 'text'
      ? { kind: PromptKindEnum.TEXT, text: p.text, language: p.language, audioUrl: null }
      : { kind: PromptKindEnum.AUDIO, text: null, language: null, audioUrl: p.url };
  }
}

@ObjectType('WeeklyWindow', {
  description: "A weekly window in the hotline's zone; an end at or before the start runs past midnight.",
})
export class WeeklyWindowModel {
  @Field(() => [WeekdayEnum])
  days!: WeekdayEnum[];
  @Field({ description: '`HH:MM`' })
  start!: string;
  @Field({ description: '`HH:MM`' })
  end!: string;
}

@ObjectType('ServiceHours', { description: 'When the hotline is meant to be answered: always, or weekly windows.' })
export class ServiceHoursModel {
  @Field()
  always!: boolean;
  @Field(() => [WeeklyWindowModel], { description: 'Empty when `always`.' })
  windows!: WeeklyWindowModel[];

  static of(hours: ServiceHours): ServiceHoursModel {
    if (hours.kind === 'always') return { always: true, windows: [] };
    return {
      always: false,
      windows: hours.windows.map((w) => ({
        days: w.days.names as WeekdayEnum[],
        start: w.start.toString(),
        end: w.end.toString(),
      })),
    };
  }
}

@ObjectType('NoAnswerStep', {
  description: 'A step of what happens once everyone on duty was tried without an answer.',
})
export class NoAnswerStepModel {
  @Field(() => NoAnswerStepKindEnum)
  kind!: NoAnswerStepKindEnum;
  @Field(() => PromptModel, { nullable: true, description: 'VOICEMAIL: played before recording.' })
  greeting!: PromptModel | null;
  @Field(() => PromptModel, { nullable: true, description: 'MESSAGE: played before hanging up.' })
  message!: PromptModel | null;

  static of(step: NoAnswerStep): NoAnswerStepModel {
    return {
      kind: step.kind as NoAnswerStepKindEnum,
      greeting: step.kind === 'voicemail' ? PromptModel.of(step.greeting) : null,
      message: step.kind === 'message' ? PromptModel.of(step.message) : null,
    };
  }
}

@ObjectType('Hotline', {
  description: 'The single public number of an account, its zone and what to do with calls (F3).',
})
export class HotlineModel {
  @Field(() => ID)
  id!: string;
  @Field()
  name!: string;
  @Field({ description: 'E.164.' })
  number!: string;
  @Field({ description: 'IANA zone the schedule is written in, e.g. `Europe/Paris`.' })
  timeZone!: string;
  @Field({ description: 'BCP-47 language of spoken prompts.' })
  language!: string;
  @Field(() => [ID], { description: 'In ringing order (see `supervisors`).' })
  supervisorIds!: string[];
  @Field(() => ServiceHoursModel)
  serviceHours!: ServiceHoursModel;
  @Field(() => [NoAnswerStepModel], { description: 'In order; ends with exactly one VOICEMAIL or MESSAGE step.' })
  scenario!: NoAnswerStepModel[];
  @Field(() => PromptModel, { nullable: true, description: 'Played to the caller before the first ring.' })
  greeting!: PromptModel | null;
  @Field({
    description: "The callee presses 1 to take the call, so a mobile's own voicemail never counts as an answer.",
  })
  requireAnswerConfirmation!: boolean;
  @Field(() => CallerIdModeEnum)
  callerIdMode!: CallerIdModeEnum;
  @Field(() => [RingingStrategyEnum], { description: 'One per on-call level; levels past the list ring IN_ORDER.' })
  levelStrategies!: RingingStrategyEnum[];

  static of(h: Hotline): HotlineModel {
    return {
      id: h.id,
      name: h.name,
      number: h.number.e164,
      timeZone: h.timeZone.name,
      language: h.language,
      supervisorIds: [...h.supervisorIds],
      serviceHours: ServiceHoursModel.of(h.serviceHours),
      scenario: h.scenario.map(NoAnswerStepModel.of),
      greeting: PromptModel.of(h.greeting),
      requireAnswerConfirmation: h.requireAnswerConfirmation,
      callerIdMode: h.callerIdMode as CallerIdModeEnum,
      levelStrategies: h.levelStrategies.map((strategy) => strategy as RingingStrategyEnum),
    };
  }
}

@ObjectType()
export class HotlineConnection extends Paginated(HotlineModel) {}
