import { Inject, Injectable } from '@nestjs/common';
import {
  type AccountRepository,
  type Clock,
  EmailAddress,
  type IdGenerator,
  type OneTimeToken,
  type Role,
  type User,
  assertId,
  requireText,
} from '@dutyline/domain';
import { type Actor, userActor } from '../auth/actor';
import type { AccessTokens } from '../auth/access-tokens';
import { ACCESS_TOKENS, PASSWORD_HASHER } from '../auth/auth.tokens';
import type { LoginSuccess } from '../auth/login.service';
import { type PasswordHasher, acceptablePassword } from '../auth/password-hasher';
import { AuditTrail } from '../audit/audit-trail.service';
import type { GatewayConfig } from '../config/gateway-config';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { NotFoundError, RefusalError } from '../graphql/api-errors';
import { CLOCK, GATEWAY_CONFIG, ID_GENERATOR } from '../platform/platform.tokens';
import { LinkTokens, invalidToken } from './link-tokens';
import { invitationMail } from './onboarding-mail';
import type { OnboardingMailer } from './onboarding-mailer';
import { ONBOARDING_MAILER } from './onboarding.tokens';

export interface NewInvitation {
  readonly email: string;
  readonly name?: string | null;
  readonly role: Role;
}

export interface InvitationAcceptance {
  readonly token: string;
  readonly name: string;
  readonly password: string;
}

const audited = (invitation: OneTimeToken) => ({
  email: invitation.email.value,
  name: invitation.name,
  role: invitation.role,
  expiresAt: invitation.expiresAt,
});

