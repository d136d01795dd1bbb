import { Inject, Injectable } from '@nestjs/common';
import { type AccountRepository, type Clock, EmailAddress, type Instant, type User, assertId } from '@dutyline/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { RefusalError, TooManyRequestsError } from '../graphql/api-errors';
import { CLOCK } from '../platform/platform.tokens';
import type { AccessClaims, AccessTokens } from './access-tokens';
import type { Actor } from './actor';
import { ACCESS_TOKENS, LOGIN_ATTEMPT_LIMITER, PASSWORD_HASHER } from './auth.tokens';
import type { LoginAttemptLimiter } from './login-attempt-limiter';
import { type PasswordHasher, acceptablePassword } from './password-hasher';

export interface LoginRequest {
  readonly email: string;
  readonly password: string;
  /** Needed only when the same e-mail and password open several accounts. */
  readonly accountId?: string | null;
  /** The client's address: failures are counted per e-mail and address. */
  readonly clientAddress: string;
}

export interface LoginSuccess {
  readonly token: string;
  readonly expiresAt: Instant;
  readonly user: User;
}

export interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly clientAddress: string;
}

/** Candidate accounts checked for one e-mail (each costs a password hash). */
const MAX_CANDIDATES = 10;

/** Attempts are counted per e-mail (whatever its case) and client address. */
const attemptKey = (email: EmailAddress, clientAddress: string) => `${email.value.toLowerCase()}|${clientAddress}`;

/**
 * Sign-in and sessions. E-mail and password → a signed login token. Attempts are counted per e-mail
 * and client address before the password is checked and forgotten when it is right; past the limit
 * every attempt (right or wrong) is refused with TOO_MANY_REQUESTS until the window frees up. Unknown
 * e-mails cost the same time as wrong passwords. Sign-out and password changes end sessions at once.
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens,
    @Inject(LOGIN_ATTEMPT_LIMITER) private readonly limiter: LoginAttemptLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async login(request: LoginRequest): Promise<LoginSuccess> {
    const email = EmailAddress.parse(request.email, 'email');
    const accountId = request.accountId == null ? null : assertId(request.accountId, 'accountId');
    const key = attemptKey(email, request.clientAddress);
    // Counted before the password is checked, so parallel attempts cannot all get past the limit.
    const wait = await this.limiter.attempt(key, this.clock.now());
    if (wait > 0) throw new TooManyRequestsError(wait);

    const candidates =
      accountId !== null
        ? [await this.accounts.userByEmail(accountId, email)].filter((u): u is User => u !== undefined)
        : (await this.accounts.usersByEmail(email)).slice(0, MAX_CANDIDATES);
    const matching: User[] = [];
    for (const user of candidates)
      if (await this.hasher.verify(request.password, user.passwordHash)) matching.push(user);
    if (candidates.length === 0) await this.hasher.verifyNothing(request.password);

    if (matching.length === 0) throw new RefusalError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
    // The password is right: the attempts of this key are forgotten.
    await this.limiter.recordSuccess(key);
    const usable = await this.inEnabledAccounts(matching);
    if (usable.length === 0)
      throw new RefusalError('ACCOUNT_DISABLED', 'This account is disabled: ask the service operator.');
    if (usable.length > 1) {
      throw new RefusalError(
        'ACCOUNT_REQUIRED',
        'This e-mail and password open several accounts: give the account id.',
        'accountId',
      );
    }
    const user = await this.upgradeHash(usable[0], request.password);
    return { ...this.tokens.issue({ userId: user.id, accountId: user.accountId, role: user.role }), user };
  }

  /** Ends the presented login token (`session`, checked by the guard) from the next request on, on every instance. */
  async signOut(session: AccessClaims): Promise<void> {
    const { tokenId, accountId, userId, expiresAt } = session;
    await this.accounts.revokeLoginToken({ tokenId, accountId, userId, expiresAt }, this.clock.now());
  }

  /**
   * Checks the current password (counted like a login attempt), stores the new one and ends every
   * session of the user, the caller's too; the caller carries on with the login token returned.
   */
  async changePassword(actor: Actor, session: AccessClaims, change: PasswordChange): Promise<LoginSuccess> {
    const newPassword = acceptablePassword(change.newPassword, 'newPassword');
    const user = await this.accounts.user(session.accountId, session.userId);
    if (!user) throw new RefusalError('INVALID_CREDENTIALS', 'Wrong current password.', 'currentPassword');
    const key = attemptKey(user.email, change.clientAddress);
    const wait = await this.limiter.attempt(key, this.clock.now());
    if (wait > 0) throw new TooManyRequestsError(wait);
    if (!(await this.hasher.verify(change.currentPassword, user.passwordHash))) {
      throw new RefusalError('INVALID_CREDENTIALS', 'Wrong current password.', 'currentPassword');
    }
    await this.limiter.recordSuccess(key);
    const changed = { ...user, passwordHash: await this.hasher.hash(newPassword) };
    // Sessions end before the new password is stored: a failure in between leaves the old password and no session.
    await this.accounts.endSessions(user.accountId, user.id, this.clock.now());
    await this.accounts.saveUser(changed);
    await this.audit.record(actor, {
      action: 'user.password-changed',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: null,
    });
    return { ...this.tokens.issue({ userId: user.id, accountId: user.accountId, role: user.role }), user: changed };
  }

  /** The users whose account is not disabled (told only once the password is right). */
  private async inEnabledAccounts(users: readonly User[]): Promise<User[]> {
    const enabled: User[] = [];
    for (const user of users) if ((await this.accounts.account(user.accountId))?.disabledAt == null) enabled.push(user);
    return enabled;
  }

  /** Re-hashes a password stored with an older cost, now that it is known. */
  private async upgradeHash(user: User, password: string): Promise<User> {
    if (!this.hasher.needsRehash(user.passwordHash)) return user;
    const upgraded = { ...user, passwordHash: await this.hasher.hash(password) };
    return (await this.accounts.saveUser(upgraded)).ok ? upgraded : user;
  }
}
