import { MAX_PAGE_SIZE, person } from '@dutyline/domain';
import { SqlPersonRepository } from '../repositories';
import { ContractContext } from './context';
import { override, personRef, refusal, slot, teamRef } from './world';

const names = (people: readonly { name: string }[]) => people.map((p) => p.name);

/** People and teams: round trips, batches, pages, deletion rules. */
export function directoryContract({ world, backend }: ContractContext): void {
  describe('people', () => {
    it('round-trips a person with numbers of several countries, in order, with labels, timeouts and disabled ones, and their call cap', async () => {
      const accountId = await world().newAccount();
      const elodie = person({
        id: 'elodie',
        accountId,
        name: 'Élodie Martin-Šťastná',
        colour: '#D62728',
        email: 'Elodie.Martin@Example.COM',
        maxSimultaneousCalls: 3,
        contactNumbers: [
          { number: '+33 6 12 34 56 78', label: 'mobile', ringTimeoutSeconds: 20 },
          { number: '+14155552671', label: 'US office', ringTimeoutSeconds: 120, enabled: false },
          { number: '+442079460958', label: 'London', ringTimeoutSeconds: 5 },
          { number: '+819012345678', label: '携帯' },
          { number: '+61412345678', label: 'Lord Howe' },
        ],
      });
      await world().repos.people.savePerson(elodie);

      expect(await world().repos.people.person(accountId, 'elodie')).toEqual(elodie);
    });

    it('round-trips a person without e-mail or numbers', async () => {
      const accountId = await world().newAccount();
      const bare = await world().person(accountId, 'bare', { email: null, contactNumbers: [] });

      expect(await world().repos.people.person(accountId, 'bare')).toEqual(bare);
    });

    it('keeps a changed call cap, and the default of one call when it is lowered back', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'ana', { maxSimultaneousCalls: 2 });
      expect((await world().repos.people.person(accountId, 'ana'))?.maxSimultaneousCalls).toBe(2);
      await world().person(accountId, 'ana', {});
      expect((await world().repos.people.person(accountId, 'ana'))?.maxSimultaneousCalls).toBe(1);
    });

    it('replaces the numbers when a person is saved again (reordered, one removed)', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'ana', {
        contactNumbers: [{ number: '+33612345678' }, { number: '+14155552671' }, { number: '+442079460958' }],
      });
      await world().person(accountId, 'ana', {
        name: 'Ana B.',
        contactNumbers: [{ number: '+442079460958' }, { number: '+33612345678' }],
      });

      const ana = await world().repos.people.person(accountId, 'ana');
      expect([ana?.name, ...(ana?.contactNumbers ?? []).map((n) => n.number.e164)]).toEqual([
        'Ana B.',
        '+442079460958',
        '+33612345678',
      ]);
    });

    it('loads many people in the order asked, leaving out absent ids and repeating none, in one query (the people joined with their numbers)', async () => {
      const accountId = await world().newAccount();
      const ids = Array.from({ length: 50 }, (_, i) => `p${String(i).padStart(2, '0')}`);
      for (const id of ids)
        await world().person(accountId, id, {
          contactNumbers: [{ number: '+33612345678' }, { number: '+14155552671' }],
        });
      const queries: string[] = [];
      const counted = await backend.connect({ onQuery: (sql) => queries.push(sql) });
      queries.length = 0; // connecting and migrating are not part of the count
      try {
        const asked = ['p49', 'ghost', ...ids.slice(0, 49).reverse(), 'p49'];
        const loaded = await new SqlPersonRepository(counted).peopleByIds(accountId, asked);

        expect(loaded.map((p) => p.id)).toEqual(['p49', ...ids.slice(0, 49).reverse()]);
        expect(loaded.every((p) => p.contactNumbers.length === 2)).toBe(true);
        expect(queries).toHaveLength(1);
      } finally {
        await counted.destroy();
      }
    });

    it('pages through people by name, ignoring case and accents, with a cursor', async () => {
      const accountId = await world().newAccount();
      for (const [id, name] of [
        ['z', 'zoé'],
        ['e', 'Élodie'],
        ['b2', 'bob'],
        ['a', 'alice'],
        ['b1', 'Bob'],
      ]) {
        await world().person(accountId, id, { name });
      }
      const seen: string[][] = [];
      let after: string | null = null;
      do {
        const page = await world().repos.people.listPeople(accountId, { first: 2, after });
        seen.push(names(page.items));
        after = page.nextCursor;
      } while (after !== null && seen.length < 10);

      expect(seen).toEqual([['alice', 'Bob'], ['bob', 'Élodie'], ['zoé']]);
    });

    it('ends on an exactly full page with no next cursor', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'a', { name: 'A' });
      await world().person(accountId, 'b', { name: 'B' });

      const page = await world().repos.people.listPeople(accountId, { first: 2 });
      expect([names(page.items), page.nextCursor]).toEqual([['A', 'B'], null]);
    });

    it.each([
      [{ first: 0 }, 'INVALID_PAGE_SIZE', 'first'],
      [{ first: MAX_PAGE_SIZE + 1 }, 'INVALID_PAGE_SIZE', 'first'],
      [{ first: 2.5 }, 'INVALID_PAGE_SIZE', 'first'],
      [{ after: 'not a cursor' }, 'INVALID_CURSOR', 'after'],
      [{ after: Buffer.from('{"x":1}').toString('base64url') }, 'INVALID_CURSOR', 'after'],
    ])('refuses the page request %j', async (request, code, field) => {
      const accountId = await world().newAccount();
      expect(await refusal(() => world().repos.people.listPeople(accountId, request))).toEqual({ code, field });
    });

    it('deletes a person nobody names, with their numbers', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'gone');

      expect(await world().repos.people.deletePerson(accountId, 'gone')).toEqual({ ok: true, value: undefined });
      expect(await world().repos.people.person(accountId, 'gone')).toBeUndefined();
      expect(await world().repos.people.deletePerson(accountId, 'gone')).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('refuses to delete a person still named by a team, a hotline, a slot or an override, and says which', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'alice');
      await world().team(accountId, 'night', { memberIds: ['alice'] });
      const h = await world().hotline(accountId, 'h1', { supervisorIds: ['alice'] });
      await world().repos.schedule.applyChange(accountId, h.id, {
        expectedVersion: 0,
        change: {
          added: [
            slot('s1', h.id, { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [personRef('alice')] }),
          ],
          updated: [],
          removedIds: [],
        },
      });
      await world().repos.schedule.saveOverride(
        accountId,
        override('o1', h.id, {
          start: '2027-03-27T10:00:00Z',
          end: '2027-03-27T14:00:00Z',
          assignees: [personRef('alice')],
        }),
      );

      expect(await world().repos.people.deletePerson(accountId, 'alice')).toEqual({
        ok: false,
        error: {
          code: 'IN_USE',
          usedBy: [
            { kind: 'team', id: 'night' },
            { kind: 'hotline', id: 'h1' },
            { kind: 'slot', id: 's1' },
            { kind: 'override', id: 'o1' },
          ],
        },
      });
      expect((await world().repos.people.person(accountId, 'alice'))?.id).toBe('alice');
    });
  });

  describe('teams', () => {
    it('round-trips a team with its members in order', async () => {
      const accountId = await world().newAccount();
      for (const id of ['c', 'a', 'b']) await world().person(accountId, id);
      const crew = await world().team(accountId, 'crew', { memberIds: ['c', 'a', 'b'] });

      expect(await world().repos.teams.team(accountId, 'crew')).toEqual(crew);
      await world().team(accountId, 'crew', { memberIds: ['b', 'c'] });
      expect((await world().repos.teams.team(accountId, 'crew'))?.memberIds).toEqual(['b', 'c']);
    });

    it('refuses a member who is not a person of the account, naming the field', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'a');

      expect(await refusal(() => world().team(accountId, 'crew', { memberIds: ['a', 'ghost'] }))).toEqual({
        code: 'UNKNOWN_PERSON',
        field: 'memberIds[1]',
      });
      expect(await world().repos.teams.team(accountId, 'crew')).toBeUndefined();
    });

    it('loads teams in batches and pages through them by name', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'a');
      for (const [id, name] of [
        ['t3', 'Reception'],
        ['t1', 'maintenance'],
        ['t2', 'IT'],
      ])
        await world().team(accountId, id, { memberIds: ['a'], name });

      expect((await world().repos.teams.teamsByIds(accountId, ['t2', 'nope', 't1'])).map((t) => t.id)).toEqual([
        't2',
        't1',
      ]);
      const first = await world().repos.teams.listTeams(accountId, { first: 2 });
      const second = await world().repos.teams.listTeams(accountId, { first: 2, after: first.nextCursor });
      expect([names(first.items), names(second.items), second.nextCursor]).toEqual([
        ['IT', 'maintenance'],
        ['Reception'],
        null,
      ]);
    });

    it('refuses to delete a team on a slot, and deletes it once free', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'a');
      await world().team(accountId, 'crew', { memberIds: ['a'] });
      const h = await world().hotline(accountId, 'h1');
      await world().repos.schedule.applyChange(accountId, h.id, {
        expectedVersion: 0,
        change: {
          added: [
            slot('s1', h.id, {
              start: '2027-03-27T08:00',
              end: '2027-03-27T18:00',
              assignees: [teamRef('crew'), personRef('a')],
            }),
          ],
          updated: [],
          removedIds: [],
        },
      });

      expect(await world().repos.teams.deleteTeam(accountId, 'crew')).toEqual({
        ok: false,
        error: { code: 'IN_USE', usedBy: [{ kind: 'slot', id: 's1' }] },
      });
      await world().repos.schedule.applyChange(accountId, h.id, {
        expectedVersion: 1,
        change: { added: [], updated: [], removedIds: ['s1'] },
      });
      expect(await world().repos.teams.deleteTeam(accountId, 'crew')).toEqual({ ok: true, value: undefined });
      expect(await world().repos.teams.team(accountId, 'crew')).toBeUndefined();
    });
  });
}
