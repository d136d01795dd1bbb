import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AccountRepository } from '@dutyline/domain';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { NotFoundError, TooManyRequestsError } from '../graphql/api-errors';
import type { Actor } from './actor';
import { ApiKeysService } from './api-keys.service';
import { CurrentActor, Public } from './auth.decorators';
import type { GraphQLContext } from './gateway-request';
import { LoginService } from './login.service';
import { ApiKeyModel } from './models/api-key.model';
import { RoleEnum } from './models/role.enum';
import { LoginResultModel, MeModel } from './models/session.model';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly logins: LoginService,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
  ) {}

  @Mutation(() => LoginResultModel, {
    description: 'A login token for the user. After 5 failures in 15 minutes for one e-mail and address: TOO_MANY_REQUESTS (see `extensions.details.retryAfterSeconds`).',
  })
  @Public()
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('accountId', { type: () => ID, nullable: true, description: 'Only when the e-mail and password open several accounts.' })
    accountId: string | null,
    @Context() context: GraphQLContext,
  ): Promise<LoginResultModel> {
    const clientAddress = context.req.ip ?? context.req.socket?.remoteAddress ?? 'unknown';
    try {
      const { token, expiresAt, user } = await this.logins.login({ email, password, accountId, clientAddress });
      return { token, expiresAt, user: UserModel.of(user) };
    } catch (error) {
      if (error instanceof TooManyRequestsError) context.res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Query(() => MeModel, { description: 'Who is calling, in which account, with which role.' })
  async me(@CurrentActor() actor: Actor): Promise<MeModel> {
    const account = await this.accounts.account(actor.accountId);
    if (!account) throw new NotFoundError('Account');
    const user = actor.userId !== null ? await this.users.user(actor, actor.userId) : undefined;
    const apiKey = actor.apiKeyId !== null ? (await this.apiKeys.list(actor)).find((k) => k.id === actor.apiKeyId) : undefined;
    return {
      account: { id: account.id, name: account.name },
      role: actor.role as RoleEnum,
      user: user ? UserModel.of(user) : null,
      apiKey: apiKey ? ApiKeyModel.of(apiKey) : null,
    };
  }
}
