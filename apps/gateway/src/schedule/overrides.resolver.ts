import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Application } from '@dutyline/application';
import type { Instant } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { InstantScalar } from '../graphql/scalars/instant.scalar';
import { HotlineModel } from '../hotlines/models/hotline.model';
import { CreateOverrideInput, EndOverrideInput } from './dto/schedule.inputs';
import { OverrideChangeModel, OverrideModel } from './models/override.model';

/** Overrides (F7): "send calls to X until 14:00"; the next call already follows them. */
@Resolver(() => OverrideModel)
export class OverridesResolver {
  constructor(@Inject(APPLICATION) private readonly app: Application) {}

  @Query(() => [OverrideModel], {
    description: 'Overrides overlapping [from, to), at most 400 days, in the order they were made.',
  })
  async overrides(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID }) hotlineId: string,
    @Args('from', { type: () => InstantScalar }) from: Instant,
    @Args('to', { type: () => InstantScalar }) to: Instant,
  ): Promise<OverrideModel[]> {
    const read = await settled(null, () => this.app.schedule.overrides(callerOf(actor), hotlineId, { from, to }));
    return read.overrides.map(OverrideModel.of);
  }

  @Mutation(() => OverrideChangeModel, { description: 'Creates an override; in force for the very next call.' })
  async createOverride(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOverrideInput,
  ): Promise<OverrideChangeModel> {
    const { hotlineId, ...override } = input;
    const written = await settled('input', () =>
      this.app.schedule.createOverride(callerOf(actor), hotlineId, override),
    );
    return {
      hotline: HotlineModel.of(written.hotline),
      override: written.override && OverrideModel.of(written.override),
    };
  }

  @Mutation(() => OverrideChangeModel, {
    description: 'Ends an override early; NOT_FOUND when none is in force or ahead with this id.',
  })
  async endOverride(
    @CurrentActor() actor: Actor,
    @Args('input') input: EndOverrideInput,
  ): Promise<OverrideChangeModel> {
    const written = await settled('input', () =>
      this.app.schedule.endOverride(callerOf(actor), input.hotlineId, { id: input.id, at: input.at }),
    );
    return {
      hotline: HotlineModel.of(written.hotline),
      override: written.override && OverrideModel.of(written.override),
    };
  }
}
