import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Application, NewHotline } from '@dutyline/application';
import { APPLICATION } from '../application/application.module';
import { mapNodes, settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import type { GraphQLContext } from '../auth/gateway-request';
import { DirectoryLoaders, peopleOf } from '../directory/directory.loaders';
import { PersonModel } from '../directory/models/person.model';
import { Connection, PageArgs } from '../graphql/pagination';
import { Paginator } from '../graphql/paginator.service';
import { CreateHotlineInput, UpdateHotlineInput, hotlineFields } from './dto/hotline.inputs';
import { HotlineConnection, HotlineModel } from './models/hotline.model';

/** Hotlines: number, zone, supervisors, service hours, no-answer scenario (F3). */
@Resolver(() => HotlineModel)
export class HotlinesResolver {
  constructor(
    @Inject(APPLICATION) private readonly app: Application,
    private readonly paginator: Paginator,
    private readonly loaders: DirectoryLoaders,
  ) {}

  @Query(() => HotlineConnection, { description: 'Hotlines of the account, by name.' })
  async hotlines(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<HotlineModel>> {
    return mapNodes(
      await this.paginator.paginate(page, (request) => this.app.hotlines.hotlines(callerOf(actor), request)),
      HotlineModel.of,
    );
  }

  @Query(() => HotlineModel, { nullable: true, description: 'Null when the account has no such hotline.' })
  async hotline(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<HotlineModel | null> {
    const found = await this.app.hotlines.hotline(callerOf(actor), id);
    return found ? HotlineModel.of(found) : null;
  }

  @ResolveField(() => [PersonModel], { description: 'Rung in order by the SUPERVISORS step; told about gaps.' })
  async supervisors(@Parent() hotline: HotlineModel, @Context() context: GraphQLContext): Promise<PersonModel[]> {
    return (await peopleOf(this.loaders.of(context), hotline.supervisorIds)).map(PersonModel.of);
  }

  @Mutation(() => HotlineModel, { description: 'NUMBER_TAKEN when another hotline already answers the number.' })
  createHotline(@CurrentActor() actor: Actor, @Args('input') input: CreateHotlineInput): Promise<HotlineModel> {
    return settled('input', () =>
      this.app.hotlines.createHotline(callerOf(actor), hotlineFields(input) as NewHotline),
    ).then(HotlineModel.of);
  }

  @Mutation(() => HotlineModel, {
    description: 'Changes the fields given; the schedule keeps its wall-clock times when the zone changes.',
  })
  updateHotline(@CurrentActor() actor: Actor, @Args('input') input: UpdateHotlineInput): Promise<HotlineModel> {
    return settled('input', () =>
      this.app.hotlines.updateHotline(callerOf(actor), input.id, hotlineFields(input)),
    ).then(HotlineModel.of);
  }

  @Mutation(() => HotlineModel, { description: 'The hotline deleted, with its schedule and overrides.' })
  deleteHotline(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<HotlineModel> {
    return settled(null, () => this.app.hotlines.deleteHotline(callerOf(actor), id)).then(HotlineModel.of);
  }
}
