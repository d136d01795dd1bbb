import { EmailAddress, Id, Instant, Result } from '../shared';
import { Account } from './account';
import { EmailTaken, Role, User } from './user';

/** What a single-use token opens. */
export type OneTimeTokenPurpose = 'invitation' | 'password-reset' | 'email-verification';

/**
 * A single-use, expiring link's token. Only a hash of the secret is stored (`tokenHash`); the
 * secret itself goes out in one e-mail and is never kept. An invitation is such a token: resending
 * it replaces the hash and the expiry, so the earlier link no longer opens anything.
 */
export interface OneTimeToken {
  readonly id: Id;
  readonly accountId: Id;
  readonly purpose: OneTimeTokenPurpose;
  /** Unique; e.g. the SHA-256 of the secret, hex. */
  readonly tokenHash: string;
  /** The user it is for (password reset, e-mail verification); null for an invitation. */
  readonly userId: Id | null;
  readonly email: EmailAddress;
  /** Invitations: the name the admin gave, and the role the new user gets. */
  readonly name: string | null;
  readonly role: Role | null;
  /** The user who issued it (an invitation's admin); null when none (sign-up, API key). */
  readonly createdBy: Id | null;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
  readonly usedAt: Instant | null;
  readonly revokedAt: Instant | null;
}

/** Neither used, revoked nor expired at `now`. */
export const tokenOpen = (token: OneTimeToken, now: Instant): boolean =>
  token.usedAt === null && token.revokedAt === null && now < token.expiresAt;

export interface InvalidToken {
  readonly code: 'INVALID_TOKEN';
}

/**
 * Single-use tokens (invitations, password resets, e-mail verification) and the e-mail verification
 * state of self-signed-up users. Failure contract as the other repositories.
 */
export interface OneTimeTokenRepository {
  /** Stores a new token and forgets every token (of any account) expired by `now`. */
  issueToken(token: OneTimeToken, now: Instant): Promise<void>;
  /** The token with this hash, in whatever state: the caller checks `tokenOpen`. */
  tokenByHash(tokenHash: string): Promise<OneTimeToken | undefined>;
  /** One token of the account, in whatever state. */
  token(accountId: Id, id: Id): Promise<OneTimeToken | undefined>;
  /**
   * Marks an open token used at `now`, atomically: of two concurrent calls only one gets `true`;
   * a used, revoked, expired or absent one answers `false`.
   */
  useToken(accountId: Id, id: Id, now: Instant): Promise<boolean>;
  /** Revokes the open tokens of one purpose for one user (the other reset links once one is used). */
  revokeUserTokens(
    accountId: Id,
    userId: Id,
    which: { readonly purpose: OneTimeTokenPurpose; readonly now: Instant },
  ): Promise<void>;
  /** Open invitations of the account at `now`, newest first. */
  pendingInvitations(accountId: Id, now: Instant): Promise<OneTimeToken[]>;
  /** A new secret and expiry for an open token (the old secret stops working); `false` when it is not open at `now`. */
  reissueToken(
    accountId: Id,
    id: Id,
    reissue: { readonly tokenHash: string; readonly expiresAt: Instant; readonly now: Instant },
  ): Promise<boolean>;
  /** Revokes an open token; `false` when it is not open at `now`. */
  revokeToken(accountId: Id, id: Id, now: Instant): Promise<boolean>;
  /**
   * Uses an invitation and creates its user in one transaction: INVALID_TOKEN when it is not open
   * (nothing written), EMAIL_TAKEN when the account has a user with that e-mail (the invitation stays open).
   */
  acceptInvitation(invitationId: Id, user: User, now: Instant): Promise<Result<void, InvalidToken | EmailTaken>>;
  /** Creates an account, its admin with the e-mail not yet verified, and the verification token, in one transaction. */
  createSignedUpAccount(account: Account, admin: User, verification: OneTimeToken): Promise<void>;
  /** Users of the account (among `userIds`) whose e-mail awaits verification. */
  unverifiedUsers(accountId: Id, userIds: readonly Id[]): Promise<Set<Id>>;
  /**
   * Uses an open verification token, marks its user's e-mail verified and revokes the user's other
   * verification tokens, in one transaction; `false` when the token is not open.
   */
  verifyEmail(accountId: Id, tokenId: Id, now: Instant): Promise<boolean>;
}
