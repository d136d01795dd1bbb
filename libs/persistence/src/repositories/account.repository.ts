import {
  Account, AccountRepository, EmailAddress, EmailTaken, Id, Instant, LoginSession, Page, PageRequest, Result, RevokedLoginToken, User, err, ok,
} from '@dutyline/domain';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { AccountRow, RevokedLoginTokenRow, UserRow } from '../entities';
import { accountFromRow, accountToRow, emailKey, userFromRow, userToRow } from '../mappers/account.mapper';
import { decodeCursor, keysetPage, pageOf, pageSize } from '../support/pagination';
import { saveRow } from '../support/rows';
import { isUniqueViolation } from '../support/store-errors';

const EMAIL_INDEX = { name: 'UQ_users_email', columns: 'users.account_id, users.email_key' };
const EMAIL_TAKEN: EmailTaken = { code: 'EMAIL_TAKEN' };

export class SqlAccountRepository implements AccountRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  createAccount(account: Account): Promise<void> {
    return this.store.write(async (manager) => {
      await manager.insert(AccountRow, accountToRow(account));
    });
  }

  account(id: Id): Promise<Account | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(AccountRow, { where: { id } });
      return row ? accountFromRow(row) : undefined;
    });
  }

  async saveUser(user: User): Promise<Result<void, EmailTaken>> {
    const row = userToRow(user);
    try {
      return await this.store.write(async (manager) => {
        const holder = await manager.findOne(UserRow, { where: { accountId: row.accountId, emailKey: row.emailKey }, select: { id: true } });
        if (holder && holder.id !== row.id) return err(EMAIL_TAKEN);
        await saveRow<Omit<UserRow, 'sessionsValidAfter'>>(manager, UserRow, { accountId: row.accountId, id: row.id }, row);
        return ok(undefined);
      });
    } catch (error) {
      // Another user took the address between our check and our write.
      if (isUniqueViolation(error, EMAIL_INDEX)) return err(EMAIL_TAKEN);
      throw error;
    }
  }

  user(accountId: Id, id: Id): Promise<User | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(UserRow, { where: { accountId, id } });
      return row ? userFromRow(row) : undefined;
    });
  }

  userByEmail(accountId: Id, email: EmailAddress): Promise<User | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(UserRow, { where: { accountId, emailKey: emailKey(email) } });
      return row ? userFromRow(row) : undefined;
    });
  }

  usersByEmail(email: EmailAddress): Promise<User[]> {
    return this.store.read(async (manager) =>
      (await manager.find(UserRow, { where: { emailKey: emailKey(email) }, order: { accountId: 'ASC' } })).map(userFromRow),
    );
  }

  listUsers(accountId: Id, page?: PageRequest): Promise<Page<User>> {
    const size = pageSize(page);
    const after = decodeCursor<string>(page?.after, 'string');
    return this.store.read(async (manager) => {
      const query = manager.createQueryBuilder(UserRow, 'u').where('u.accountId = :accountId', { accountId });
      const rows = await keysetPage(query, 'u', 'emailKey', after, size).getMany();
      return pageOf(rows, size, (r) => ({ sort: r.emailKey, id: r.id }), rows.slice(0, size).map(userFromRow));
    });
  }

  endSessions(accountId: Id, userId: Id, at: Instant): Promise<void> {
    return this.store.write(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(UserRow)
        .set({ sessionsValidAfter: at })
        .where('account_id = :accountId AND id = :userId AND (sessions_valid_after IS NULL OR sessions_valid_after < :at)', { accountId, userId, at })
        .execute();
    });
  }

  revokeLoginToken(token: RevokedLoginToken, now: Instant): Promise<void> {
    return this.store.write(async (manager) => {
      await manager.delete(RevokedLoginTokenRow, { expiresAt: LessThanOrEqual(now) });
      await manager.createQueryBuilder().insert().into(RevokedLoginTokenRow).values({ ...token }).orIgnore().execute();
    });
  }

  loginSession(accountId: Id, userId: Id, tokenId: Id): Promise<LoginSession | undefined> {
    return this.store.read(async (manager) => {
      const row = await manager.findOne(UserRow, { where: { accountId, id: userId } });
      if (!row) return undefined;
      const tokenRevoked = await manager.exists(RevokedLoginTokenRow, { where: { tokenId } });
      return { user: userFromRow(row), sessionsValidAfter: row.sessionsValidAfter, tokenRevoked };
    });
  }
}
