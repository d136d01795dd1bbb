import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Application } from '@dutyline/application';
import type { Instant } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { InstantScalar } from '../graphql/scalars/instant.scalar';
import { CoverageModel } from './models/coverage.model';

/** "Is duty held 24/7?" (F16). */
@Resolver(() => CoverageModel)
export class CoverageResolver {
  constructor(@Inject(APPLICATION) private readonly app: Application) {}

  @Query(() => CoverageModel, {
    description: "Coverage of the hotline's service hours over [from, to), at most 400 days, with its gaps.",
  })
  coverage(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID }) hotlineId: string,
    @Args('from', { type: () => InstantScalar }) from: Instant,
    @Args('to', { type: () => InstantScalar }) to: Instant,
  ): Promise<CoverageModel> {
    return settled(null, () => this.app.coverage.coverage(callerOf(actor), hotlineId, { from, to })).then(
      CoverageModel.of,
    );
  }
}
