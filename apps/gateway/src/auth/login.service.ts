import { Inject, Injectable } from '@nestjs/common';
import { type AccountRepository, type Clock, EmailAddress, type Instant, type User, assertId } from '@dutyline/domain';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { RefusalError, TooManyRequestsError } from '../graphql/api-errors';
import { CLOCK } from '../platform/platform.tokens';
import type { AccessTokens } from './access-tokens';
import { ACCESS_TOKENS, LOGIN_ATTEMPT_LIMITER, PASSWORD_HASHER } from './auth.tokens';
import type { LoginAttemptLimiter } from './login-attempt-limiter';
import type { PasswordHasher } from './password-hasher';

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

/** Candidate accounts checked for one e-mail (each costs a password hash). */
const MAX_CANDIDATES = 10;

/**
 * E-mail and password → a signed login token. Failures are counted per e-mail and client address;
 * past the limit every attempt (right or wrong) is refused with TOO_MANY_REQUESTS until the window
 * frees up. Unknown e-mails cost the same time as wrong passwords.
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens,
    @Inject(LOGIN_ATTEMPT_LIMITER) private readonly limiter: LoginAttemptLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async login(request: LoginRequest): Promise<LoginSuccess> {
    const email = EmailAddress.parse(request.email, 'email');
    const accountId = request.accountId == null ? null : assertId(request.accountId, 'accountId');
    const key = `${email.value.toLowerCase()}|${request.clientAddress}`;
    const wait = await this.limiter.retryAfterSeconds(key, this.clock.now());
    if (wait > 0) throw new TooManyRequestsError(wait);

    const candidates = accountId !== null
      ? [await this.accounts.userByEmail(accountId, email)].filter((u): u is User => u !== undefined)
      : (await this.accounts.usersByEmail(email)).slice(0, MAX_CANDIDATES);
    const matching: User[] = [];
    for (const user of candidates) if (await this.hasher.verify(request.password, user.passwordHash)) matching.push(user);
    if (candidates.length === 0) await this.hasher.verifyNothing(request.password);

    if (matching.length === 0) {
      await this.limiter.recordFailure(key, this.clock.now());
      throw new RefusalError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
    }
    if (matching.length > 1) {
      throw new RefusalError('ACCOUNT_REQUIRED', 'This e-mail and password open several accounts: give the account id.', 'accountId');
    }
    const user = await this.upgradeHash(matching[0], request.password);
    await this.limiter.recordSuccess(key);
    return { ...this.tokens.issue({ userId: user.id, accountId: user.accountId, role: user.role }), user };
  }

  /** Re-hashes a password stored with an older cost, now that it is known. */
  private async upgradeHash(user: User, password: string): Promise<User> {
    if (!this.hasher.needsRehash(user.passwordHash)) return user;
    const upgraded = { ...user, passwordHash: await this.hasher.hash(password) };
    return (await this.accounts.saveUser(upgraded)).ok ? upgraded : user;
  }
}
