import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ShiftAlertChannelEnum } from '../models/shift-alert.model';

@InputType()
export class ShiftAlertAcknowledgementInput {
  @Field(() => Int, { description: '1 to 240 minutes after the alert.' })
  withinMinutes!: number;
}

@InputType({ description: 'Fields left out keep their current value; `acknowledge: null` stops asking for one.' })
export class UpdateShiftAlertSettingsInput {
  @Field(() => ID)
  hotlineId!: string;
  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;
  @Field(() => Int, { nullable: true, description: '1 to 1440.' })
  minutesBefore?: number | null;
  @Field(() => [ShiftAlertChannelEnum], { nullable: true, description: 'At least one.' })
  channels?: ShiftAlertChannelEnum[] | null;
  @Field(() => ShiftAlertAcknowledgementInput, { nullable: true })
  acknowledge?: ShiftAlertAcknowledgementInput | null;
}
