import { person } from '@dutyline/domain';
import { InMemoryDatabase } from './in-memory-database';
import { InMemoryPersonRepository } from './in-memory-repositories';

const named = (id: string, name: string) => person({ id, accountId: 'acct-a', name, colour: '#1f77b4' });

describe('in-memory repositories keep the port contract', () => {
  const repository = async () => {
    const people = new InMemoryPersonRepository(new InMemoryDatabase());
    for (const p of [
      named('p1', 'Émile'),
      named('p2', 'alice'),
      named('p3', 'Bob'),
      named('p4', 'Alice'),
      person({ id: 'p5', accountId: 'acct-b', name: 'Aaron', colour: '#1f77b4' }),
    ]) {
      await people.savePerson(p);
    }
    return people;
  };

  it('pages by name without regard to case or accents, then id, within the account', async () => {
    const people = await repository();
    const first = await people.listPeople('acct-a', { first: 2 });
    const second = await people.listPeople('acct-a', { first: 2, after: first.nextCursor });
    expect([first.items.map((p) => p.id), second.items.map((p) => p.id), second.nextCursor]).toEqual([
      ['p2', 'p4'],
      ['p3', 'p1'],
      null,
    ]);
  });

  it.each([
    [{ first: 0 }, 'INVALID_PAGE_SIZE', 'first'],
    [{ first: 201 }, 'INVALID_PAGE_SIZE', 'first'],
    [{ after: 'not-a-cursor' }, 'INVALID_CURSOR', 'after'],
  ])('refuses the page request %j', async (page, code, field) => {
    const people = await repository();
    await expect(people.listPeople('acct-a', page)).rejects.toMatchObject({ code, field });
  });

  it('answers batches in the order asked, absent and foreign ids left out, duplicates once', async () => {
    const people = await repository();
    expect((await people.peopleByIds('acct-a', ['p3', 'p5', 'nope', 'p1', 'p3'])).map((p) => p.id)).toEqual([
      'p3',
      'p1',
    ]);
  });
});
