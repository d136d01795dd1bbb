import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AccountRepository } from '@dutyline/domain';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { NotFoundError, RefusalError, TooManyRequestsError } from '../graphql/api-errors';
import type { Actor } from './actor';
import { ApiKeysService } from './api-keys.service';
import type { AccessClaims } from './access-tokens';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { Authenticator } from './authenticator.service';
import { type GraphQLContext, clientAddressOf } from './gateway-request';
import { type LoginSuccess, LoginService } from './login.service';
import { ApiKeyModel } from './models/api-key.model';
import { RoleEnum } from './models/role.enum';
import { LoginResultModel, MeModel } from './models/session.model';
import { ROLES } from './roles';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly logins: LoginService,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    private readonly authenticator: Authenticator,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
  ) {}

  @Mutation(() => LoginResultModel, {
    description:
      'A login token for the user. After 5 failures in 15 minutes for one e-mail and address: TOO_MANY_REQUESTS (see `extensions.details.retryAfterSeconds`). ' +
      'ACCOUNT_DISABLED when the password is right but an operator disabled the account.',
  })
  @Public()
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('accountId', {
      type: () => ID,
      nullable: true,
      description: 'Only when the e-mail and password open several accounts.',
    })
    accountId: string | null,
    @Context() context: GraphQLContext,
  ): Promise<LoginResultModel> {
    return this.answerLogin(context, () =>
      this.logins.login({ email, password, accountId, clientAddress: clientAddressOf(context.req) }),
    );
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the login token sent with this request: refused from the next request on, on every instance. LOGIN_TOKEN_REQUIRED for an API key.',
  })
  @Roles(...ROLES)
  async signOut(@Context() context: GraphQLContext): Promise<boolean> {
    await this.logins.signOut(this.presentedSession(context));
    return true;
  }

  @Mutation(() => LoginResultModel, {
    description:
      "Changes the caller's password and ends every session of theirs, this one included: carry on with the token returned. " +
      'INVALID_CREDENTIALS on `currentPassword`, WEAK_PASSWORD or TOO_LONG on `newPassword`; wrong current passwords count as failed logins.',
  })
  @Roles(...ROLES)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() context: GraphQLContext,
  ): Promise<LoginResultModel> {
    const session = this.presentedSession(context);
    return this.answerLogin(context, () =>
      this.logins.changePassword(actor, session, {
        currentPassword,
        newPassword,
        clientAddress: clientAddressOf(context.req),
      }),
    );
  }

  /** A login result, or the refusal with `Retry-After` when attempts are over the limit. */
  private async answerLogin(context: GraphQLContext, login: () => Promise<LoginSuccess>): Promise<LoginResultModel> {
    try {
      const { token, expiresAt, user } = await login();
      return { token, expiresAt, user: UserModel.of(user) };
    } catch (error) {
      if (error instanceof TooManyRequestsError) context.res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  /** The login token of this request (the guard has checked it holds); an API key has none. */
  private presentedSession(context: GraphQLContext): AccessClaims {
    const session = this.authenticator.loginClaims(context.req.headers.authorization);
    if (!session)
      throw new RefusalError('LOGIN_TOKEN_REQUIRED', 'This needs a login token, not an API key.', 'authorization');
    return session;
  }

  @Query(() => MeModel, { description: 'Who is calling, in which account, with which role.' })
  async me(@CurrentActor() actor: Actor): Promise<MeModel> {
    const account = await this.accounts.account(actor.accountId);
    if (!account) throw new NotFoundError('Account');
    const user = actor.userId !== null ? await this.users.user(actor, actor.userId) : undefined;
    const apiKey =
      actor.apiKeyId !== null ? (await this.apiKeys.list(actor)).find((k) => k.id === actor.apiKeyId) : undefined;
    return {
      account: { id: account.id, name: account.name },
      role: actor.role as RoleEnum,
      user: user ? UserModel.of(user) : null,
      apiKey: apiKey ? ApiKeyModel.of(apiKey) : null,
    };
  }
}
