import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Application } from '@dutyline/application';
import type { Instant } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { InstantScalar } from '../graphql/scalars/instant.scalar';
import { HotlineModel } from '../hotlines/models/hotline.model';
import { AssigneeModel } from './models/assignee.model';
import { CallPlanModel, OnCallModel } from './models/routing.model';

/** Routing as the schedule stands now (F9–F12): who is on duty, and what a call would do. */
@Resolver()
export class RoutingResolver {
  constructor(@Inject(APPLICATION) private readonly app: Application) {}

  @Query(() => OnCallModel, { description: 'Who takes a call at `at` (default now), slots and overrides merged.' })
  async onCallNow(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID }) hotlineId: string,
    @Args('at', { type: () => InstantScalar, nullable: true }) at?: Instant | null,
  ): Promise<OnCallModel> {
    const now = await settled(null, () => this.app.routing.onCallNow(callerOf(actor), hotlineId, at));
    return {
      hotline: HotlineModel.of(now.hotline),
      at: now.at,
      levels: AssigneeModel.list(now.onCall.levels),
      slotId: now.onCall.slotId,
      overrideIds: [...now.onCall.overrideIds],
      nextChangeAt: now.nextChangeAt,
    };
  }

  @Query(() => CallPlanModel, {
    description: 'The plan a call reaching the hotline at `at` (default now) would follow.',
  })
  async callPlan(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID }) hotlineId: string,
    @Args('at', { type: () => InstantScalar, nullable: true }) at?: Instant | null,
  ): Promise<CallPlanModel> {
    return CallPlanModel.of(await settled(null, () => this.app.routing.callPlan(callerOf(actor), hotlineId, at)));
  }
}
