import { ApiKey, EmailAddress, User, parseInstant } from '@dutyline/domain';
import { randomBytes } from 'node:crypto';
import { ContractContext } from './context';
import { CREATED_AT } from './world';

const at = (iso: string) => parseInstant(iso);

function aUser(
  accountId: string,
  id: string,
  { email, role = 'member' }: { email: string; role?: User['role'] },
): User {
  return {
    id,
    accountId,
    email: EmailAddress.parse(email),
    name: `User ${id}`,
    role,
    passwordHash: `scrypt$N=16384$salt$${id}`,
    createdAt: CREATED_AT,
  };
}

function aKey(accountId: string, id: string, createdAt: string): ApiKey {
  return {
    id,
    accountId,
    name: `Key ${id}`,
    prefix: `dl_${randomBytes(6).toString('hex')}`,
    hash: `sha256$${id}`,
    role: 'supervisor',
    createdAt: at(createdAt),
    revokedAt: null,
    lastUsedAt: null,
  };
}

/** Accounts, users and API keys. */
export function accountsContract({ world }: ContractContext): void {
  describe('accounts and users', () => {
    it('creates an account and reads it back', async () => {
      const accountId = await world().newAccount();
      expect(await world().repos.accounts.account(accountId)).toEqual({
        id: accountId,
        name: `Account ${accountId}`,
        createdAt: CREATED_AT,
        disabledAt: null,
      });
      expect(await world().repos.accounts.account(`${accountId}-nope`)).toBeUndefined();
    });

    it('finds a user by e-mail whatever its case, and updates the user in place', async () => {
      const accountId = await world().newAccount();
      const user = aUser(accountId, 'u1', { email: 'Chloé.Dupont@Example.org', role: 'admin' });
      expect(await world().repos.accounts.saveUser(user)).toEqual({ ok: true, value: undefined });

      expect(
        await world().repos.accounts.userByEmail(accountId, EmailAddress.parse('chloé.dupont@EXAMPLE.org')),
      ).toEqual(user);
      await world().repos.accounts.saveUser({ ...user, role: 'supervisor' });
      expect((await world().repos.accounts.user(accountId, 'u1'))?.role).toBe('supervisor');
    });

    it('refuses a second user with the same e-mail in one account, not in another', async () => {
      const a = await world().newAccount();
      const b = await world().newAccount();
      const email = `${randomBytes(4).toString('hex')}@example.org`;
      await world().repos.accounts.saveUser(aUser(a, 'u1', { email }));

      expect(await world().repos.accounts.saveUser(aUser(a, 'u2', { email: email.toUpperCase() }))).toEqual({
        ok: false,
        error: { code: 'EMAIL_TAKEN' },
      });
      expect(await world().repos.accounts.saveUser(aUser(b, 'u1', { email }))).toEqual({ ok: true, value: undefined });
      const everywhere = await world().repos.accounts.usersByEmail(EmailAddress.parse(email));
      expect(everywhere.map((u) => u.accountId).sort()).toEqual([a, b].sort());
    });

    it('pages through users by e-mail', async () => {
      const accountId = await world().newAccount();
      for (const [id, email] of [
        ['u1', 'zed@example.org'],
        ['u2', 'Amy@example.org'],
        ['u3', 'bo@example.org'],
      ]) {
        await world().repos.accounts.saveUser(aUser(accountId, id, { email }));
      }
      const first = await world().repos.accounts.listUsers(accountId, { first: 2 });
      const second = await world().repos.accounts.listUsers(accountId, { first: 2, after: first.nextCursor });
      expect([first.items.map((u) => u.id), second.items.map((u) => u.id), second.nextCursor]).toEqual([
        ['u2', 'u3'],
        ['u1'],
        null,
      ]);
    });
  });

  describe('operating accounts', () => {
    const email = () => `${randomBytes(5).toString('hex')}@example.org`;
    const opened = (id: string) => ({ id, name: `Opened ${id}`, createdAt: CREATED_AT, disabledAt: null });

    it('opens an account with its admin in one go, and refuses an e-mail any account signs in with', async () => {
      const taken = email();
      const elsewhere = await world().newAccount();
      await world().repos.accounts.saveUser(aUser(elsewhere, 'u1', { email: taken }));
      const id = `opened-${randomBytes(6).toString('hex')}`;
      const admin = aUser(id, 'admin1', { email: email(), role: 'admin' });
      try {
        expect(
          await world().repos.accounts.openAccount(opened(id), {
            ...admin,
            email: EmailAddress.parse(taken.toUpperCase()),
          }),
        ).toEqual({ ok: false, error: { code: 'EMAIL_TAKEN' } });
        expect(await world().repos.accounts.account(id)).toBeUndefined();

        expect(await world().repos.accounts.openAccount(opened(id), admin)).toEqual({ ok: true, value: undefined });
        expect(await world().repos.accounts.account(id)).toEqual(opened(id));
        expect(await world().repos.accounts.usersByEmail(admin.email)).toEqual([admin]);
      } finally {
        await world().repos.accounts.deleteAccount(id);
      }
    });

    it('lists accounts oldest first with their users and hotlines', async () => {
      const a = await world().newAccount();
      const b = await world().newAccount();
      await world().repos.accounts.saveUser(aUser(a, 'u1', { email: email() }));
      await world().repos.accounts.saveUser(aUser(a, 'u2', { email: email() }));
      await world().hotline(b, 'h1');
      await world().repos.accounts.setAccountDisabled(b, at('2027-03-01T10:00:00Z'));

      const mine = (await world().repos.accounts.listAccounts()).filter(
        (s) => s.account.id === a || s.account.id === b,
      );
      expect(mine).toEqual(
        [
          { account: { id: a, name: `Account ${a}`, createdAt: CREATED_AT, disabledAt: null }, users: 2, hotlines: 0 },
          {
            account: { id: b, name: `Account ${b}`, createdAt: CREATED_AT, disabledAt: at('2027-03-01T10:00:00Z') },
            users: 0,
            hotlines: 1,
          },
        ].sort((x, y) => (x.account.id < y.account.id ? -1 : 1)),
      );
    });

    it('disables an account (the first instant stays), which its login sessions and API keys tell; enabling undoes it', async () => {
      const accountId = await world().newAccount();
      const other = await world().newAccount();
      await world().repos.accounts.saveUser(aUser(accountId, 'u1', { email: email() }));
      const key = aKey(accountId, 'k1', '2027-01-05T09:00:00Z');
      const otherKey = aKey(other, 'k1', '2027-01-05T09:00:00Z');
      await world().repos.apiKeys.createApiKey(key);
      await world().repos.apiKeys.createApiKey(otherKey);

      expect(await world().repos.accounts.setAccountDisabled(accountId, at('2027-03-01T10:00:00Z'))).toEqual({
        ok: true,
        value: undefined,
      });
      expect(await world().repos.accounts.setAccountDisabled(accountId, at('2027-03-02T10:00:00Z'))).toEqual({
        ok: true,
        value: undefined,
      });
      expect((await world().repos.accounts.account(accountId))?.disabledAt).toBe(at('2027-03-01T10:00:00Z'));
      expect((await world().repos.accounts.loginSession(accountId, 'u1', 't1'))?.accountDisabled).toBe(true);
      expect(await world().repos.apiKeys.apiKeyCredential(key.prefix)).toEqual({ key, accountDisabled: true });
      expect(await world().repos.apiKeys.apiKeyCredential(otherKey.prefix)).toEqual({
        key: otherKey,
        accountDisabled: false,
      });
      expect(await world().repos.apiKeys.apiKeyCredential('dl_unknown')).toBeUndefined();

      expect(await world().repos.accounts.setAccountDisabled(accountId, null)).toEqual({ ok: true, value: undefined });
      expect((await world().repos.accounts.account(accountId))?.disabledAt).toBeNull();
      expect((await world().repos.accounts.loginSession(accountId, 'u1', 't1'))?.accountDisabled).toBe(false);
      expect((await world().repos.apiKeys.apiKeyCredential(key.prefix))?.accountDisabled).toBe(false);
      expect(await world().repos.accounts.setAccountDisabled(`${accountId}-nope`, null)).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('deletes an account with its rows, leaving the others; an unknown one is NOT_FOUND', async () => {
      const doomed = await world().newAccount();
      const kept = await world().newAccount();
      await world().repos.accounts.saveUser(aUser(doomed, 'u1', { email: email() }));
      await world().hotline(doomed, 'h1');
      await world().hotline(kept, 'h1');

      expect(await world().repos.accounts.deleteAccount(doomed)).toEqual({ ok: true, value: undefined });
      expect(await world().repos.accounts.account(doomed)).toBeUndefined();
      expect(await world().repos.accounts.user(doomed, 'u1')).toBeUndefined();
      expect(await world().repos.hotlines.byId(doomed, 'h1')).toBeUndefined();
      expect(await world().repos.hotlines.byId(kept, 'h1')).toBeDefined();
      expect(await world().repos.accounts.deleteAccount(doomed)).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe('login sessions', () => {
    it('ends the sessions of one user before an instant that never moves back, and a save leaves it alone', async () => {
      const accountId = await world().newAccount();
      const user = aUser(accountId, 'u1', { email: `${randomBytes(4).toString('hex')}@example.org`, role: 'admin' });
      await world().repos.accounts.saveUser(user);
      await world().repos.accounts.saveUser(
        aUser(accountId, 'u2', { email: `${randomBytes(4).toString('hex')}@example.org` }),
      );
      expect(await world().repos.accounts.loginSession(accountId, 'u1', 't1')).toEqual({
        user,
        sessionsValidAfter: null,
        tokenRevoked: false,
        accountDisabled: false,
      });

      await world().repos.accounts.endSessions(accountId, 'u1', at('2027-03-01T10:00:00.250Z'));
      await world().repos.accounts.endSessions(accountId, 'u1', at('2027-03-01T09:00:00Z'));
      await world().repos.accounts.saveUser({ ...user, role: 'member' });
      expect(await world().repos.accounts.loginSession(accountId, 'u1', 't1')).toEqual({
        user: { ...user, role: 'member' },
        sessionsValidAfter: at('2027-03-01T10:00:00.250Z'),
        tokenRevoked: false,
        accountDisabled: false,
      });
      expect((await world().repos.accounts.loginSession(accountId, 'u2', 't1'))?.sessionsValidAfter).toBeNull();
      expect(await world().repos.accounts.loginSession(accountId, 'nobody', 't1')).toBeUndefined();
    });

    it('refuses a revoked token (twice is harmless) and forgets revocations once their tokens expired', async () => {
      const accountId = await world().newAccount();
      await world().repos.accounts.saveUser(
        aUser(accountId, 'u1', { email: `${randomBytes(4).toString('hex')}@example.org` }),
      );
      const [expiring, lasting] = [`t${randomBytes(6).toString('hex')}`, `t${randomBytes(6).toString('hex')}`];
      // An hour ago: the purge must not reach revocations other tests made in the shared database.
      const now = Date.now() - 3_600_000;
      await world().repos.accounts.revokeLoginToken(
        { tokenId: expiring, accountId, userId: 'u1', expiresAt: now + 1000 },
        now,
      );
      await world().repos.accounts.revokeLoginToken(
        { tokenId: expiring, accountId, userId: 'u1', expiresAt: now + 1000 },
        now,
      );
      expect((await world().repos.accounts.loginSession(accountId, 'u1', expiring))?.tokenRevoked).toBe(true);
      expect((await world().repos.accounts.loginSession(accountId, 'u1', lasting))?.tokenRevoked).toBe(false);

      await world().repos.accounts.revokeLoginToken(
        { tokenId: lasting, accountId, userId: 'u1', expiresAt: now + 60_000 },
        now + 1000,
      );
      expect((await world().repos.accounts.loginSession(accountId, 'u1', expiring))?.tokenRevoked).toBe(false);
      expect((await world().repos.accounts.loginSession(accountId, 'u1', lasting))?.tokenRevoked).toBe(true);
    });
  });

  describe('API keys', () => {
    it('finds a key by its prefix, lists keys newest first', async () => {
      const accountId = await world().newAccount();
      const older = aKey(accountId, 'k1', '2027-01-05T09:00:00Z');
      const newer = aKey(accountId, 'k2', '2027-02-05T09:00:00Z');
      await world().repos.apiKeys.createApiKey(older);
      await world().repos.apiKeys.createApiKey(newer);

      expect(await world().repos.apiKeys.apiKeyByPrefix(older.prefix)).toEqual(older);
      expect(await world().repos.apiKeys.apiKeyByPrefix('dl_unknown')).toBeUndefined();
      expect(await world().repos.apiKeys.apiKeys(accountId)).toEqual([newer, older]);
    });

    it('revokes a key once (the first instant stays) and reports an unknown one', async () => {
      const accountId = await world().newAccount();
      const key = aKey(accountId, 'k1', '2027-01-05T09:00:00Z');
      await world().repos.apiKeys.createApiKey(key);

      expect(await world().repos.apiKeys.revokeApiKey(accountId, 'k1', at('2027-03-01T10:00:00Z'))).toEqual({
        ok: true,
        value: undefined,
      });
      expect(await world().repos.apiKeys.revokeApiKey(accountId, 'k1', at('2027-03-02T10:00:00Z'))).toEqual({
        ok: true,
        value: undefined,
      });
      expect(await world().repos.apiKeys.revokeApiKey(accountId, 'nope', at('2027-03-02T10:00:00Z'))).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect((await world().repos.apiKeys.apiKeyByPrefix(key.prefix))?.revokedAt).toBe(at('2027-03-01T10:00:00Z'));
    });

    it('records the last use, never moving it backwards, and ignores an unknown key', async () => {
      const accountId = await world().newAccount();
      const key = aKey(accountId, 'k1', '2027-01-05T09:00:00Z');
      await world().repos.apiKeys.createApiKey(key);

      await world().repos.apiKeys.touchApiKey(accountId, 'k1', at('2027-03-01T10:00:00.250Z'));
      await world().repos.apiKeys.touchApiKey(accountId, 'k1', at('2027-03-01T09:00:00Z'));
      await world().repos.apiKeys.touchApiKey(accountId, 'nope', at('2027-03-01T11:00:00Z'));
      expect((await world().repos.apiKeys.apiKeyByPrefix(key.prefix))?.lastUsedAt).toBe(at('2027-03-01T10:00:00.250Z'));
    });
  });
}
