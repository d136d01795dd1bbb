import {
  Account,
  AccountRepository,
  AccountSummary,
  ApiKey,
  ApiKeyRepository,
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
import { pageOf, rowKey, rowsOf } from '../in-memory-database';
import { NOT_FOUND, InMemoryRepository } from './in-memory-repository';

export class InMemoryAccountRepository extends InMemoryRepository implements AccountRepository {
  private get accounts() {
    return this.db.table<Account>('accounts');
  }
  private get users() {
    return this.db.table<User>('users');
  }

  async createAccount(account: Account): Promise<void> {
    this.called('createAccount');
    if (this.accounts.has(account.id)) throw new Error(`account ${account.id} exists`);
    this.accounts.set(account.id, account);
  }

  async account(id: Id): Promise<Account | undefined> {
    this.called('account');
    const account = this.accounts.get(id);
    return account && { ...account, disabledAt: account.disabledAt ?? null };
  }

  async openAccount(account: Account, admin: User): Promise<Result<void, EmailTaken>> {
    this.called('openAccount');
    if ([...this.users.values()].some((u) => u.email.value.toLowerCase() === admin.email.value.toLowerCase()))
      return err({ code: 'EMAIL_TAKEN' });
    if (this.accounts.has(account.id)) throw new Error(`account ${account.id} exists`);
    this.accounts.set(account.id, account);
    this.users.set(rowKey(admin.accountId, admin.id), admin);
    return ok(undefined);
  }

  async listAccounts(): Promise<AccountSummary[]> {
    this.called('listAccounts');
    return [...this.accounts.values()]
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((a) => ({
        account: { ...a, disabledAt: a.disabledAt ?? null },
        users: rowsOf(this.users, a.id).length,
        hotlines: rowsOf(this.hotlines, a.id).length,
      }));
  }

  async setAccountDisabled(id: Id, at: Instant | null): Promise<Result<void, NotFound>> {
    this.called('setAccountDisabled');
    const account = this.accounts.get(id);
    if (!account) return err(NOT_FOUND);
    this.accounts.set(id, { ...account, disabledAt: at === null ? null : (account.disabledAt ?? at) });
    return ok(undefined);
  }

  async deleteAccount(id: Id): Promise<Result<void, NotFound>> {
    this.called('deleteAccount');
    if (!this.accounts.delete(id)) return err(NOT_FOUND);
    for (const table of this.db.rows.values())
      for (const key of [...table.keys()]) if (key.startsWith(`${id}\u0000`)) table.delete(key);
    return ok(undefined);
  }

  async saveUser(user: User): Promise<Result<void, EmailTaken>> {
    this.called('saveUser');
    const clash = rowsOf(this.users, user.accountId).some(
      (u) => u.id !== user.id && u.email.value.toLowerCase() === user.email.value.toLowerCase(),
    );
    if (clash) return err({ code: 'EMAIL_TAKEN' });
    this.users.set(rowKey(user.accountId, user.id), user);
    return ok(undefined);
  }

  async user(accountId: Id, id: Id): Promise<User | undefined> {
    this.called('user');
    return this.users.get(rowKey(accountId, id));
  }

  async userByEmail(accountId: Id, email: EmailAddress): Promise<User | undefined> {
    this.called('userByEmail');
    return rowsOf(this.users, accountId).find((u) => u.email.value.toLowerCase() === email.value.toLowerCase());
  }

  async usersByEmail(email: EmailAddress): Promise<User[]> {
    this.called('usersByEmail');
    return [...this.users.values()].filter((u) => u.email.value.toLowerCase() === email.value.toLowerCase());
  }

  async listUsers(accountId: Id, page?: PageRequest): Promise<Page<User>> {
    this.called('listUsers');
    return pageOf(rowsOf(this.users, accountId), page, {
      keyOf: (u) => ({ sort: u.email.value.toLowerCase(), id: u.id }),
    });
  }

  async endSessions(accountId: Id, userId: Id, at: Instant): Promise<void> {
    this.called('endSessions');
    const key = rowKey(accountId, userId);
    const ended = this.db.table<Instant>('sessionsValidAfter');
    if (this.users.has(key) && (ended.get(key) ?? -Infinity) < at) ended.set(key, at);
  }

  async revokeLoginToken(token: RevokedLoginToken, now: Instant): Promise<void> {
    this.called('revokeLoginToken');
    const revoked = this.db.table<RevokedLoginToken>('revokedLoginTokens');
    for (const [id, kept] of revoked) if (kept.expiresAt <= now) revoked.delete(id);
    if (!revoked.has(token.tokenId)) revoked.set(token.tokenId, token);
  }

  async loginSession(accountId: Id, userId: Id, tokenId: Id): Promise<LoginSession | undefined> {
    this.called('loginSession');
    const user = this.users.get(rowKey(accountId, userId));
    if (!user) return undefined;
    const sessionsValidAfter = this.db.table<Instant>('sessionsValidAfter').get(rowKey(accountId, userId)) ?? null;
    const accountDisabled = (this.accounts.get(accountId)?.disabledAt ?? null) !== null;
    return {
      user,
      sessionsValidAfter,
      tokenRevoked: this.db.table<RevokedLoginToken>('revokedLoginTokens').has(tokenId),
      accountDisabled,
    };
  }
}

export class InMemoryApiKeyRepository extends InMemoryRepository implements ApiKeyRepository {
  private get keys() {
    return this.db.table<ApiKey>('apiKeys');
  }

  async createApiKey(key: ApiKey): Promise<void> {
    this.called('createApiKey');
    if ([...this.keys.values()].some((k) => k.id === key.id || k.prefix === key.prefix))
      throw new Error(`api key ${key.id} or its prefix exists`);
    this.keys.set(rowKey(key.accountId, key.id), key);
  }

  async apiKeyByPrefix(prefix: string): Promise<ApiKey | undefined> {
    this.called('apiKeyByPrefix');
    return [...this.keys.values()].find((k) => k.prefix === prefix);
  }

  async apiKeyCredential(prefix: string): Promise<{ key: ApiKey; accountDisabled: boolean } | undefined> {
    this.called('apiKeyCredential');
    const key = [...this.keys.values()].find((k) => k.prefix === prefix);
    return (
      key && {
        key,
        accountDisabled: (this.db.table<Account>('accounts').get(key.accountId)?.disabledAt ?? null) !== null,
      }
    );
  }

  async apiKeys(accountId: Id): Promise<ApiKey[]> {
    this.called('apiKeys');
    return rowsOf(this.keys, accountId).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  async revokeApiKey(accountId: Id, id: Id, at: Instant): Promise<Result<void, NotFound>> {
    this.called('revokeApiKey');
    const key = this.keys.get(rowKey(accountId, id));
    if (!key) return err(NOT_FOUND);
    if (key.revokedAt === null) this.keys.set(rowKey(accountId, id), { ...key, revokedAt: at });
    return ok(undefined);
  }

  async touchApiKey(accountId: Id, id: Id, at: Instant): Promise<void> {
    this.called('touchApiKey');
    const key = this.keys.get(rowKey(accountId, id));
    if (key && (key.lastUsedAt === null || key.lastUsedAt < at))
      this.keys.set(rowKey(accountId, id), { ...key, lastUsedAt: at });
  }
}
