import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../auth/gateway-request';
import { DirectoryLoaders } from '../directory/directory.loaders';
import { PersonModel } from '../directory/models/person.model';
import { TeamModel } from '../directory/models/team.model';
import { AssigneeModel } from './models/assignee.model';
import { CallStepModel } from './models/routing.model';

/** Who an escalation level or a dialled step names, read in one batch per request. */
@Resolver(() => AssigneeModel)
export class AssigneesResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @ResolveField(() => PersonModel, { nullable: true, description: 'Set when `kind` is PERSON.' })
  async person(@Parent() assignee: AssigneeModel, @Context() context: GraphQLContext): Promise<PersonModel | null> {
    if (assignee.kind !== 'person') return null;
    const found = await this.loaders.of(context).person.load(assignee.id);
    return found && PersonModel.of(found);
  }

  @ResolveField(() => TeamModel, { nullable: true, description: 'Set when `kind` is TEAM.' })
  async team(@Parent() assignee: AssigneeModel, @Context() context: GraphQLContext): Promise<TeamModel | null> {
    if (assignee.kind !== 'team') return null;
    const found = await this.loaders.of(context).team.load(assignee.id);
    return found && TeamModel.of(found);
  }
}

@Resolver(() => CallStepModel)
export class CallStepsResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @ResolveField(() => PersonModel, { nullable: true, description: 'DIAL: the person rung.' })
  async person(@Parent() step: CallStepModel, @Context() context: GraphQLContext): Promise<PersonModel | null> {
    if (step.personId === null) return null;
    const found = await this.loaders.of(context).person.load(step.personId);
    return found && PersonModel.of(found);
  }
}
