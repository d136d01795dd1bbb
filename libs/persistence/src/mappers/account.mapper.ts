import { Account, ApiKey, EmailAddress, ROLES, Role, User } from '@dutyline/domain';
import { AccountRow, ApiKeyRow, UserRow } from '../entities';

/** E-mails are unique and looked up without regard to case. */
export const emailKey = (email: EmailAddress): string => email.value.toLowerCase();

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new Error(`stored role "${value}" is not one of ${ROLES.join(', ')}`);
  return value as Role;
}

export const accountToRow = (a: Account): AccountRow => ({
  id: a.id,
  name: a.name,
  createdAt: a.createdAt,
  disabledAt: a.disabledAt ?? null,
});
export const accountFromRow = (row: AccountRow): Account => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt,
  disabledAt: row.disabledAt,
});

/** Every column but `sessions_valid_after`, which only `endSessions` writes (a save never undoes it). */
export const userToRow = (u: User): Omit<UserRow, 'sessionsValidAfter'> => ({
  accountId: u.accountId,
  id: u.id,
  email: u.email.value,
  emailKey: emailKey(u.email),
  name: u.name,
  role: u.role,
  passwordHash: u.passwordHash,
  createdAt: u.createdAt,
});

export const userFromRow = (row: UserRow): User => ({
  id: row.id,
  accountId: row.accountId,
  email: EmailAddress.parse(row.email),
  name: row.name,
  role: role(row.role),
  passwordHash: row.passwordHash,
  createdAt: row.createdAt,
});

export const apiKeyToRow = (k: ApiKey): ApiKeyRow => ({ ...k });

export const apiKeyFromRow = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  accountId: row.accountId,
  name: row.name,
  prefix: row.prefix,
  hash: row.hash,
  role: role(row.role),
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
  lastUsedAt: row.lastUsedAt,
});
