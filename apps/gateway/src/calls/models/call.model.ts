import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Answerer, CallComment, CallLeg, CallRecord, Instant } from '@dutyline/domain';
import { AuditActorModel } from '../../audit/models/audit-entry.model';
import { Paginated } from '../../graphql/pagination';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { DialViaEnum } from '../../schedule/models/routing.model';
import { CallRouteModel } from './call-route.model';

export enum CallOutcomeEnum {
  IN_PROGRESS = 'in-progress',
  ANSWERED = 'answered',
  VOICEMAIL = 'voicemail',
  MESSAGE = 'message',
  ABANDONED = 'abandoned',
}
registerEnumType(CallOutcomeEnum, {
  name: 'CallOutcome',
  description:
    'IN_PROGRESS while a number rings; ANSWERED once put through; VOICEMAIL on reaching the voicemail; MESSAGE for a closing message; ABANDONED when the caller hung up while a number rang.',
});

export enum CallLegOutcomeEnum {
  RINGING = 'ringing',
  ANSWERED = 'answered',
  CONFIRMED = 'confirmed',
  BUSY = 'busy',
  NO_ANSWER = 'no-answer',
  FAILED = 'failed',
  REJECTED = 'rejected',
  MACHINE = 'machine',
  DECLINED = 'declined',
  NOT_CONFIRMED = 'not-confirmed',
  CANCELLED = 'cancelled',
  SKIPPED_BUSY = 'skipped-busy',
}
registerEnumType(CallLegOutcomeEnum, {
  name: 'CallLegOutcome',
  description:
    'RINGING until the leg has an outcome; ANSWERED: picked up, awaiting the key; CONFIRMED: took the call; MACHINE: an answering machine; DECLINED: another key, or hung up during the announcement; NOT_CONFIRMED: no key in time; CANCELLED: the caller left first, or another leg rung at the same time (an ALL_AT_ONCE level) took the call; SKIPPED_BUSY: not rung, the person was already on as many calls as they take.',
});

export enum CallPlanSourceEnum {
  SCHEDULE = 'schedule',
  LAST_KNOWN = 'last-known',
  EMERGENCY = 'emergency',
}
registerEnumType(CallPlanSourceEnum, {
  name: 'CallPlanSource',
  description:
    'Where the plan of a call came from: the schedule, or a fallback while the database was unreachable (the plan last known for the number, or the emergency number).',
});

@ObjectType('CallAnswerer', { description: 'Who took the call, through which step of the plan.' })
export class CallAnswererModel {
  @Field(() => Int, { description: 'The plan step (0 = first).' })
  step!: number;
  @Field({ description: 'E.164 of the number that took the call.' })
  number!: string;
  @Field(() => ID)
  personId!: string;
  @Field()
  personName!: string;
  @Field(() => DialViaEnum)
  via!: DialViaEnum;
  @Field(() => Int, { nullable: true, description: 'The on-call level (0 = first); null for supervisors.' })
  level!: number | null;
  @Field(() => ID, { nullable: true })
  teamId!: string | null;

  static of(a: Answerer | null): CallAnswererModel | null {
    return (
      a && {
        step: a.step,
        number: a.number,
        personId: a.personId,
        personName: a.personName,
        via: a.via as DialViaEnum,
        level: a.level,
        teamId: a.teamId,
      }
    );
  }
}

@ObjectType('CallLeg', { description: 'One number dialled during a call.' })
export class CallLegModel extends CallAnswererModel {
  @Field()
  label!: string;
  @Field(() => InstantScalar)
  startedAt!: Instant;
  @Field(() => InstantScalar, { nullable: true })
  answeredAt!: Instant | null;
  @Field(() => InstantScalar, { nullable: true })
  endedAt!: Instant | null;
  @Field(() => Float, {
    nullable: true,
    description: 'From the first ring to the pick-up, or to the end when nobody picked up; null while it rings.',
  })
  ringSeconds!: number | null;
  @Field(() => CallLegOutcomeEnum)
  outcome!: CallLegOutcomeEnum;
  @Field(() => String, {
    nullable: true,
    description: "The carrier's reason for a leg that did not connect: `unavailable`, `declined`, `cannot_route`…",
  })
  detail!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The SIP status the carrier reported (486 busy, 480 unanswered, 603 declined…).',
  })
  sipCode!: number | null;

  static ofLeg(l: CallLeg): CallLegModel {
    return {
      ...CallAnswererModel.of(l)!,
      label: l.label,
      startedAt: l.startedAt,
      answeredAt: l.answeredAt,
      endedAt: l.endedAt,
      ringSeconds: l.ringSeconds,
      outcome: l.outcome as CallLegOutcomeEnum,
      detail: l.detail,
      sipCode: l.sipCode,
    };
  }
}

