import {
  Account,
  AccountRepository,
  AccountSummary,
  EmailAddress,
  EmailTaken,
  Id,
  Instant,
  LoginSession,
  NotFound,
  Page,
  PageRequest,
  Result,
  RevokedLoginToken,
  User,
  err,
  ok,
} from '@dutyline/domain';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { deleteAccount } from '../database/account-deletion';
import { SqlStore } from '../database/sql-store';
import { AccountRow, HotlineRow, RevokedLoginTokenRow, UserRow } from '../entities';
import { accountFromRow, accountToRow, emailKey, userFromRow, userToRow } from '../mappers/account.mapper';
import { decodeCursor, keysetPageOf, pageSize } from '../support/pagination';
import { saveRow } from '../support/rows';
import { isUniqueViolation } from '../support/store-errors';

const EMAIL_INDEX = { name: 'UQ_users_email', columns: 'users.account_id, users.email_key' };
const EMAIL_TAKEN: EmailTaken = { code: 'EMAIL_TAKEN' };
const NOT_FOUND: NotFound = { code: 'NOT_FOUND' };

export class SqlAccountRepository implements AccountRepository {
  private readonly store: SqlStore;

  constructor(private readonly dataSource: DataSource) {
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
        const holder = await manager.findOne(UserRow, {
          where: { accountId: row.accountId, emailKey: row.emailKey },
          select: { id: true },
        });
        if (holder && holder.id !== row.id) return err(EMAIL_TAKEN);
        await saveRow<Omit<UserRow, 'sessionsValidAfter'>>(manager, UserRow, {
          key: { accountId: row.accountId, id: row.id },
          row,
        });
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
      (await manager.find(UserRow, { where: { emailKey: emailKey(email) }, order: { accountId: 'ASC' } })).map(
        userFromRow,
      ),
    );
  }

  listUsers(accountId: Id, page?: PageRequest): Promise<Page<User>> {
    const size = pageSize(page);
    const after = decodeCursor<string>(page?.after, 'string');
    return this.store.read(async (manager) => {
      const query = manager.createQueryBuilder(UserRow, 'u').where('u.accountId = :accountId', { accountId });
      return keysetPageOf(query, { alias: 'u', sortProperty: 'emailKey', after, size }, userFromRow);
    });
  }

  endSessions(accountId: Id, userId: Id, at: Instant): Promise<void> {
    return this.store.write(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(UserRow)
        .set({ sessionsValidAfter: at })
        .where(
          'account_id = :accountId AND id = :userId AND (sessions_valid_after IS NULL OR sessions_valid_after < :at)',
          { accountId, userId, at },
        )
        .execute();
    });
  }

  revokeLoginToken(token: RevokedLoginToken, now: Instant): Promise<void> {
    return this.store.write(async (manager) => {
      await manager.delete(RevokedLoginTokenRow, { expiresAt: LessThanOrEqual(now) });
      await manager
        .createQueryBuilder()
        .insert()
        .into(RevokedLoginTokenRow)
        .values({ ...token })
        .orIgnore()
        .execute();
    });
  }

  loginSession(accountId: Id, userId: Id, tokenId: Id): Promise<LoginSession | undefined> {
    return this.store.read(async (manager) => {
      // The account's state comes with the user row: one read, as before.
      const found = await manager
        .createQueryBuilder(UserRow, 'u')
        .innerJoin(AccountRow, 'a', 'a.id = u.account_id')
        .addSelect('a.disabled_at', 'account_disabled_at')
        .where('u.account_id = :accountId AND u.id = :userId', { accountId, userId })
        .getRawAndEntities();
      const row = found.entities[0];
      if (!row) return undefined;
      const tokenRevoked = await manager.exists(RevokedLoginTokenRow, { where: { tokenId } });
      const accountDisabled = found.raw[0]?.account_disabled_at != null;
      return { user: userFromRow(row), sessionsValidAfter: row.sessionsValidAfter, tokenRevoked, accountDisabled };
    });
  }

  async openAccount(account: Account, admin: User): Promise<Result<void, EmailTaken>> {
    const user = userToRow(admin);
    return this.store.write(async (manager) => {
      if (await manager.exists(UserRow, { where: { emailKey: user.emailKey } })) return err(EMAIL_TAKEN);
      await manager.insert(AccountRow, accountToRow(account));
      await manager.insert(UserRow, { ...user, sessionsValidAfter: null });
      return ok(undefined);
    });
  }

  listAccounts(): Promise<AccountSummary[]> {
    return this.store.read(async (manager) => {
      const rows = await manager.find(AccountRow, { order: { createdAt: 'ASC', id: 'ASC' } });
      const counts = async (entity: typeof UserRow | typeof HotlineRow) =>
        new Map(
          (
            await manager
              .createQueryBuilder(entity, 'r')
              .select('r.account_id', 'accountId')
              .addSelect('COUNT(*)', 'count')
              .groupBy('r.account_id')
              .getRawMany<{ accountId: string; count: string | number }>()
          ).map((r) => [r.accountId, Number(r.count)]),
        );
      const [users, hotlines] = [await counts(UserRow), await counts(HotlineRow)];
      return rows.map((row) => ({
        account: accountFromRow(row),
        users: users.get(row.id) ?? 0,
        hotlines: hotlines.get(row.id) ?? 0,
      }));
    });
  }

  setAccountDisabled(id: Id, at: Instant | null): Promise<Result<void, NotFound>> {
    return this.store.write(async (manager) => {
      const row = await manager.findOne(AccountRow, { where: { id }, select: { id: true, disabledAt: true } });
      if (!row) return err(NOT_FOUND);
      // Disabling twice keeps the first instant.
      if (at === null || row.disabledAt === null) await manager.update(AccountRow, { id }, { disabledAt: at });
      return ok(undefined);
    });
  }

  async deleteAccount(id: Id): Promise<Result<void, NotFound>> {
    return (await deleteAccount(this.dataSource, id)) ? ok(undefined) : err(NOT_FOUND);
  }
}
