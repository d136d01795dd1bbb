import { Inject, Injectable } from '@nestjs/common';
import {
  type Account,
  type AccountRepository,
  type Clock,
  EmailAddress,
  type IdGenerator,
  type User,
  requireText,
} from '@dutyline/domain';
import { type Actor, userActor } from '../auth/actor';
import { PASSWORD_HASHER } from '../auth/auth.tokens';
import { type PasswordHasher, acceptablePassword } from '../auth/password-hasher';
import { AuditTrail } from '../audit/audit-trail.service';
import type { GatewayConfig } from '../config/gateway-config';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { RefusalError } from '../graphql/api-errors';
import { CLOCK, GATEWAY_CONFIG, ID_GENERATOR } from '../platform/platform.tokens';
import { LinkTokens, invalidToken } from './link-tokens';
import { signUpAttemptMail, verificationMail } from './onboarding-mail';
import type { OnboardingLimits } from './onboarding-limits';
import type { OnboardingMailer } from './onboarding-mailer';
import { ONBOARDING_LIMITS, ONBOARDING_MAILER } from './onboarding.tokens';

/** How long an e-mail verification link works. */
export const EMAIL_VERIFICATION_TTL_MS = 7 * 24 * 3600_000;

export interface SignUp {
  readonly accountName: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/**
 * Self-service sign-up (only with `SIGNUP=open`): an account and its admin, whose e-mail awaits
 * verification through a link. An address already in use answers the same and is told by e-mail.
 */
@Injectable()
export class SignUpService {
  constructor(
    private readonly links: LinkTokens,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(ONBOARDING_MAILER) private readonly mailer: OnboardingMailer,
    @Inject(ONBOARDING_LIMITS) private readonly limits: OnboardingLimits,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly audit: AuditTrail,
  ) {}

  /** Whether the e-mail went out. SIGNUP_CLOSED, TOO_MANY_REQUESTS, or a field of the input refused. */
  async signUp(input: SignUp, clientAddress: string): Promise<boolean> {
    if (this.config.onboarding.signup !== 'open')
      throw new RefusalError('SIGNUP_CLOSED', 'Sign-up is closed on this Dutyline: ask its operator for an account.');
    const email = EmailAddress.parse(input.email, 'email');
    await this.limits.check('signup', email, clientAddress);
    const accountName = requireText(input.accountName, 'accountName', 200);
    const name = requireText(input.name, 'name', 120);
    const password = acceptablePassword(input.password, 'password');
    // Hashed either way, so a known address takes as long as a new one.
    const passwordHash = await this.hasher.hash(password);
    const known = await this.accounts.usersByEmail(email);
    if (known.length > 0) return this.mailer.send(signUpAttemptMail(known[0].email), 'a sign-up attempt notice');

    const now = this.clock.now();
    const account: Account = { id: this.ids.next(), name: accountName, createdAt: now };
    const admin: User = {
      id: this.ids.next(),
      accountId: account.id,
      email,
      name,
      role: 'admin',
      passwordHash,
      createdAt: now,
    };
    const { token, link } = this.links.create({
      accountId: account.id,
      purpose: 'email-verification',
      email,
      userId: admin.id,
      ttlMs: EMAIL_VERIFICATION_TTL_MS,
    });
    await this.links.repository.createSignedUpAccount(account, admin, token);
    await this.audit.record(userActor(account.id, admin.id, 'admin'), {
      action: 'account.signed-up',
      entityType: 'account',
      entityId: account.id,
      before: null,
      after: { name: account.name, admin: { id: admin.id, email: email.value, name } },
    });
    return this.mailer.send(
      verificationMail(email, { accountName: account.name, link, expiresAt: token.expiresAt }),
      `the e-mail verification of account ${account.id}`,
    );
  }

  /** Marks the link's user verified. INVALID_TOKEN at `token` when unknown, used or expired. */
  async verifyEmail(presented: string): Promise<void> {
    const token = await this.links.require(presented, 'email-verification');
    if (!(await this.links.repository.verifyEmail(token.accountId, token.id, this.clock.now()))) throw invalidToken();
  }

  /** A new verification link for the caller, when their e-mail awaits one; false when it is verified. */
  async sendVerification(actor: Actor, clientAddress: string): Promise<boolean> {
    const user = actor.userId !== null ? await this.accounts.user(actor.accountId, actor.userId) : undefined;
    if (!user || !(await this.links.repository.unverifiedUsers(user.accountId, [user.id])).has(user.id)) return false;
    await this.limits.check('email-verification', user.email, clientAddress);
    const account = await this.accounts.account(user.accountId);
    const { token, link } = await this.links.issue({
      accountId: user.accountId,
      purpose: 'email-verification',
      email: user.email,
      userId: user.id,
      ttlMs: EMAIL_VERIFICATION_TTL_MS,
    });
    if (
      !(await this.mailer.send(
        verificationMail(user.email, { accountName: account?.name ?? '', link, expiresAt: token.expiresAt }),
        `the e-mail verification of user ${user.id}`,
      ))
    ) {
      throw new RefusalError('MAIL_NOT_SENT', 'The e-mail could not be sent: try again later.');
    }
    return true;
  }
}
