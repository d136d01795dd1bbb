import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CallLogStatistics } from '@dutyline/application';
import type { DurationSummary } from '@dutyline/domain';

@ObjectType('DurationSummary', { description: 'Average, median and longest of a set of durations, in seconds.' })
export class DurationSummaryModel {
  @Field(() => Int)
  count!: number;
  @Field(() => Float)
  averageSeconds!: number;
  @Field(() => Float)
  medianSeconds!: number;
  @Field(() => Float)
  maxSeconds!: number;

  static of(s: DurationSummary | null): DurationSummaryModel | null {
    return (
      s && {
        count: s.count,
        averageSeconds: s.averageSeconds,
        medianSeconds: s.medianSeconds,
        maxSeconds: s.maxSeconds,
      }
    );
  }
}

@ObjectType('CallOutcomeCounts', { description: 'How many calls ended each way.' })
export class CallOutcomeCountsModel {
  @Field(() => Int)
  inProgress!: number;
  @Field(() => Int)
  answered!: number;
  @Field(() => Int)
  voicemail!: number;
  @Field(() => Int)
  message!: number;
  @Field(() => Int)
  abandoned!: number;
}

@ObjectType('CallAnswererStatistics', { description: 'Who took calls, and how fast.' })
export class CallAnswererStatisticsModel {
  @Field(() => ID)
  personId!: string;
  @Field()
  personName!: string;
  @Field(() => Int)
  answered!: number;
  @Field(() => Float)
  averageTimeToAnswerSeconds!: number;
}

@ObjectType('CallStatistics', {
  description: 'F17: calls, answered rate, time to answer, duration and who answered, over a period.',
})
export class CallStatisticsModel {
  @Field(() => Int)
  calls!: number;
  @Field(() => CallOutcomeCountsModel)
  byOutcome!: CallOutcomeCountsModel;
  @Field(() => Float, {
    nullable: true,
    description: 'Answered among the calls that are over (0 to 1); null when none is over.',
  })
  answeredRate!: number | null;
  @Field(() => DurationSummaryModel, { nullable: true, description: 'Over the answered calls.' })
  timeToAnswer!: DurationSummaryModel | null;
  @Field(() => DurationSummaryModel, { nullable: true, description: 'Over the finished calls whose length is known.' })
  duration!: DurationSummaryModel | null;
  @Field(() => [CallAnswererStatisticsModel], { description: 'Most answered first.' })
  answerers!: CallAnswererStatisticsModel[];
  @Field({ description: 'False when the period held more calls than one request counts: narrow it.' })
  complete!: boolean;

  static of(s: CallLogStatistics): CallStatisticsModel {
    const { byOutcome } = s;
    return {
      calls: s.calls,
      byOutcome: {
        inProgress: byOutcome['in-progress'],
        answered: byOutcome.answered,
        voicemail: byOutcome.voicemail,
        message: byOutcome.message,
        abandoned: byOutcome.abandoned,
      },
      answeredRate: s.answeredRate,
      timeToAnswer: DurationSummaryModel.of(s.timeToAnswer),
      duration: DurationSummaryModel.of(s.duration),
      answerers: s.answerers.map((a) => ({ ...a })),
      complete: s.complete,
    };
  }
}
