import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Instant } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import type { Simulation } from '../call-simulations.service';
import { CallModel } from './call.model';

@ObjectType('SimulationLine', { description: 'One step of a simulated call, as it happened.' })
export class SimulationLineModel {
  @Field(() => InstantScalar)
  at!: Instant;
  @Field(() => Int, { description: 'Seconds since the call arrived.' })
  offsetSeconds!: number;
  @Field()
  text!: string;
}

@ObjectType('SimulatedCall', { description: "A dry run of a hotline's routing: nothing is logged, nobody is rung." })
export class SimulatedCallModel {
  @Field(() => ID, { nullable: true })
  callId!: string | null;
  @Field({ description: 'e.g. `answered by Alice (mobile, level 1) after 9 s`.' })
  outcome!: string;
  @Field(() => Float)
  durationSeconds!: number;
  @Field({ description: 'True when the caller was left with nothing to hear at some point: a defect to report.' })
  silence!: boolean;
  @Field(() => [String], { description: 'Outcomes of the script the call did not need.' })
  unusedOutcomes!: string[];
  @Field(() => [SimulationLineModel])
  transcript!: SimulationLineModel[];
  @Field({ description: 'The transcript as printable text, ending with the outcome.' })
  text!: string;
  @Field(() => CallModel, { nullable: true, description: 'The call log entry the call would leave (not stored).' })
  call!: CallModel | null;

  static of({ result, record }: Simulation): SimulatedCallModel {
    return {
      callId: result.callId,
      outcome: result.outcome,
      durationSeconds: result.durationSeconds,
      silence: result.silence,
      unusedOutcomes: [...result.unusedOutcomes],
      transcript: result.transcript.map((l) => ({ ...l })),
      text: result.text,
      call: record && CallModel.of(record),
    };
  }
}
