import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AccountRepository, Id, OneTimeTokenRepository } from '@dutyline/domain';
import DataLoader from 'dataloader';
import type { Actor } from '../auth/actor';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { type GraphQLContext, clientAddressOf } from '../auth/gateway-request';
import { RoleEnum, roleOf } from '../auth/models/role.enum';
import { LoginResultModel } from '../auth/models/session.model';
import { UserModel } from '../auth/models/user.model';
import { ROLES } from '../auth/roles';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { TooManyRequestsError } from '../graphql/api-errors';
import { inArgument } from '../graphql/refusals';
import { AcceptInvitationInput, InviteUserInput, ResetPasswordInput, SignUpInput } from './dto/onboarding.inputs';
import { InvitationsService } from './invitations.service';
import { InvitationModel, InvitationPreviewModel, SignUpResultModel } from './models/onboarding.models';
import { ONE_TIME_TOKEN_REPOSITORY } from './onboarding.tokens';
import { PasswordResetService } from './password-reset.service';
import { SignUpService } from './sign-up.service';

/** TOO_MANY_REQUESTS also sets `Retry-After`, as `login` does. */
async function withRetryAfter<T>(context: GraphQLContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TooManyRequestsError) context.res.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

@Resolver(() => InvitationModel)
export class InvitationsResolver {
  constructor(
    private readonly service: InvitationsService,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
  ) {}

  @Mutation(() => InvitationModel, {
    description:
      'E-mails a single-use link to join the account with a role (admins). EMAIL_TAKEN when a user of the account has the e-mail; ' +
      'a pending invitation of the same e-mail is revoked. MAIL_NOT_SENT when the mail server refused it (the invitation is kept: resend it).',
  })
  @Roles('admin')
  async inviteUser(@CurrentActor() actor: Actor, @Args('input') input: InviteUserInput): Promise<InvitationModel> {
    return InvitationModel.of(
      await inArgument('input', () => this.service.invite(actor, { ...input, role: roleOf(input.role) })),
    );
  }

  @Query(() => [InvitationModel], {
    description: 'Pending invitations (neither accepted, revoked nor expired), newest first (admins).',
  })
  @Roles('admin')
  async invitations(@CurrentActor() actor: Actor): Promise<InvitationModel[]> {
    return (await this.service.pending(actor)).map(InvitationModel.of);
  }

  @Mutation(() => InvitationModel, {
    description:
      'E-mails a new link with a new expiry; the former link stops working (admins). NOT_FOUND unless pending.',
  })
  @Roles('admin')
  async resendInvitation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InvitationModel> {
    return InvitationModel.of(await this.service.resend(actor, id));
  }

  @Mutation(() => InvitationModel, { description: 'Its link stops working (admins). NOT_FOUND unless pending.' })
  @Roles('admin')
  async revokeInvitation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InvitationModel> {
    return InvitationModel.of(await this.service.revoke(actor, id));
  }

  @Query(() => InvitationPreviewModel, {
    nullable: true,
    description: 'What an invitation link opens; null when the token is unknown, used, revoked or expired.',
  })
  @Public()
  async invitationPreview(@Args('token') token: string): Promise<InvitationPreviewModel | null> {
    const preview = await this.service.preview(token);
    if (!preview) return null;
    const { invitation } = preview;
    return {
      accountName: preview.accountName,
      email: invitation.email.value,
      role: (invitation.role ?? 'member') as RoleEnum,
      expiresAt: invitation.expiresAt,
    };
  }

  @Mutation(() => LoginResultModel, {
    description:
      "Creates the invited user (the invitation's e-mail and role) with this name and password, and signs them in; the link is used up. " +
      'INVALID_TOKEN at `input.token` (unknown, used, revoked or expired), WEAK_PASSWORD or TOO_LONG at `input.password`.',
  })
  @Public()
  async acceptInvitation(@Args('input') input: AcceptInvitationInput): Promise<LoginResultModel> {
    const { token, expiresAt, user } = await inArgument('input', () => this.service.accept(input));
    return { token, expiresAt, user: { ...UserModel.of(user), emailVerified: true } as UserModel };
  }

