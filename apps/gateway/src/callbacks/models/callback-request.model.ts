import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CallbackRequestView } from '@dutyline/application';
import type { Instant } from '@dutyline/domain';
import {
  CallbackModeEnum,
  CallbackServiceKindEnum,
  CallbackServiceModel,
} from '../../callback-settings/models/callback-settings.model';
import { Paginated } from '../../graphql/pagination';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';

export enum CallbackStatusEnum {
  OPEN = 'open',
  DONE = 'done',
  MAX_ATTEMPTS_REACHED = 'max-attempts-reached',
  EXPIRED = 'expired',
  CANCELLED = 'cancelled',
}
registerEnumType(CallbackStatusEnum, {
  name: 'CallbackStatus',
  description:
    'OPEN: still to be worked; DONE: the caller was reached; MAX_ATTEMPTS_REACHED: every allowed attempt was made; EXPIRED: the processing delay is over.',
});

export enum CallbackOutcomeEnum {
  ANSWERED = 'answered',
  NO_ANSWER = 'no-answer',
  BUSY = 'busy',
  FAILED = 'failed',
  AGENT_UNAVAILABLE = 'agent-unavailable',
}
registerEnumType(CallbackOutcomeEnum, {
  name: 'CallbackOutcome',
  description:
    "How an attempt ended. AGENT_UNAVAILABLE: the person on duty did not take the automatic call; it spends none of the caller's attempts.",
});

export enum CallbackSourceEnum {
  CALLER_ID = 'caller-id',
  KEYED = 'keyed',
  AGENT = 'agent',
}
registerEnumType(CallbackSourceEnum, {
  name: 'CallbackSource',
  description: "The caller's line identity, keyed in by the caller, or typed by an agent.",
});

@ObjectType('CallbackAttempt')
export class CallbackAttemptModel {
  @Field(() => InstantScalar)
  at!: Instant;
  @Field(() => CallbackOutcomeEnum)
  outcome!: CallbackOutcomeEnum;
  @Field(() => ID, { nullable: true, description: 'The agent who called; null for the automatic dialler.' })
  by!: string | null;
  @Field(() => String, { nullable: true })
  comment!: string | null;
  @Field({ description: "Whether it spent one of the caller's attempts." })
  counted!: boolean;
}

@ObjectType('CallbackComment')
export class CallbackCommentModel {
  @Field(() => InstantScalar)
  at!: Instant;
  @Field(() => ID, { nullable: true })
  by!: string | null;
  @Field()
  text!: string;
}

@ObjectType('CallbackPolicySnapshot', {
  description: "The service's settings when the request was opened: later changes do not apply to it.",
})
export class CallbackPolicySnapshotModel {
  @Field(() => Int)
  maxProcessingDays!: number;
  @Field(() => Int)
  maxAttempts!: number;
  @Field(() => Float)
  minHoursBetweenAttempts!: number;
  @Field(() => CallbackModeEnum)
  mode!: CallbackModeEnum;
  @Field(() => Int)
  claimMinutes!: number;
  @Field(() => Int)
  agentRetryMinutes!: number;
}

@ObjectType('CallbackRequest', {
  description: "A caller's number left to be called back under its service's rules (F19–F21), as it stands now.",
})
export class CallbackRequestModel {
  @Field(() => ID)
  id!: string;
  @Field(() => CallbackServiceModel)
  service!: CallbackServiceModel;
  @Field({ description: 'E.164.' })
  number!: string;
  @Field(() => CallbackSourceEnum)
  source!: CallbackSourceEnum;
  @Field(() => InstantScalar)
  createdAt!: Instant;
  @Field(() => CallbackStatusEnum)
  status!: CallbackStatusEnum;
  @Field(() => CallbackModeEnum)
  mode!: CallbackModeEnum;
  @Field(() => Int)
  remainingAttempts!: number;
  @Field(() => Int)
  maxAttempts!: number;
  @Field(() => InstantScalar, {
    nullable: true,
    description: 'When it may be tried next (agents see it again then); null when no further attempt will be made.',
  })
  nextAttemptAt!: Instant | null;
  @Field(() => InstantScalar, { description: 'Expired from this instant on.' })
  expiresAt!: Instant;
  @Field({ description: "The last day it may be worked, in the service's time zone (YYYY-MM-DD)." })
  lastDay!: string;
  @Field({ description: 'Open and past the minimum delay: agents may work it now.' })
  visibleToAgents!: boolean;
  @Field(() => ID, { nullable: true, description: 'The agent (or `dialler`) holding it now.' })
  claimedBy!: string | null;
  @Field(() => InstantScalar, { nullable: true })
  claimedUntil!: Instant | null;
  @Field({ description: 'An outbound call is working on it now.' })
  callInProgress!: boolean;
  @Field(() => [CallbackAttemptModel], { description: 'Oldest first.' })
  attempts!: CallbackAttemptModel[];
  @Field(() => [CallbackCommentModel])
  comments!: CallbackCommentModel[];
  @Field(() => [InstantScalar], { description: 'When the same caller asked again while it was open.' })
  repeatRequests!: Instant[];
  @Field(() => CallbackPolicySnapshotModel)
  policy!: CallbackPolicySnapshotModel;

  static of(view: CallbackRequestView): CallbackRequestModel {
    return {
      id: view.id,
      service: { kind: view.service.kind as CallbackServiceKindEnum, id: view.service.id },
      number: view.number,
      source: view.source as CallbackSourceEnum,
      createdAt: view.createdAt,
      status: view.status as CallbackStatusEnum,
      mode: view.mode as CallbackModeEnum,
      remainingAttempts: view.remainingAttempts,
      maxAttempts: view.maxAttempts,
      nextAttemptAt: view.nextAttemptAt,
      expiresAt: view.expiresAt,
      lastDay: view.lastDay,
      visibleToAgents: view.visibleToAgents,
      claimedBy: view.claimedBy,
      claimedUntil: view.claimedUntil,
      callInProgress: view.callInProgress,
      attempts: view.attempts.map((a) => ({ ...a, outcome: a.outcome as CallbackOutcomeEnum })),
      comments: view.comments.map((c) => ({ ...c })),
      repeatRequests: [...view.repeatRequests],
      policy: { ...view.policy, mode: view.policy.mode as CallbackModeEnum },
    };
  }
}

@ObjectType()
export class CallbackRequestConnection extends Paginated(CallbackRequestModel) {}

@ObjectType('CreatedCallbackRequest')
export class CreatedCallbackRequestModel {
  @Field({ description: 'The caller already had an open request for this service: the ask was noted on it.' })
  merged!: boolean;
  @Field(() => CallbackRequestModel)
  request!: CallbackRequestModel;
}