/**
 * Admins invite people by e-mail with a role; the e-mail's single-use link lets the person choose a
 * password and become a user. Field paths in errors are relative to the argument (`input`, `id`).
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly links: LinkTokens,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(ACCESS_TOKENS) private readonly accessTokens: AccessTokens,
    @Inject(ONBOARDING_MAILER) private readonly mailer: OnboardingMailer,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly audit: AuditTrail,
  ) {}

  /** EMAIL_TAKEN when a user of the account has the e-mail; an earlier pending invitation of it is revoked. */
  async invite(actor: Actor, input: NewInvitation): Promise<OneTimeToken> {
    const email = EmailAddress.parse(input.email, 'email');
    const name = input.name == null || input.name.trim() === '' ? null : requireText(input.name, 'name', 120);
    if (await this.accounts.userByEmail(actor.accountId, email)) {
      throw new RefusalError('EMAIL_TAKEN', 'A user of this account already has this e-mail.', 'email');
    }
    const now = this.clock.now();
    for (const earlier of await this.links.repository.pendingInvitations(actor.accountId, now)) {
      if (earlier.email.value.toLowerCase() === email.value.toLowerCase())
        await this.links.repository.revokeToken(actor.accountId, earlier.id, now);
    }
    const { token, link } = await this.links.issue({
      accountId: actor.accountId,
      purpose: 'invitation',
      email,
      name,
      role: input.role,
      createdBy: actor.userId,
      ttlMs: this.ttlMs(),
    });
    await this.audit.record(actor, {
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: token.id,
      before: null,
      after: audited(token),
    });
    await this.send(actor, token, link);
    return token;
  }

  pending(actor: Actor): Promise<OneTimeToken[]> {
    return this.links.repository.pendingInvitations(actor.accountId, this.clock.now());
  }

  /** A new link and expiry; the former link stops working. NOT_FOUND at `id` unless pending. */
  async resend(actor: Actor, id: string): Promise<OneTimeToken> {
    const invitation = await this.pendingOne(actor, id);
    const reissued = await this.links.reissue(invitation, this.ttlMs());
    if (!reissued) throw new NotFoundError('Invitation', 'id');
    await this.audit.record(actor, {
      action: 'invitation.resent',
      entityType: 'invitation',
      entityId: invitation.id,
      before: audited(invitation),
      after: audited(reissued.token),
    });
    await this.send(actor, reissued.token, reissued.link);
    return reissued.token;
  }

  /** Its link stops working. NOT_FOUND at `id` unless pending. */
  async revoke(actor: Actor, id: string): Promise<OneTimeToken> {
    const invitation = await this.pendingOne(actor, id);
    const now = this.clock.now();
    if (!(await this.links.repository.revokeToken(actor.accountId, invitation.id, now)))
      throw new NotFoundError('Invitation', 'id');
    await this.audit.record(actor, {
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: invitation.id,
      before: audited(invitation),
      after: null,
    });
    return { ...invitation, revokedAt: now };
  }

  /** What a valid link opens; undefined for anything else. */
  async preview(presented: string): Promise<{ accountName: string; invitation: OneTimeToken } | undefined> {
    const invitation = await this.links.open(presented, 'invitation');
    const account = invitation && (await this.accounts.account(invitation.accountId));
    return account ? { accountName: account.name, invitation } : undefined;
  }

  /**
   * Creates the invited user with the invitation's e-mail and role and signs them in; the link is
   * used up. INVALID_TOKEN at `token`, WEAK_PASSWORD / TOO_LONG at `password`, EMAIL_TAKEN at `token`
   * when the account meanwhile has a user with this e-mail.
   */
  async accept(input: InvitationAcceptance): Promise<LoginSuccess> {
    const invitation = await this.links.require(input.token, 'invitation');
    const name = requireText(input.name, 'name', 120);
    const password = acceptablePassword(input.password, 'password');
    const user: User = {
      id: this.ids.next(),
      accountId: invitation.accountId,
      email: invitation.email,
      name,
      role: invitation.role ?? 'member',
      passwordHash: await this.hasher.hash(password),
      createdAt: this.clock.now(),
    };
    const accepted = await this.links.repository.acceptInvitation(invitation.id, user, this.clock.now());
    if (!accepted.ok) {
      if (accepted.error.code === 'INVALID_TOKEN') throw invalidToken();
      throw new RefusalError(
        'EMAIL_TAKEN',
        'A user of this account already has this e-mail: sign in instead.',
        'token',
      );
    }
    await this.audit.record(userActor(user.accountId, user.id, user.role), {
      action: 'invitation.accepted',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: { id: user.id, email: user.email.value, name: user.name, role: user.role, invitationId: invitation.id },
    });
    return { ...this.accessTokens.issue({ userId: user.id, accountId: user.accountId, role: user.role }), user };
  }

  private async pendingOne(actor: Actor, id: string): Promise<OneTimeToken> {
    const invitation = await this.links.repository.token(actor.accountId, assertId(id, 'id'));
    if (
      !invitation ||
      invitation.purpose !== 'invitation' ||
      invitation.usedAt !== null ||
      invitation.revokedAt !== null ||
      invitation.expiresAt <= this.clock.now()
    ) {
      throw new NotFoundError('Invitation', 'id');
    }
    return invitation;
  }

  /** MAIL_NOT_SENT when the mail server does not take it: the invitation stays pending, to be resent. */
  private async send(actor: Actor, invitation: OneTimeToken, link: string): Promise<void> {
    const account = await this.accounts.account(invitation.accountId);
    const inviter = actor.userId !== null ? await this.accounts.user(actor.accountId, actor.userId) : undefined;
    const mail = invitationMail(invitation.email, {
      accountName: account?.name ?? 'Dutyline',
      inviterName: inviter?.name ?? null,
      role: invitation.role ?? 'member',
      link,
      expiresAt: invitation.expiresAt,
    });
    if (!(await this.mailer.send(mail, `invitation ${invitation.id}`))) {
      throw new RefusalError(
        'MAIL_NOT_SENT',
        'The invitation is saved but its e-mail could not be sent: resend it later.',
        undefined,
        { invitationId: invitation.id },
      );
    }
  }

  private ttlMs(): number {
    return this.config.onboarding.invitationTtlHours * 3600_000;
  }
}
