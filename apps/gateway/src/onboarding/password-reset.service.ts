import { Inject, Injectable } from '@nestjs/common';
import { type AccountRepository, type Clock, EmailAddress, type User } from '@dutyline/domain';
import { userActor } from '../auth/actor';
import { PASSWORD_HASHER } from '../auth/auth.tokens';
import { type PasswordHasher, acceptablePassword } from '../auth/password-hasher';
import { AuditTrail } from '../audit/audit-trail.service';
import type { GatewayConfig } from '../config/gateway-config';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { CLOCK, GATEWAY_CONFIG } from '../platform/platform.tokens';
import { LinkTokens, invalidToken } from './link-tokens';
import { passwordResetMail } from './onboarding-mail';
import type { OnboardingLimits } from './onboarding-limits';
import type { OnboardingMailer } from './onboarding-mailer';
import { ONBOARDING_LIMITS, ONBOARDING_MAILER } from './onboarding.tokens';

/** Accounts listed in one reset e-mail at most. */
const MAX_ACCOUNTS = 10;

/**
 * "Forgot password": a single-use link valid PASSWORD_RESET_TTL_MINUTES, one per account the e-mail
 * is a user of, all in one e-mail. The request answers the same whether the e-mail is known or not
 * (the work is done after the answer); using a link sets the password and ends every session.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly links: LinkTokens,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(ONBOARDING_MAILER) private readonly mailer: OnboardingMailer,
    @Inject(ONBOARDING_LIMITS) private readonly limits: OnboardingLimits,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** TOO_MANY_REQUESTS past the limits; otherwise the links are e-mailed after the answer, if the e-mail is known. */
  async request(emailText: string, clientAddress: string): Promise<void> {
    const email = EmailAddress.parse(emailText, 'email');
    await this.limits.check('password-reset', email, clientAddress);
    this.mailer.later(() => this.sendLinks(email), 'a password reset e-mail');
  }

  /** INVALID_TOKEN at `token`, WEAK_PASSWORD / TOO_LONG at `password`. */
  async reset(input: { token: string; password: string }): Promise<void> {
    const token = await this.links.require(input.token, 'password-reset');
    const password = acceptablePassword(input.password, 'password');
    const user = token.userId !== null ? await this.accounts.user(token.accountId, token.userId) : undefined;
    if (!user) throw invalidToken();
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    if (!(await this.links.repository.useToken(token.accountId, token.id, now))) throw invalidToken();
    // As changePassword: sessions end before the new password is stored.
    await this.accounts.endSessions(user.accountId, user.id, now);
    await this.accounts.saveUser({ ...user, passwordHash });
    await this.links.repository.revokeUserTokens(user.accountId, user.id, { purpose: 'password-reset', now });
    await this.audit.record(userActor(user.accountId, user.id, user.role), {
      action: 'user.password-reset',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: null,
    });
  }

  private async sendLinks(email: EmailAddress): Promise<void> {
    const users: User[] = [];
    for (const user of (await this.accounts.usersByEmail(email)).slice(0, MAX_ACCOUNTS)) {
      if (await this.links.inService(user.accountId)) users.push(user);
    }
    if (users.length === 0) return;
    const ttlMs = this.config.onboarding.passwordResetTtlMinutes * 60_000;
    const links: { accountName: string; link: string }[] = [];
    let expiresAt = 0;
    for (const user of users) {
      const account = await this.accounts.account(user.accountId);
      const issued = await this.links.issue({
        accountId: user.accountId,
        purpose: 'password-reset',
        email: user.email,
        userId: user.id,
        ttlMs,
      });
      links.push({ accountName: account?.name ?? user.accountId, link: issued.link });
      expiresAt = issued.token.expiresAt;
    }
    await this.mailer.send(passwordResetMail(users[0].email, links, expiresAt), 'a password reset e-mail');
  }
}
