import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from './actor';
import { CurrentActor, Roles } from './auth.decorators';
import { Connection, PageArgs } from '../graphql/pagination';
import { Paginator } from '../graphql/paginator.service';
import { inArgument } from '../graphql/refusals';
import { CreateUserInput } from './dto/create-user.input';
import { RoleEnum, roleOf } from './models/role.enum';
import { UserConnection, UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly service: UsersService,
    private readonly paginator: Paginator,
  ) {}

  @Query(() => UserConnection, { description: 'Users of the account, by e-mail (admins).' })
  @Roles('admin')
  async users(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<UserModel>> {
    const connection = await this.paginator.paginate(page, (request) => this.service.list(actor, request));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: UserModel.of(e.node) })) };
  }

  @Mutation(() => UserModel, {
    description: 'Adds a user to the account (admins). EMAIL_TAKEN when the e-mail is in use.',
  })
  @Roles('admin')
  async createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserModel> {
    const user = await inArgument('input', () =>
      this.service.createUser(actor, { ...input, role: roleOf(input.role) }),
    );
    return UserModel.of(user);
  }

  @Mutation(() => UserModel, {
    description:
      "Changes a user's role (admins) and ends every session of theirs. LAST_ADMIN when it would leave no admin.",
  })
  @Roles('admin')
  async setUserRole(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => RoleEnum }) role: RoleEnum,
  ): Promise<UserModel> {
    return UserModel.of(await this.service.setUserRole(actor, userId, roleOf(role)));
  }
}
