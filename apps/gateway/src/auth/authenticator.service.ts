import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AccountRepository, type ApiKeyRepository, type Clock, MINUTE_MS } from '@dutyline/domain';
import { ACCOUNT_REPOSITORY, API_KEY_REPOSITORY } from '../database/repository.tokens';
import { UnauthenticatedError } from '../graphql/api-errors';
import { CLOCK } from '../platform/platform.tokens';
import type { AccessClaims, AccessTokens } from './access-tokens';
import { Actor, apiKeyActor, userActor } from './actor';
import { API_KEY_PREFIX_LENGTH, apiKeyHash, looksLikeApiKey } from './api-key-secret';
import { ACCESS_TOKENS } from './auth.tokens';

/** `lastUsedAt` is written at most once a minute per key, not on every request. */
const TOUCH_EVERY_MS = MINUTE_MS;

/** Said to every request of a disabled account, on the request after the operator's command, whatever the instance. */
const ACCOUNT_DISABLED = 'This account is disabled.';

const credentialOf = (authorization: string) => /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];

/** Turns the `Authorization` header into the caller, or refuses it. */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(API_KEY_REPOSITORY) private readonly apiKeys: ApiKeyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * No header: undefined (anonymous). A valid login token whose session was not ended: its user,
   * with the role they have now. A valid API key: the key and its role. Anything else:
   * UnauthenticatedError.
   */
  async actorFor(authorization: string | undefined): Promise<Actor | undefined> {
    if (authorization === undefined || authorization.trim() === '') return undefined;
    const credential = credentialOf(authorization);
    if (credential === undefined)
      throw new UnauthenticatedError('The Authorization header must read "Bearer <login token or API key>".');
    return looksLikeApiKey(credential) ? this.apiKeyCaller(credential) : this.tokenCaller(credential);
  }

  /** The claims of the login token the header carries; undefined for an API key or no valid token. */
  loginClaims(authorization: string | undefined): AccessClaims | undefined {
    const credential = authorization === undefined ? undefined : credentialOf(authorization);
    return credential === undefined || looksLikeApiKey(credential) ? undefined : this.tokens.verify(credential);
  }

  /**
   * Read from the database on every request, not cached: a sign-out, a password or role change, a
   * deleted user and a disabled account take effect on the next request, on every instance.
   */
  private async tokenCaller(token: string): Promise<Actor> {
    const claims = this.tokens.verify(token);
    const session = claims
      ? await this.accounts.loginSession(claims.accountId, claims.userId, claims.tokenId)
      : undefined;
    if (!claims || !session || session.tokenRevoked || claims.issuedAt < (session.sessionsValidAfter ?? -Infinity)) {
      throw new UnauthenticatedError('This login token is invalid, expired or signed out: log in again.');
    }
    if (session.accountDisabled) throw new UnauthenticatedError(ACCOUNT_DISABLED);
    return userActor(session.user.accountId, session.user.id, session.user.role);
  }

  private async apiKeyCaller(key: string): Promise<Actor> {
    const credential = await this.apiKeys.apiKeyCredential(key.slice(0, API_KEY_PREFIX_LENGTH));
    const stored = credential?.key;
    const matches =
      stored !== undefined &&
      timingSafeEqual(Buffer.from(apiKeyHash(key)), Buffer.from(stored.hash.padEnd(64).slice(0, 64)));
    if (!stored || !matches || stored.revokedAt !== null)
      throw new UnauthenticatedError('This API key is unknown or revoked.');
    if (credential.accountDisabled) throw new UnauthenticatedError(ACCOUNT_DISABLED);
    const now = this.clock.now();
    if (stored.lastUsedAt === null || now - stored.lastUsedAt >= TOUCH_EVERY_MS)
      await this.apiKeys.touchApiKey(stored.accountId, stored.id, now);
    return apiKeyActor(stored.accountId, stored.id, stored.role);
  }
}
