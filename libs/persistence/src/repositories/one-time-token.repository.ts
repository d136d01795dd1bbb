import {
  Account,
  EmailAddress,
  EmailTaken,
  Id,
  Instant,
  InvalidToken,
  OneTimeToken,
  OneTimeTokenPurpose,
  OneTimeTokenRepository,
  ROLES,
  Result,
  Role,
  User,
  err,
  ok,
} from '@dutyline/domain';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { AccountRow, OneTimeTokenRow, UnverifiedEmailRow, UserRow } from '../entities';
import { accountToRow, emailKey, userToRow } from '../mappers/account.mapper';
import { isUniqueViolation } from '../support/store-errors';

const PURPOSES: readonly OneTimeTokenPurpose[] = ['invitation', 'password-reset', 'email-verification'];
const EMAIL_INDEX = { name: 'UQ_users_email', columns: 'users.account_id, users.email_key' };

function tokenFromRow(row: OneTimeTokenRow): OneTimeToken {
  if (!(PURPOSES as readonly string[]).includes(row.purpose))
    throw new Error(`stored token purpose "${row.purpose}" is not one of ${PURPOSES.join(', ')}`);
  if (row.role !== null && !(ROLES as readonly string[]).includes(row.role))
    throw new Error(`stored role "${row.role}" is not one of ${ROLES.join(', ')}`);
  return {
    id: row.id,
    accountId: row.accountId,
    purpose: row.purpose as OneTimeTokenPurpose,
    tokenHash: row.tokenHash,
    userId: row.userId,
    email: EmailAddress.parse(row.email),
    name: row.name,
    role: row.role as Role | null,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
    revokedAt: row.revokedAt,
  };
}

const tokenToRow = (t: OneTimeToken): OneTimeTokenRow => ({ ...t, email: t.email.value });

/** Open at `now`: neither used, revoked nor expired. */
const OPEN = 'used_at IS NULL AND revoked_at IS NULL AND expires_at > :now';

