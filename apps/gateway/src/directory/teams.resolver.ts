import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Application } from '@dutyline/application';
import type { Team } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { mapNodes, settled, withoutNulls } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import type { GraphQLContext } from '../auth/gateway-request';
import { Connection, PageArgs } from '../graphql/pagination';
import { Paginator } from '../graphql/paginator.service';
import { inArgument } from '../graphql/refusals';
import { DirectoryLoaders, peopleOf } from './directory.loaders';
import { CreateTeamInput, SetTeamMembersInput, UpdateTeamInput } from './dto/team.inputs';
import { PersonModel } from './models/person.model';
import { TeamConnection, TeamModel } from './models/team.model';

/** Teams and their members in ringing order (F2). */
@Resolver(() => TeamModel)
export class TeamsResolver {
  constructor(
    @Inject(APPLICATION) private readonly app: Application,
    private readonly paginator: Paginator,
    private readonly loaders: DirectoryLoaders,
  ) {}

  @Query(() => TeamConnection, { description: 'Teams of the account, by name.' })
  async teams(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<TeamModel>> {
    return mapNodes(
      await this.paginator.paginate(page, (request) => this.app.directory.teams(callerOf(actor), request)),
      TeamModel.of,
    );
  }

  @Query(() => TeamModel, { nullable: true, description: 'Null when the account has no such team.' })
  async team(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<TeamModel | null> {
    const found = await this.app.directory.team(callerOf(actor), id);
    return found ? TeamModel.of(found) : null;
  }

  @ResolveField(() => [PersonModel], { description: 'Members in ringing order (one batched read per request).' })
  async members(@Parent() team: TeamModel, @Context() context: GraphQLContext): Promise<PersonModel[]> {
    return (await peopleOf(this.loaders.of(context), team.memberIds)).map(PersonModel.of);
  }

  @Mutation(() => TeamModel, {
    description: 'UNKNOWN_PERSON at `input.memberIds[i]` for a member the account does not have.',
  })
  createTeam(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateTeamInput,
    @Context() context: GraphQLContext,
  ): Promise<TeamModel> {
    return this.written(
      context,
      inArgument('input', () => this.app.directory.createTeam(callerOf(actor), withoutNulls(input))),
    );
  }

  @Mutation(() => TeamModel, { description: 'Changes the fields given.' })
  updateTeam(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateTeamInput,
    @Context() context: GraphQLContext,
  ): Promise<TeamModel> {
    const { id, ...changes } = withoutNulls(input);
    return this.written(
      context,
      settled('input', () => this.app.directory.updateTeam(callerOf(actor), id, changes)),
    );
  }

  @Mutation(() => TeamModel, { description: 'Sets the members and their ringing order.' })
  setTeamMembers(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetTeamMembersInput,
    @Context() context: GraphQLContext,
  ): Promise<TeamModel> {
    return this.written(
      context,
      settled('input', () => this.app.directory.setTeamMembers(callerOf(actor), input.id, input.memberIds)),
    );
  }

  @Mutation(() => TeamModel, { description: 'The team deleted. IN_USE while a slot or an override names it.' })
  deleteTeam(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<TeamModel> {
    return settled(null, () => this.app.directory.deleteTeam(callerOf(actor), id)).then(TeamModel.of);
  }

  private async written(context: GraphQLContext, team: Promise<Team>): Promise<TeamModel> {
    const value = await team;
    this.loaders.remember(context, { kind: 'team', value });
    return TeamModel.of(value);
  }
}
