import { createHash } from 'node:crypto';
import { CalendarFeedOwner } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { SqlCalendarFeedTokens } from '../repositories/calendar-feed-token.repository';
import { ContractContext } from './context';

const SECRET = 'calendar-contract-secret-0123456789abcdef';

/** Calendar feed tokens: issued once per owner, shown again, rotated, gone with their owner; only hashes and sealed copies stored. */
export function calendarFeedsContract({ world }: ContractContext): void {
  describe('calendar feed tokens', () => {
    const clock = new ManualClock('2027-03-01T12:00:00Z');
    const tokens = (secret = SECRET) => new SqlCalendarFeedTokens(world().dataSource, { secret }, clock);
    const storedRows = (accountId: string) =>
      world().dataSource.query(
        'SELECT token_hash, person_id, hotline_id, sealed_token FROM calendar_feed_tokens WHERE account_id = ? ORDER BY person_id',
        [accountId],
      );

    it('issues one token per owner on the first ask, shows the same one again and resolves it to its owner', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'alice');
      await world().hotline(accountId, 'desk');
      const alice: CalendarFeedOwner = { kind: 'person', id: 'alice' };
      const desk: CalendarFeedOwner = { kind: 'hotline', id: 'desk' };
      const store = tokens();

      const [first, again] = await Promise.all([
        store.currentToken(accountId, alice),
        store.currentToken(accountId, alice),
      ]);
      const deskToken = await store.currentToken(accountId, desk);
      expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect([
        again,
        await store.currentToken(accountId, alice),
        await tokens().currentToken(accountId, alice),
      ]).toEqual([first, first, first]);
      expect(deskToken).not.toBe(first);
      expect(await store.resolveToken(first)).toEqual({ accountId, owner: alice });
      expect(await store.resolveToken(deskToken)).toEqual({ accountId, owner: desk });

      const rows = await storedRows(accountId);
      expect(rows).toHaveLength(2);
      const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
      expect(rows.map((r: { token_hash: string }) => r.token_hash).sort()).toEqual(
        [sha256(first), sha256(deskToken)].sort(),
      );
      expect(JSON.stringify(rows)).not.toContain(first);
    });

    it('rotates: the old token opens nothing at once, the new one is the one shown from then on', async () => {
      const accountId = await world().newAccount();
      await world().hotline(accountId, 'desk');
      const desk: CalendarFeedOwner = { kind: 'hotline', id: 'desk' };
      const store = tokens();
      const old = await store.currentToken(accountId, desk);
      const rotated = await store.rotateToken(accountId, desk);

      expect(rotated).not.toBe(old);
      expect([await store.resolveToken(old), await tokens().resolveToken(rotated)]).toEqual([
        undefined,
        { accountId, owner: desk },
      ]);
      expect(await store.currentToken(accountId, desk)).toBe(rotated);
    });

    it('refuses malformed and unknown tokens, and issues a new token when the secret changed', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'bob');
      const bob: CalendarFeedOwner = { kind: 'person', id: 'bob' };
      const before = await tokens().currentToken(accountId, bob);
      for (const bad of ['', 'x', `${before}=`, 'A'.repeat(43), "' OR 1=1 --"])
        expect(await tokens().resolveToken(bad)).toBeUndefined();

      const other = tokens('another-secret-for-calendar-feeds-0123456789');
      const after = await other.currentToken(accountId, bob);
      expect(after).not.toBe(before);
      expect([await other.resolveToken(before), await other.resolveToken(after)]).toEqual([
        undefined,
        { accountId, owner: bob },
      ]);
      expect(await storedRows(accountId)).toHaveLength(1);
      expect(() => tokens('too short')).toThrow(expect.objectContaining({ code: 'INVALID_SECRET', field: 'secret' }));
    });

    it("goes with its owner, and never opens another account's owner", async () => {
      const accountId = await world().newAccount();
      const otherAccount = await world().newAccount();
      await world().person(accountId, 'carol');
      await world().hotline(accountId, 'desk');
      await world().person(otherAccount, 'carol');
      const store = tokens();
      const carol = await store.currentToken(accountId, { kind: 'person', id: 'carol' });
      const desk = await store.currentToken(accountId, { kind: 'hotline', id: 'desk' });
      const theirs = await store.currentToken(otherAccount, { kind: 'person', id: 'carol' });
      expect(theirs).not.toBe(carol);
      expect(await store.resolveToken(theirs)).toEqual({
        accountId: otherAccount,
        owner: { kind: 'person', id: 'carol' },
      });

      expect((await world().repos.people.deletePerson(accountId, 'carol')).ok).toBe(true);
      expect((await world().repos.hotlines.delete(accountId, 'desk')).ok).toBe(true);
      expect([await store.resolveToken(carol), await store.resolveToken(desk)]).toEqual([undefined, undefined]);
      expect(await storedRows(accountId)).toEqual([]);
      expect(await store.resolveToken(theirs)).toEqual({
        accountId: otherAccount,
        owner: { kind: 'person', id: 'carol' },
      });
    });
  });
}
