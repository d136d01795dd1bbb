import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CallPlan, CallStep, Instant } from '@dutyline/domain';
import { CallerIdModeEnum } from '../../hotlines/models/hotline-enums';
import { HotlineModel, PromptModel } from '../../hotlines/models/hotline.model';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { AssigneeModel } from './assignee.model';

@ObjectType('OnCall', { description: 'Who takes a call to the hotline at an instant (slots and overrides merged).' })
export class OnCallModel {
  @Field(() => HotlineModel)
  hotline!: HotlineModel;
  @Field(() => InstantScalar)
  at!: Instant;
  @Field(() => [AssigneeModel], { description: 'Escalation levels in order; empty when nobody is on duty.' })
  levels!: AssigneeModel[];
  @Field(() => ID, { nullable: true, description: 'The slot beneath, if any.' })
  slotId!: string | null;
  @Field(() => [ID], { description: 'The overrides that shaped the answer, in the order applied.' })
  overrideIds!: string[];
  @Field(() => InstantScalar, {
    nullable: true,
    description: 'When who is on duty changes next, if before the end of the next local day.',
  })
  nextChangeAt!: Instant | null;
}

export enum CallStepKindEnum {
  DIAL = 'dial',
  VOICEMAIL = 'voicemail',
  MESSAGE = 'message',
}
registerEnumType(CallStepKindEnum, { name: 'CallStepKind' });

export enum DialViaEnum {
  ON_CALL = 'on-call',
  SUPERVISOR = 'supervisor',
}
registerEnumType(DialViaEnum, {
  name: 'DialVia',
  description: "Why a number is rung: an on-call level, or the scenario's supervisors step.",
});

@ObjectType('CallStep', { description: 'One step of a call plan: ring a number, or the final voicemail or message.' })
export class CallStepModel {
  @Field(() => CallStepKindEnum)
  kind!: CallStepKindEnum;
  @Field(() => String, { nullable: true, description: 'DIAL: E.164.' })
  number!: string | null;
  @Field(() => String, { nullable: true })
  label!: string | null;
  @Field(() => Int, { nullable: true })
  ringTimeoutSeconds!: number | null;
  @Field(() => ID, { nullable: true })
  personId!: string | null;
  @Field(() => String, { nullable: true })
  personName!: string | null;
  @Field(() => DialViaEnum, { nullable: true })
  via!: DialViaEnum | null;
  @Field(() => Int, { nullable: true, description: 'DIAL on call: the level (0 = first).' })
  level!: number | null;
  @Field(() => ID, { nullable: true, description: 'Set when the person is rung as a member of this team.' })
  teamId!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'DIAL of an ALL_AT_ONCE level: its level number; the consecutive steps of one group ring together.',
  })
  group!: number | null;
  @Field(() => PromptModel, { nullable: true, description: 'VOICEMAIL: played before recording.' })
  greeting!: PromptModel | null;
  @Field(() => PromptModel, { nullable: true, description: 'MESSAGE: played before hanging up.' })
  message!: PromptModel | null;

  static of(step: CallStep): CallStepModel {
    const none = {
      number: null,
      label: null,
      ringTimeoutSeconds: null,
      personId: null,
      personName: null,
      via: null,
      level: null,
      teamId: null,
      group: null,
      greeting: null,
      message: null,
    };
    switch (step.kind) {
      case 'dial':
        return {
          ...none,
          kind: CallStepKindEnum.DIAL,
          number: step.number,
          label: step.label,
          ringTimeoutSeconds: step.ringTimeoutSeconds,
          personId: step.personId,
          personName: step.personName,
          via: step.via as DialViaEnum,
          level: step.level,
          teamId: step.teamId,
          group: step.group ?? null,
        };
      case 'voicemail':
        return { ...none, kind: CallStepKindEnum.VOICEMAIL, greeting: PromptModel.of(step.greeting) };
      case 'message':
        return { ...none, kind: CallStepKindEnum.MESSAGE, message: PromptModel.of(step.message) };
    }
  }
}

@ObjectType('CallPlan', {
  description: 'What a call reaching the hotline at `at` would do (F9–F12): numbers in order, then the final step.',
})
export class CallPlanModel {
  @Field(() => ID)
  hotlineId!: string;
  @Field(() => InstantScalar)
  at!: Instant;
  @Field(() => ID, { nullable: true })
  slotId!: string | null;
  @Field(() => [ID])
  overrideIds!: string[];
  @Field(() => PromptModel, { nullable: true })
  greeting!: PromptModel | null;
  @Field()
  requireAnswerConfirmation!: boolean;
  @Field(() => CallerIdModeEnum)
  callerIdMode!: CallerIdModeEnum;
  @Field(() => [CallStepModel], { description: 'Ends with exactly one VOICEMAIL or MESSAGE step.' })
  steps!: CallStepModel[];

  static of(plan: CallPlan): CallPlanModel {
    return {
      hotlineId: plan.hotline.id,
      at: plan.at,
      slotId: plan.slotId,
      overrideIds: [...plan.overrideIds],
      greeting: PromptModel.of(plan.greeting),
      requireAnswerConfirmation: plan.requireAnswerConfirmation,
      callerIdMode: plan.callerIdMode as CallerIdModeEnum,
      steps: plan.steps.map(CallStepModel.of),
    };
  }
}
