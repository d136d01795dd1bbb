import { Field, ID, InputType } from '@nestjs/graphql';
import { CallbackServiceInput } from '../../callback-settings/dto/callback-settings.inputs';
import { CallbackOfferPointEnum } from '../models/callback-intake.model';
import { CallbackOutcomeEnum, CallbackStatusEnum } from '../models/callback-request.model';

@InputType({ description: 'Every field given narrows the list.' })
export class CallbackRequestFilterInput {
  @Field(() => CallbackStatusEnum, { nullable: true, description: 'The status now.' })
  status?: CallbackStatusEnum | null;
  @Field(() => CallbackServiceInput, { nullable: true })
  service?: CallbackServiceInput | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only what agents may work now: open and past the minimum delay.',
  })
  visibleOnly?: boolean | null;
}

@InputType()
export class CreateCallbackRequestInput {
  @Field(() => CallbackServiceInput)
  service!: CallbackServiceInput;
  @Field({ description: "E.164, or a national number of the hotline's country." })
  number!: string;
  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
export class RecordCallbackOutcomeInput {
  @Field(() => ID)
  id!: string;
  @Field(() => CallbackOutcomeEnum)
  outcome!: CallbackOutcomeEnum;
  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
export class CommentCallbackRequestInput {
  @Field(() => ID)
  id!: string;
  @Field()
  text!: string;
}

@InputType({ description: 'Fields left out keep their current value.' })
export class UpdateCallbackIntakeInput {
  @Field(() => CallbackServiceInput)
  service!: CallbackServiceInput;
  @Field(() => CallbackOfferPointEnum, { nullable: true, description: 'Hotlines only; null removes the offer.' })
  offerAt?: CallbackOfferPointEnum | null;
  @Field(() => [String], {
    nullable: true,
    description: "ISO 3166-1 codes; null or empty: the hotline's own country only.",
  })
  allowedCountries?: string[] | null;
}
