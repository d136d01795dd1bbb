import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { FailedJob, Instant, JsonValue, QueueDepth } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { JsonScalar } from '../../graphql/scalars/json.scalar';

@ObjectType('QueueDepth', {
  description:
    'How many jobs of one name wait, are delayed (a retry or a later check), run, or failed. Counts are for the whole platform.',
})
export class QueueDepthModel {
  @Field({ description: '`voicemail.deliver`, `call.unanswered-alert` or `gaps.check`.' })
  name!: string;
  @Field(() => Int)
  waiting!: number;
  @Field(() => Int)
  delayed!: number;
  @Field(() => Int)
  active!: number;
  @Field(() => Int)
  failed!: number;

  static of(depth: QueueDepth): QueueDepthModel {
    return Object.assign(new QueueDepthModel(), depth);
  }
}

@ObjectType('FailedJob', {
  description:
    'A background job that failed for good (no retry left, or a failure retrying cannot fix); it stays until retried.',
})
export class FailedJobModel {
  @Field()
  name!: string;
  @Field({
    description: 'Deterministic: `<call id>:voicemail`, `<call id>:unanswered`, `gaps:<account>:<hotline>:<period>`.',
  })
  jobId!: string;
  @Field({ description: 'The last error, e.g. `PermanentDeliveryError: 550 5.1.1 No such user`.' })
  reason!: string;
  @Field(() => Int)
  attemptsMade!: number;
  @Field(() => Int)
  maxAttempts!: number;
  @Field(() => InstantScalar)
  failedAt!: Instant;
  @Field(() => JsonScalar, { nullable: true })
  payload!: JsonValue;

  static of(job: FailedJob): FailedJobModel {
    return Object.assign(new FailedJobModel(), { ...job, payload: job.payload as JsonValue });
  }
}
