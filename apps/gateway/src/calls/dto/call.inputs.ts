import { Field, ID, InputType } from '@nestjs/graphql';
import type { Instant } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { CallOutcomeEnum } from '../models/call.model';

@InputType({ description: 'Every given criterion must hold.' })
export class CallFilterInput {
  @Field(() => ID, { nullable: true })
  hotlineId?: string | null;
  @Field(() => CallOutcomeEnum, { nullable: true })
  outcome?: CallOutcomeEnum | null;
  @Field(() => ID, { nullable: true, description: 'Calls this person took.' })
  answeredBy?: string | null;
  @Field(() => InstantScalar, { nullable: true, description: 'Calls that started at or after this instant.' })
  from?: Instant | null;
  @Field(() => InstantScalar, { nullable: true, description: 'Calls that started before this instant.' })
  to?: Instant | null;
}

@InputType()
export class AddCallCommentInput {
  @Field(() => ID)
  callId!: string;
  @Field({ description: '1 to 2000 characters.' })
  text!: string;
}
