import { Inject, Injectable } from '@nestjs/common';
import {
  type AccountRepository,
  type Clock,
  type EmailAddress,
  type Id,
  type IdGenerator,
  type OneTimeToken,
  type OneTimeTokenPurpose,
  type OneTimeTokenRepository,
  type Role,
  tokenOpen,
} from '@dutyline/domain';
import type { GatewayConfig } from '../config/gateway-config';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { RefusalError } from '../graphql/api-errors';
import { CLOCK, GATEWAY_CONFIG, ID_GENERATOR } from '../platform/platform.tokens';
import { newSecret, presentedSecretHash } from './one-time-secret';
import { ONE_TIME_TOKEN_REPOSITORY } from './onboarding.tokens';

/** The console page each kind of link opens. */
const PAGES: Record<OneTimeTokenPurpose, string> = {
  invitation: 'accept-invitation',
  'password-reset': 'reset-password',
  'email-verification': 'verify-email',
};

export interface NewLinkToken {
  readonly accountId: Id;
  readonly purpose: OneTimeTokenPurpose;
  readonly email: EmailAddress;
  readonly userId?: Id | null;
  readonly name?: string | null;
  readonly role?: Role | null;
  readonly createdBy?: Id | null;
  readonly ttlMs: number;
}

export const invalidToken = () =>
  new RefusalError('INVALID_TOKEN', 'This link is unknown, already used, revoked or expired.', 'token');

/** Single-use link tokens: the stored row and the link with its secret, which only the e-mail carries. */
@Injectable()
export class LinkTokens {
  constructor(
    @Inject(ONE_TIME_TOKEN_REPOSITORY) readonly repository: OneTimeTokenRepository,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** The row of a new token (not stored) and its link. */
  create(input: NewLinkToken): { token: OneTimeToken; link: string } {
    const now = this.clock.now();
    const { secret, hash } = newSecret();
    const token: OneTimeToken = {
      id: this.ids.next(),
      accountId: input.accountId,
      purpose: input.purpose,
      tokenHash: hash,
      userId: input.userId ?? null,
      email: input.email,
      name: input.name ?? null,
      role: input.role ?? null,
      createdBy: input.createdBy ?? null,
      createdAt: now,
      expiresAt: now + input.ttlMs,
      usedAt: null,
      revokedAt: null,
    };
    return { token, link: this.link(input.purpose, secret) };
  }

  /** Stores a new token (expired ones are purged) and answers it with its link. */
  async issue(input: NewLinkToken): Promise<{ token: OneTimeToken; link: string }> {
    const issued = this.create(input);
    await this.repository.issueToken(issued.token, this.clock.now());
    return issued;
  }

  /** A new secret and expiry for an open token: its former link stops working. `undefined` when it is not open. */
  async reissue(token: OneTimeToken, ttlMs: number): Promise<{ token: OneTimeToken; link: string } | undefined> {
    const now = this.clock.now();
    const { secret, hash } = newSecret();
    const change = { tokenHash: hash, expiresAt: now + ttlMs };
    if (!(await this.repository.reissueToken(token.accountId, token.id, { ...change, now }))) return undefined;
    return { token: { ...token, ...change }, link: this.link(token.purpose, secret) };
  }

  /**
   * The open token of this purpose a presented secret names, of an account in service; undefined
   * otherwise (a malformed one costs no query).
   */
  async open(presented: string, purpose: OneTimeTokenPurpose): Promise<OneTimeToken | undefined> {
    const hash = presentedSecretHash(presented);
    if (hash === null) return undefined;
    const token = await this.repository.tokenByHash(hash);
    if (!token || token.purpose !== purpose || !tokenOpen(token, this.clock.now())) return undefined;
    return (await this.inService(token.accountId)) ? token : undefined;
  }

  /** The account exists and no operator disabled it. */
  async inService(accountId: string): Promise<boolean> {
    const account = await this.accounts.account(accountId);
    return account !== undefined && !account.disabledAt;
  }

  /** As `open`, refused with INVALID_TOKEN at `token` otherwise. */
  async require(presented: string, purpose: OneTimeTokenPurpose): Promise<OneTimeToken> {
    const token = await this.open(presented, purpose);
    if (!token) throw invalidToken();
    return token;
  }

  private link(purpose: OneTimeTokenPurpose, secret: string): string {
    return `${linkBase(this.config)}/${PAGES[purpose]}?token=${secret}`;
  }
}

/** Where the console is reached: `PUBLIC_URL`, else this gateway on localhost. */
export const linkBase = (config: Pick<GatewayConfig, 'publicUrl' | 'port'>): string =>
  (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
