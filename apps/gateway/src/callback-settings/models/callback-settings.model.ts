import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CallbackSettingsView } from '@dutyline/application';
import type { Instant } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';

export enum CallbackServiceKindEnum {
  HOTLINE = 'hotline',
  TEAM = 'team',
}
registerEnumType(CallbackServiceKindEnum, {
  name: 'CallbackServiceKind',
  description: 'A hotline, or a team acting as a service.',
});

export enum CallbackModeEnum {
  AUTOMATIC = 'automatic',
  MANUAL = 'manual',
}
registerEnumType(CallbackModeEnum, {
  name: 'CallbackMode',
  description: 'AUTOMATIC: a worker dials the caller; MANUAL: agents take requests from a list.',
});

@ObjectType('CallbackService')
export class CallbackServiceModel {
  @Field(() => CallbackServiceKindEnum)
  kind!: CallbackServiceKindEnum;
  @Field(() => ID)
  id!: string;
}

@ObjectType('CallbackSettings', {
  description: 'How a service handles callback requests (F20). New settings apply to requests opened afterwards.',
})
export class CallbackSettingsModel {
  @Field(() => CallbackServiceModel)
  service!: CallbackServiceModel;
  @Field(() => Int, { description: 'Calendar days after the day of the request during which it may be worked.' })
  maxProcessingDays!: number;
  @Field(() => Int)
  maxAttempts!: number;
  @Field(() => Float, { description: 'Hours, in quarter-hour steps.' })
  minHoursBetweenAttempts!: number;
  @Field(() => CallbackModeEnum)
  mode!: CallbackModeEnum;
  @Field(() => Int, { description: "Minutes an agent's claim holds." })
  claimMinutes!: number;
  @Field(() => Int, { description: 'Minutes before the dialler tries again when the person on duty did not answer.' })
  agentRetryMinutes!: number;
  @Field({ description: 'Nothing saved: the defaults apply.' })
  isDefault!: boolean;
  @Field(() => InstantScalar, { nullable: true })
  updatedAt!: Instant | null;

  static of(view: CallbackSettingsView): CallbackSettingsModel {
    return {
      service: { kind: view.service.kind as CallbackServiceKindEnum, id: view.service.id },
      ...view.policy,
      mode: view.policy.mode as CallbackModeEnum,
      isDefault: view.isDefault,
      updatedAt: view.updatedAt,
    };
  }
}