  @ResolveField(() => UserModel, { nullable: true })
  async invitedBy(@Parent() invitation: InvitationModel): Promise<UserModel | null> {
    if (invitation.createdBy === null) return null;
    const user = await this.accounts.user(invitation.accountId, invitation.createdBy);
    return user ? UserModel.of(user) : null;
  }
}

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Mutation(() => Boolean, {
    description:
      'E-mails a single-use link to `<base>/reset-password?token=…` (one per account the e-mail is a user of), valid PASSWORD_RESET_TTL_MINUTES. ' +
      'Always true: the answer never tells whether the e-mail is known. TOO_MANY_REQUESTS per e-mail and per address (`extensions.details.retryAfterSeconds`).',
  })
  @Public()
  async requestPasswordReset(@Args('email') email: string, @Context() context: GraphQLContext): Promise<boolean> {
    await withRetryAfter(context, () => this.resets.request(email, clientAddressOf(context.req)));
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Sets the password of the link's user, ends every session of theirs and uses the link up. " +
      'INVALID_TOKEN at `input.token` (unknown, used or expired), WEAK_PASSWORD or TOO_LONG at `input.password`.',
  })
  @Public()
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await inArgument('input', () => this.resets.reset(input));
    return true;
  }
}

@Resolver()
export class SignUpResolver {
  constructor(private readonly signUps: SignUpService) {}

  @Mutation(() => SignUpResultModel, {
    description:
      'Opens an account and its admin, and e-mails a link to `<base>/verify-email?token=…` (only with SIGNUP=open, else SIGNUP_CLOSED). ' +
      'An address already in use answers the same (its owner is told by e-mail). TOO_MANY_REQUESTS per e-mail and per address.',
  })
  @Public()
  async signUp(@Args('input') input: SignUpInput, @Context() context: GraphQLContext): Promise<SignUpResultModel> {
    const emailSent = await withRetryAfter(context, () =>
      inArgument('input', () => this.signUps.signUp(input, clientAddressOf(context.req))),
    );
    return { emailSent };
  }

  @Mutation(() => Boolean, {
    description: "Marks the link's user's e-mail verified. INVALID_TOKEN at `token` when unknown, used or expired.",
  })
  @Public()
  async verifyEmail(@Args('token') token: string): Promise<boolean> {
    await this.signUps.verifyEmail(token);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'E-mails the caller a new verification link when their e-mail awaits one (true), else false. Every link works until one of them is used or it expires.',
  })
  @Roles(...ROLES)
  async sendEmailVerification(@CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<boolean> {
    return withRetryAfter(context, () => this.signUps.sendVerification(actor, clientAddressOf(context.req)));
  }
}

/** `User.emailVerified`, read for every user of one request in one query per account. */
@Resolver(() => UserModel)
export class EmailVerifiedResolver {
  private readonly perRequest = new WeakMap<object, DataLoader<string, boolean>>();

  constructor(@Inject(ONE_TIME_TOKEN_REPOSITORY) private readonly tokens: OneTimeTokenRepository) {}

  @ResolveField(() => Boolean, {
    description: 'False for a self-signed-up admin until they open the verification link (the console shows a banner).',
  })
  async emailVerified(@Parent() user: UserModel, @Context() context: GraphQLContext): Promise<boolean> {
    if (user.emailVerified !== undefined) return user.emailVerified;
    return this.loader(context).load(`${user.accountId}/${user.id}`);
  }

  private loader(context: GraphQLContext): DataLoader<string, boolean> {
    let loader = this.perRequest.get(context.req);
    if (!loader) {
      loader = new DataLoader(async (keys) => {
        const unverified = new Set<string>();
        const byAccount = new Map<Id, Id[]>();
        for (const key of keys) {
          const [accountId, userId] = key.split('/');
          byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), userId]);
        }
        for (const [accountId, userIds] of byAccount)
          for (const id of await this.tokens.unverifiedUsers(accountId, userIds)) unverified.add(`${accountId}/${id}`);
        return keys.map((key) => !unverified.has(key));
      });
      this.perRequest.set(context.req, loader);
    }
    return loader;
  }
}