export class SqlOneTimeTokenRepository implements OneTimeTokenRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  issueToken(token: OneTimeToken, now: Instant): Promise<void> {
    return this.store.write(async (manager) => {
      await manager.delete(OneTimeTokenRow, { expiresAt: LessThanOrEqual(now) });
      await manager.insert(OneTimeTokenRow, tokenToRow(token));
    });
  }

  tokenByHash(tokenHash: string): Promise<OneTimeToken | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(OneTimeTokenRow, { where: { tokenHash } });
      return row ? tokenFromRow(row) : undefined;
    });
  }

  token(accountId: Id, id: Id): Promise<OneTimeToken | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(OneTimeTokenRow, { where: { accountId, id } });
      return row ? tokenFromRow(row) : undefined;
    });
  }

  useToken(accountId: Id, id: Id, now: Instant): Promise<boolean> {
    return this.store.write((manager) => use(manager, { accountId, id, now }));
  }

  revokeUserTokens(
    accountId: Id,
    userId: Id,
    { purpose, now }: { purpose: OneTimeTokenPurpose; now: Instant },
  ): Promise<void> {
    return this.store.write(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(OneTimeTokenRow)
        .set({ revokedAt: now })
        .where(`account_id = :accountId AND user_id = :userId AND purpose = :purpose AND ${OPEN}`, {
          accountId,
          userId,
          purpose,
          now,
        })
        .execute();
    });
  }

  pendingInvitations(accountId: Id, now: Instant): Promise<OneTimeToken[]> {
    return this.store.read(async (manager) => {
      const rows = await manager
        .createQueryBuilder(OneTimeTokenRow, 't')
        .where(`t.account_id = :accountId AND t.purpose = 'invitation' AND t.${OPEN.replace(/ AND /g, ' AND t.')}`, {
          accountId,
          now,
        })
        .orderBy('t.created_at', 'DESC')
        .addOrderBy('t.id', 'DESC')
        .getMany();
      return rows.map(tokenFromRow);
    });
  }

  reissueToken(
    accountId: Id,
    id: Id,
    { tokenHash, expiresAt, now }: { tokenHash: string; expiresAt: Instant; now: Instant },
  ): Promise<boolean> {
    return this.store.write(async (manager) => {
      const { affected } = await manager
        .createQueryBuilder()
        .update(OneTimeTokenRow)
        .set({ tokenHash, expiresAt })
        .where(`account_id = :accountId AND id = :id AND ${OPEN}`, { accountId, id, now })
        .execute();
      return affected === 1;
    });
  }

  revokeToken(accountId: Id, id: Id, now: Instant): Promise<boolean> {
    return this.store.write(async (manager) => {
      const { affected } = await manager
        .createQueryBuilder()
        .update(OneTimeTokenRow)
        .set({ revokedAt: now })
        .where(`account_id = :accountId AND id = :id AND ${OPEN}`, { accountId, id, now })
        .execute();
      return affected === 1;
    });
  }

  async acceptInvitation(invitationId: Id, user: User, now: Instant): Promise<Result<void, InvalidToken | EmailTaken>> {
    try {
      return await this.store.write(async (manager) => {
        // The invitation first: of two acceptances at once only one uses it (MariaDB makes the second wait).
        if (!(await use(manager, { accountId: user.accountId, id: invitationId, now })))
          return err({ code: 'INVALID_TOKEN' as const });
        if (await manager.exists(UserRow, { where: { accountId: user.accountId, emailKey: emailKey(user.email) } })) {
          throw new EmailTakenRollback();
        }
        await manager.insert(UserRow, userToRow(user));
        return ok(undefined);
      });
    } catch (error) {
      // Rolled back: the invitation stays open.
      if (error instanceof EmailTakenRollback || isUniqueViolation(error, EMAIL_INDEX))
        return err({ code: 'EMAIL_TAKEN' as const });
      throw error;
    }
  }

  createSignedUpAccount(account: Account, admin: User, verification: OneTimeToken): Promise<void> {
    return this.store.write(async (manager) => {
      await manager.insert(AccountRow, accountToRow(account));
      await manager.insert(UserRow, userToRow(admin));
      await manager.insert(UnverifiedEmailRow, { accountId: account.id, userId: admin.id });
      await manager.delete(OneTimeTokenRow, { expiresAt: LessThanOrEqual(account.createdAt) });
      await manager.insert(OneTimeTokenRow, tokenToRow(verification));
    });
  }

  unverifiedUsers(accountId: Id, userIds: readonly Id[]): Promise<Set<Id>> {
    if (userIds.length === 0) return Promise.resolve(new Set());
    return this.store.read(async (manager) => {
      const rows = await manager.find(UnverifiedEmailRow, { where: { accountId, userId: In([...userIds]) } });
      return new Set(rows.map((r) => r.userId));
    });
  }

  verifyEmail(accountId: Id, tokenId: Id, now: Instant): Promise<boolean> {
    return this.store.write(async (manager) => {
      const token = await manager.findOne(OneTimeTokenRow, { where: { accountId, id: tokenId } });
      if (
        !token ||
        token.purpose !== 'email-verification' ||
        token.userId === null ||
        !(await use(manager, { accountId, id: tokenId, now }))
      )
        return false;
      await manager.delete(UnverifiedEmailRow, { accountId, userId: token.userId });
      // Verified: the user's other verification links are dead too.
      await manager
        .createQueryBuilder()
        .update(OneTimeTokenRow)
        .set({ revokedAt: now })
        .where(`account_id = :accountId AND user_id = :userId AND purpose = 'email-verification' AND ${OPEN}`, {
          accountId,
          userId: token.userId,
          now,
        })
        .execute();
      return true;
    });
  }
}

/** Marks an open token used; true when this call did. */
async function use(
  manager: EntityManager,
  { accountId, id, now }: { readonly accountId: Id; readonly id: Id; readonly now: Instant },
): Promise<boolean> {
  const { affected } = await manager
    .createQueryBuilder()
    .update(OneTimeTokenRow)
    .set({ usedAt: now })
    .where(`account_id = :accountId AND id = :id AND ${OPEN}`, { accountId, id, now })
    .execute();
  return affected === 1;
}

/** Undoes the acceptance's use of the invitation when the e-mail turns out taken. */
class EmailTakenRollback extends Error {}
