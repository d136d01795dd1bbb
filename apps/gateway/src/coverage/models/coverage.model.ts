import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CoverageReport } from '@dutyline/application';
import type { Gap, Hotline, Instant } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { HotlineModel } from '../../hotlines/models/hotline.model';

export enum GapReasonEnum {
  NOBODY_SCHEDULED = 'nobody-scheduled',
  NOBODY_REACHABLE = 'nobody-reachable',
  MIXED = 'mixed',
}
registerEnumType(GapReasonEnum, {
  name: 'GapReason',
  description:
    'NOBODY_SCHEDULED: no slot or override; NOBODY_REACHABLE: everyone on duty has no enabled number; MIXED: both, back to back.',
});

@ObjectType('Gap', { description: 'Service time with nobody reachable on duty (F16), clipped to the range asked.' })
export class GapModel {
  @Field(() => InstantScalar)
  start!: Instant;
  @Field(() => InstantScalar)
  end!: Instant;
  @Field({ description: "Wall-clock start in the hotline's zone." })
  localStart!: string;
  @Field({ description: "Wall-clock end in the hotline's zone." })
  localEnd!: string;
  @Field(() => GapReasonEnum)
  reason!: GapReasonEnum;
  @Field({ description: "The gap goes on before the range (its `start` is the range's)." })
  startsBeforeRange!: boolean;
  @Field({ description: "The gap goes on after the range (its `end` is the range's)." })
  endsAfterRange!: boolean;
  @Field({ description: 'Names the gap across runs: hotline + start.' })
  key!: string;
  @Field({ description: 'Changes when the gap changes.' })
  fingerprint!: string;

  static of(gap: Gap, hotline: Hotline): GapModel {
    return {
      start: gap.start,
      end: gap.end,
      localStart: hotline.timeZone.toLocal(gap.start).toString(),
      localEnd: hotline.timeZone.toLocal(gap.end).toString(),
      reason: gap.reason as GapReasonEnum,
      startsBeforeRange: gap.startsBeforeRange,
      endsAfterRange: gap.endsAfterRange,
      key: gap.key,
      fingerprint: gap.fingerprint,
    };
  }
}

export enum CoverageProblemKindEnum {
  VOICEMAIL_UNADDRESSED = 'voicemail-unaddressed',
}
registerEnumType(CoverageProblemKindEnum, {
  name: 'CoverageProblemKind',
  description:
    "VOICEMAIL_UNADDRESSED: the scenario ends in voicemail but nobody its settings name (people on duty, supervisors, extra addresses) has an e-mail; the account's admins get it instead.",
});

@ObjectType('CoverageProblem', { description: 'Something besides gaps that leaves callers unserved.' })
export class CoverageProblemModel {
  @Field(() => CoverageProblemKindEnum)
  kind!: CoverageProblemKindEnum;
  @Field({ description: 'What is wrong and how to fix it, in English.' })
  message!: string;
}

@ObjectType('Coverage', {
  description: 'Is duty held over [from, to)? Service time, covered time and the gaps, in order (F16).',
})
export class CoverageModel {
  @Field(() => HotlineModel)
  hotline!: HotlineModel;
  @Field(() => InstantScalar)
  from!: Instant;
  @Field(() => InstantScalar)
  to!: Instant;
  @Field(() => Float, { description: 'Intended service time within the range, in seconds.' })
  serviceSeconds!: number;
  @Field(() => Float, { description: 'Service time with someone reachable on duty, in seconds.' })
  coveredSeconds!: number;
  @Field(() => Float, { description: '0 to 1; 1 when the range holds no service time.' })
  coveredFraction!: number;
  @Field()
  fullyCovered!: boolean;
  @Field({ description: 'Service hours are "always" (24/7).' })
  alwaysInService!: boolean;
  @Field(() => [GapModel])
  gaps!: GapModel[];
  @Field(() => [CoverageProblemModel], {
    description: "Problems of the hotline's set-up over the range (people on duty in the range count).",
  })
  problems!: CoverageProblemModel[];

  static of({ hotline, summary, problems }: CoverageReport): CoverageModel {
    return {
      hotline: HotlineModel.of(hotline),
      from: summary.start,
      to: summary.end,
      serviceSeconds: summary.serviceMs / 1000,
      coveredSeconds: summary.coveredMs / 1000,
      coveredFraction: summary.coveredFraction,
      fullyCovered: summary.fullyCovered,
      alwaysInService: summary.alwaysInService,
      gaps: summary.gaps.map((g) => GapModel.of(g, hotline)),
      problems: problems.map((p) => ({ kind: p.kind as CoverageProblemKindEnum, message: p.message })),
    };
  }
}
