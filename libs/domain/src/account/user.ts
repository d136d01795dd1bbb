import { EmailAddress, Id, Instant } from '../shared';

export type Role = 'admin' | 'supervisor' | 'member';
export const ROLES: readonly Role[] = ['admin', 'supervisor', 'member'];

export interface User {
  readonly id: Id;
  readonly accountId: Id;
  /** Unique per account, compared without regard to case. */
  readonly email: EmailAddress;
  readonly name: string;
  readonly role: Role;
  /** The KDF output with its parameters and salt (e.g. `scrypt$…`); never the password. */
  readonly passwordHash: string;
  readonly createdAt: Instant;
}

export interface EmailTaken {
  readonly code: 'EMAIL_TAKEN';
}

/** A signed-out login token: refused until it would have expired anyway. */
export interface RevokedLoginToken {
  readonly tokenId: Id;
  readonly accountId: Id;
  readonly userId: Id;
  readonly expiresAt: Instant;
}

/** What a login token's user is now, and what ends its sessions. */
export interface LoginSession {
  readonly user: User;
  /** Login tokens issued before this instant are refused (password or role changed); null: none ended. */
  readonly sessionsValidAfter: Instant | null;
  /** The token itself was signed out. */
  readonly tokenRevoked: boolean;
  /** The user's account is disabled. */
  readonly accountDisabled: boolean;
}
