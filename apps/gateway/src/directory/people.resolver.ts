import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Application } from '@dutyline/application';
import type { Person } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { mapNodes, settled, withoutNulls } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import type { GraphQLContext } from '../auth/gateway-request';
import { Connection, PageArgs } from '../graphql/pagination';
import { Paginator } from '../graphql/paginator.service';
import { inArgument } from '../graphql/refusals';
import { DirectoryLoaders } from './directory.loaders';
import {
  AddContactNumberInput,
  ContactNumberRefInput,
  CreatePersonInput,
  ReorderContactNumbersInput,
  SetContactNumberEnabledInput,
  UpdatePersonInput,
} from './dto/person.inputs';
import { PersonConnection, PersonModel } from './models/person.model';

/** People and their numbers (F1). Mutations: admins and supervisors; queries: every role. */
@Resolver(() => PersonModel)
export class PeopleResolver {
  constructor(
    @Inject(APPLICATION) private readonly app: Application,
    private readonly paginator: Paginator,
    private readonly loaders: DirectoryLoaders,
  ) {}

  @Query(() => PersonConnection, { description: 'People of the account, by name.' })
  async people(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<PersonModel>> {
    return mapNodes(
      await this.paginator.paginate(page, (request) => this.app.directory.people(callerOf(actor), request)),
      PersonModel.of,
    );
  }

  @Query(() => PersonModel, { nullable: true, description: 'Null when the account has no such person.' })
  async person(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<PersonModel | null> {
    const found = await this.app.directory.person(callerOf(actor), id);
    return found ? PersonModel.of(found) : null;
  }

  @Mutation(() => PersonModel, {
    description: 'Adds a person; the colour defaults to one no other person or team uses.',
  })
  createPerson(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreatePersonInput,
    @Context() context: GraphQLContext,
  ): Promise<PersonModel> {
    return this.written(
      context,
      inArgument('input', () => this.app.directory.createPerson(callerOf(actor), withoutNulls(input, ['email']))),
    );
  }

  @Mutation(() => PersonModel, {
    description: 'Changes the fields given. NOT_FOUND when the account has no such person.',
  })
  async updatePerson(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdatePersonInput,
    @Context() context: GraphQLContext,
  ): Promise<PersonModel> {
    const { id, ...changes } = withoutNulls(input, ['email']);
    return this.written(
      context,
      settled('input', () => this.app.directory.updatePerson(callerOf(actor), id, changes)),
    );
  }

  @Mutation(() => PersonModel, {
    description:
      'The person deleted. IN_USE (with `details.usedBy`) while a team, hotline, slot or override names them.',
  })
  deletePerson(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<PersonModel> {
    return settled(null, () => this.app.directory.deletePerson(callerOf(actor), id)).then(PersonModel.of);
  }

  @Mutation(() => PersonModel, { description: 'Adds a number at `position` (last by default).' })
  addContactNumber(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddContactNumberInput,
    @Context() context: GraphQLContext,
  ): Promise<PersonModel> {
    const { personId, ...number } = withoutNulls(input);
    return this.written(
      context,
      settled('input', () => this.app.directory.addContactNumber(callerOf(actor), personId, number)),
    );
  }

  @Mutation(() => PersonModel)
  removeContactNumber(
    @CurrentActor() actor: Actor,
    @Args('input') input: ContactNumberRefInput,
    @Context() context: GraphQLContext,
  ): Promise<PersonModel> {
    return this.written(
      context,
      settled('input', () => this.app.directory.removeContactNumber(callerOf(actor), input.personId, input.number)),
    );
  }

  @Mutation(() => PersonModel, { description: 'Numbers are rung in this order.' })
  reorderContactNumbers(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReorderContactNumbersInput,
    @Context() context: GraphQLContext,
  ): Promise<PersonModel> {
    return this.written(
      context,
      settled('input', () => this.app.directory.reorderContactNumbers(callerOf(actor), input.personId, input.order)),
    );
  }

  @Mutation(() => PersonModel, {
    description: 'A disabled number stays on file and is never dialled; the next call already follows.',
  })
  setContactNumberEnabled(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetContactNumberEnabledInput,
    @Context() context: GraphQLContext,
  ): Promise<PersonModel> {
    return this.written(
      context,
      settled('input', () =>
        this.app.directory.setContactNumberEnabled(callerOf(actor), input.personId, {
          number: input.number,
          enabled: input.enabled,
        }),
      ),
    );
  }

  private async written(context: GraphQLContext, person: Promise<Person>): Promise<PersonModel> {
    const value = await person;
    this.loaders.remember(context, { kind: 'person', value });
    return PersonModel.of(value);
  }
}
