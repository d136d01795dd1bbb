import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { CallbackModeEnum, CallbackServiceKindEnum } from '../models/callback-settings.model';

@InputType()
export class CallbackServiceInput {
  @Field(() => CallbackServiceKindEnum)
  kind!: CallbackServiceKindEnum;
  @Field(() => ID)
  id!: string;
}

@InputType({ description: 'Fields left out keep their current value.' })
export class UpdateCallbackSettingsInput {
  @Field(() => CallbackServiceInput)
  service!: CallbackServiceInput;
  @Field(() => Int, { nullable: true, description: '1 to 90.' })
  maxProcessingDays?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 20.' })
  maxAttempts?: number | null;
  @Field(() => Float, { nullable: true, description: '0 to 168, in quarter-hour steps.' })
  minHoursBetweenAttempts?: number | null;
  @Field(() => CallbackModeEnum, { nullable: true })
  mode?: CallbackModeEnum | null;
  @Field(() => Int, { nullable: true, description: '1 to 240.' })
  claimMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 120.' })
  agentRetryMinutes?: number | null;
}
