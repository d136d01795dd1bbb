import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AccountRepository, type ApiKeyRepository, type Clock, MINUTE_MS } from '@dutyline/domain';
import { ACCOUNT_REPOSITORY, API_KEY_REPOSITORY } from '../database/repository.tokens';
import { UnauthenticatedError } from '../graphql/api-errors';
import { CLOCK } from '../platform/platform.tokens';
import type { AccessTokens } from './access-tokens';
import { Actor, apiKeyActor, userActor } from './actor';
import { API_KEY_PREFIX_LENGTH, apiKeyHash, looksLikeApiKey } from './api-key-secret';
import { ACCESS_TOKENS } from './auth.tokens';

/** `lastUsedAt` is written at most once a minute per key, not on every request. */
const TOUCH_EVERY_MS = MINUTE_MS;

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
   * No header: undefined (anonymous). A valid login token: its user, with the role they have now
   * (a role change applies at once). A valid API key: the key and its role. Anything else:
   * UnauthenticatedError.
   */
  async actorFor(authorization: string | undefined): Promise<Actor | undefined> {
    if (authorization === undefined || authorization.trim() === '') return undefined;
    const credential = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (credential === undefined) throw new UnauthenticatedError('The Authorization header must read "Bearer <login token or API key>".');
    return looksLikeApiKey(credential) ? this.apiKeyCaller(credential) : this.tokenCaller(credential);
  }

  private async tokenCaller(token: string): Promise<Actor> {
    const claims = this.tokens.verify(token);
    const user = claims && (await this.accounts.user(claims.accountId, claims.userId));
    if (!user) throw new UnauthenticatedError('This login token is invalid or expired: log in again.');
    return userActor(user.accountId, user.id, user.role);
  }

  private async apiKeyCaller(key: string): Promise<Actor> {
    const stored = await this.apiKeys.apiKeyByPrefix(key.slice(0, API_KEY_PREFIX_LENGTH));
    const matches = stored !== undefined && timingSafeEqual(Buffer.from(apiKeyHash(key)), Buffer.from(stored.hash.padEnd(64).slice(0, 64)));
    if (!stored || !matches || stored.revokedAt !== null) throw new UnauthenticatedError('This API key is unknown or revoked.');
    const now = this.clock.now();
    if (stored.lastUsedAt === null || now - stored.lastUsedAt >= TOUCH_EVERY_MS) await this.apiKeys.touchApiKey(stored.accountId, stored.id, now);
    return apiKeyActor(stored.accountId, stored.id, stored.role);
  }
}
