import { createHash, randomBytes } from 'node:crypto';
import { EmailAddress, OneTimeToken, OneTimeTokenPurpose, User } from '@dutyline/domain';
import { deleteAccount } from '../database/account-deletion';
import { SqlOneTimeTokenRepository } from '../repositories/one-time-token.repository';
import { ContractContext } from './context';
import { CREATED_AT } from './world';

const HOUR = 3600_000;
const NOW = CREATED_AT + HOUR;
const newHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

function aToken(accountId: string, id: string, overrides: Partial<OneTimeToken> = {}): OneTimeToken {
  return {
    id,
    accountId,
    purpose: 'invitation' as OneTimeTokenPurpose,
    tokenHash: newHash(),
    userId: null,
    email: EmailAddress.parse(`${id}@example.org`),
    name: `Invitee ${id}`,
    role: 'supervisor',
    createdBy: null,
    createdAt: NOW,
    expiresAt: NOW + 72 * HOUR,
    usedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

function aUser(accountId: string, id: string, email: string): User {
  return {
    id,
    accountId,
    email: EmailAddress.parse(email),
    name: `User ${id}`,
    role: 'member',
    passwordHash: `scrypt$x$${id}`,
    createdAt: CREATED_AT,
  };
}

/** Single-use link tokens (invitations, password resets, e-mail verification) and unverified e-mails. */
export function oneTimeTokensContract({ world }: ContractContext): void {
  describe('one-time tokens', () => {
    const tokens = () => new SqlOneTimeTokenRepository(world().dataSource);

    it("stores a token and finds it by hash and by id, another account's id finding nothing", async () => {
      const a = await world().newAccount();
      const b = await world().newAccount();
      const token = aToken(a, 't1', { createdBy: 'admin-1' });
      await tokens().issueToken(token, NOW);
      expect(await tokens().tokenByHash(token.tokenHash)).toEqual(token);
      expect(await tokens().token(a, 't1')).toEqual(token);
      expect(await tokens().token(b, 't1')).toBeUndefined();
      expect(await tokens().tokenByHash(newHash())).toBeUndefined();
    });

    it('uses a token once, even when two uses race; a used, revoked or expired one is never used again', async () => {
      const a = await world().newAccount();
      await tokens().issueToken(aToken(a, 'race'), NOW);
      const uses = await Promise.all([tokens().useToken(a, 'race', NOW + 1), tokens().useToken(a, 'race', NOW + 1)]);
      expect(uses.sort()).toEqual([false, true]);
      expect((await tokens().token(a, 'race'))?.usedAt).toBe(NOW + 1);

      await tokens().issueToken(aToken(a, 'revoked'), NOW);
      expect(await tokens().revokeToken(a, 'revoked', NOW + 1)).toBe(true);
      expect(await tokens().revokeToken(a, 'revoked', NOW + 2)).toBe(false);
      expect(await tokens().useToken(a, 'revoked', NOW + 2)).toBe(false);

      await tokens().issueToken(aToken(a, 'expiring', { expiresAt: NOW + HOUR }), NOW);
      expect(await tokens().useToken(a, 'expiring', NOW + HOUR)).toBe(false);
      expect(await tokens().useToken(a, 'expiring', NOW + HOUR - 1)).toBe(true);
    });

    it('purges the tokens expired by the time a new one is issued, of every account', async () => {
      const a = await world().newAccount();
      const b = await world().newAccount();
      await tokens().issueToken(aToken(a, 'old', { expiresAt: NOW + HOUR }), NOW);
      await tokens().issueToken(aToken(b, 'used', { expiresAt: NOW + 3 * HOUR }), NOW);
      await tokens().useToken(b, 'used', NOW);
      await tokens().issueToken(aToken(b, 'new'), NOW + 2 * HOUR);
      expect(await tokens().token(a, 'old')).toBeUndefined();
      expect((await tokens().token(b, 'used'))?.usedAt).toBe(NOW);
      expect(await tokens().token(b, 'new')).toBeDefined();
    });

    it('lists the open invitations of one account, newest first', async () => {
      const a = await world().newAccount();
      const b = await world().newAccount();
      await tokens().issueToken(aToken(a, 'first', { createdAt: NOW }), NOW);
      await tokens().issueToken(aToken(a, 'second', { createdAt: NOW + 10 }), NOW);
      await tokens().issueToken(aToken(a, 'used', { createdAt: NOW + 20 }), NOW);
      await tokens().issueToken(aToken(a, 'revoked', { createdAt: NOW + 30 }), NOW);
      await tokens().issueToken(aToken(a, 'short', { createdAt: NOW + 40, expiresAt: NOW + 100 }), NOW);
      await tokens().issueToken(aToken(a, 'reset', { purpose: 'password-reset', createdAt: NOW + 50 }), NOW);
      await tokens().issueToken(aToken(b, 'other', { createdAt: NOW + 60 }), NOW);
      await tokens().useToken(a, 'used', NOW);
      await tokens().revokeToken(a, 'revoked', NOW);
      expect((await tokens().pendingInvitations(a, NOW + 100)).map((t) => t.id)).toEqual(['second', 'first']);
      expect((await tokens().pendingInvitations(a, NOW + 99)).map((t) => t.id)).toEqual(['short', 'second', 'first']);
    });

    it('reissues an open token: the new hash finds it, the old one nothing; a revoked one is not reissued', async () => {
      const a = await world().newAccount();
      const token = aToken(a, 'resent');
      await tokens().issueToken(token, NOW);
      const change = { tokenHash: newHash(), expiresAt: NOW + 100 * HOUR };
      expect(await tokens().reissueToken(a, 'resent', { ...change, now: NOW + 1 })).toBe(true);
      expect(await tokens().tokenByHash(token.tokenHash)).toBeUndefined();
      expect(await tokens().tokenByHash(change.tokenHash)).toEqual({ ...token, ...change });
      await tokens().revokeToken(a, 'resent', NOW + 2);
      expect(
        await tokens().reissueToken(a, 'resent', { tokenHash: newHash(), expiresAt: NOW + 200 * HOUR, now: NOW + 3 }),
      ).toBe(false);
    });

    it('accepts an invitation once, creating its user; an e-mail taken meanwhile leaves it open', async () => {
      const a = await world().newAccount();
      await tokens().issueToken(aToken(a, 'inv'), NOW);
      const user = aUser(a, 'u-new', 'inv@example.org');
      expect(await tokens().acceptInvitation('inv', user, NOW)).toEqual({ ok: true, value: undefined });
      expect(await world().repos.accounts.user(a, 'u-new')).toEqual(user);
      expect(await tokens().acceptInvitation('inv', aUser(a, 'u-again', 'again@example.org'), NOW)).toEqual({
        ok: false,
        error: { code: 'INVALID_TOKEN' },
      });
      expect(await world().repos.accounts.user(a, 'u-again')).toBeUndefined();

      await tokens().issueToken(aToken(a, 'taken'), NOW);
      expect(await tokens().acceptInvitation('taken', aUser(a, 'u-dup', 'INV@example.org'), NOW)).toEqual({
        ok: false,
        error: { code: 'EMAIL_TAKEN' },
      });
      expect((await tokens().token(a, 'taken'))?.usedAt).toBeNull();
      expect(await world().repos.accounts.user(a, 'u-dup')).toBeUndefined();
    });

    it('creates a signed-up account with its unverified admin; a verification link verifies once, and the others die with it', async () => {
      const accountId = `${await world().newAccount()}-su`;
      const admin = { ...aUser(accountId, 'admin', 'founder@example.org'), role: 'admin' as const };
      const verification = aToken(accountId, 'verify', {
        purpose: 'email-verification',
        userId: 'admin',
        name: null,
        role: null,
      });
      try {
        await tokens().createSignedUpAccount({ id: accountId, name: 'Founded', createdAt: NOW }, admin, verification);
        expect(await world().repos.accounts.user(accountId, 'admin')).toEqual(admin);
        await tokens().issueToken({ ...verification, id: 'resent', tokenHash: newHash() }, NOW);
        expect(await tokens().unverifiedUsers(accountId, ['admin', 'nobody'])).toEqual(new Set(['admin']));
        expect(await tokens().verifyEmail(accountId, 'verify', NOW + 1)).toBe(true);
        expect(await tokens().unverifiedUsers(accountId, ['admin'])).toEqual(new Set());
        expect(await tokens().verifyEmail(accountId, 'verify', NOW + 2)).toBe(false);
        expect((await tokens().token(accountId, 'resent'))?.revokedAt).toBe(NOW + 1);
      } finally {
        await deleteAccount(world().dataSource, accountId);
      }
      expect(await tokens().token(accountId, 'verify')).toBeUndefined();
    });

    it("revokes the open tokens of one purpose for one user, and a user's tokens go with the user", async () => {
      const a = await world().newAccount();
      await world().repos.accounts.saveUser(aUser(a, 'u1', 'u1@example.org'));
      await world().repos.accounts.saveUser(aUser(a, 'u2', 'u2@example.org'));
      const reset = (id: string, userId: string) =>
        aToken(a, id, { purpose: 'password-reset', userId, name: null, role: null });
      for (const token of [
        reset('r1', 'u1'),
        reset('r2', 'u1'),
        reset('r3', 'u2'),
        aToken(a, 'v1', { purpose: 'email-verification', userId: 'u1' }),
      ]) {
        await tokens().issueToken(token, NOW);
      }
      await tokens().revokeUserTokens(a, 'u1', { purpose: 'password-reset', now: NOW + 1 });
      const revokedAt = async (id: string) => (await tokens().token(a, id))?.revokedAt;
      expect([await revokedAt('r1'), await revokedAt('r2'), await revokedAt('r3'), await revokedAt('v1')]).toEqual([
        NOW + 1,
        NOW + 1,
        null,
        null,
      ]);

      await world().dataSource.query('DELETE FROM users WHERE account_id = ? AND id = ?', [a, 'u2']);
      expect(await tokens().token(a, 'r3')).toBeUndefined();
    });
  });
}