@ObjectType('CallComment', { description: 'A note a supervisor left on a call (F17).' })
export class CallCommentModel {
  @Field(() => ID)
  id!: string;
  @Field(() => AuditActorModel)
  author!: AuditActorModel;
  @Field()
  text!: string;
  @Field(() => InstantScalar)
  at!: Instant;

  static of(c: CallComment): CallCommentModel {
    return { id: c.id, author: { kind: c.author.kind, id: c.author.id }, text: c.text, at: c.at };
  }
}

@ObjectType('Call', {
  description: 'One inbound call of the log (F17): each number tried, who answered, how long it took.',
})
export class CallModel {
  @Field(() => ID)
  id!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Null when the call could not be tied to a hotline (the database was down).',
  })
  hotlineId!: string | null;
  @Field()
  hotlineName!: string;
  @Field({ description: 'E.164 of the number called.' })
  hotlineNumber!: string;
  @Field({ description: '`vonage`, `simulator`…' })
  carrier!: string;
  @Field({ description: "The carrier's id of the caller's leg." })
  carrierCallId!: string;
  @Field(() => String, { nullable: true, description: 'E.164; null when the caller withheld their number.' })
  caller!: string | null;
  @Field(() => CallPlanSourceEnum)
  planSource!: CallPlanSourceEnum;
  @Field(() => InstantScalar)
  startedAt!: Instant;
  @Field(() => InstantScalar, { nullable: true, description: 'When the caller was put through.' })
  answeredAt!: Instant | null;
  @Field(() => InstantScalar, { nullable: true })
  endedAt!: Instant | null;
  @Field(() => CallOutcomeEnum)
  outcome!: CallOutcomeEnum;
  @Field(() => CallAnswererModel, { nullable: true })
  answeredBy!: CallAnswererModel | null;
  @Field(() => Float, { nullable: true, description: "From the call's arrival to the caller being put through." })
  timeToAnswerSeconds!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "The caller's leg length, as the carrier reported it, else measured.",
  })
  durationSeconds!: number | null;
  @Field(() => String, { nullable: true, description: "The carrier's reference of the voicemail recording." })
  voicemailRecording!: string | null;
  @Field(() => [CallLegModel], { description: 'In the order they were dialled.' })
  legs!: CallLegModel[];
  @Field(() => [CallCommentModel], { description: 'Oldest first.' })
  comments!: CallCommentModel[];
  @Field(() => CallRouteModel, {
    nullable: true,
    description: 'How the call reached this hotline: menu key, keyed value, rule; null when it went straight there.',
  })
  route!: CallRouteModel | null;

  static of(r: CallRecord): CallModel {
    return {
      id: r.id,
      hotlineId: r.hotlineId,
      hotlineName: r.hotlineName,
      hotlineNumber: r.hotlineNumber,
      carrier: r.carrier,
      carrierCallId: r.carrierCallId,
      caller: r.caller,
      planSource: r.planSource as CallPlanSourceEnum,
      startedAt: r.startedAt,
      answeredAt: r.answeredAt,
      endedAt: r.endedAt,
      outcome: r.outcome as CallOutcomeEnum,
      answeredBy: CallAnswererModel.of(r.answeredBy),
      timeToAnswerSeconds: r.timeToAnswerSeconds,
      durationSeconds: r.durationSeconds,
      voicemailRecording: r.voicemailRecording,
      legs: r.legs.map(CallLegModel.ofLeg),
      comments: r.comments.map(CallCommentModel.of),
      route: CallRouteModel.of(r.route),
    };
  }
}

@ObjectType()
export class CallConnection extends Paginated(CallModel) {}
