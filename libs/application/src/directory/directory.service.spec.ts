import { DISTINCT_PALETTE, parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InMemoryDutyline, aCaller, refusalOf, seedSampleDirectory, valueOf } from '../testing';

const caller = aCaller('acct-a', 'user-a');
const stranger = aCaller('acct-b', 'user-b');

async function world() {
  const store = new InMemoryDutyline(new ManualClock('2027-03-20T09:00:00Z'), new SequentialIds('id'));
  const app = store.application();
  return { store, app, directory: app.directory };
}

const refused = (promise: Promise<unknown>, code: string, field: string) =>
  expect(promise).rejects.toMatchObject({ name: 'ValidationError', code, field });

const numbersOf = (p: { contactNumbers: readonly { number: { e164: string }; enabled: boolean }[] }) =>
  p.contactNumbers.map((n) => `${n.number.e164}${n.enabled ? '' : ' (disabled)'}`);

describe('DirectoryService: people (F1)', () => {
  it('gives each new person the next distinct colour, unless one is chosen', async () => {
    const { directory } = await world();
    const first = await directory.createPerson(caller, { name: 'Alice' });
    const chosen = await directory.createPerson(caller, { name: 'Bob', colour: DISTINCT_PALETTE[1] });
    const third = await directory.createPerson(caller, { name: 'Carol' });
    expect([first, chosen, third].map((p) => p.colour.hex)).toEqual([
      DISTINCT_PALETTE[0],
      DISTINCT_PALETTE[1],
      DISTINCT_PALETTE[2],
    ]);
  });

  it("picks colours per account: another account's people do not count", async () => {
    const { directory } = await world();
    await directory.createPerson(stranger, { name: 'Zoe' });
    expect((await directory.createPerson(caller, { name: 'Alice' })).colour.hex).toBe(DISTINCT_PALETTE[0]);
  });

  it("finds the account's person by e-mail whatever its case, past the first page, never another account's", async () => {
    const { directory } = await world();
    for (let i = 0; i < 205; i++)
      await directory.createPerson(caller, {
        name: `Agent ${String(i).padStart(3, '0')}`,
        colour: DISTINCT_PALETTE[0],
      });
    const zoe = await directory.createPerson(caller, { name: 'Zoé', email: 'Zoe.Martin@Example.com' });
    await directory.createPerson(stranger, { name: 'Other', email: 'other@example.com' });
    expect((await directory.personByEmail(caller, 'zoe.martin@EXAMPLE.com'))?.id).toBe(zoe.id);
    expect(await directory.personByEmail(caller, 'other@example.com')).toBeUndefined();
    expect(await directory.personByEmail(caller, '')).toBeUndefined();
  });

  it('normalises numbers to E.164 and records the creation with its actor', async () => {
    const { store, directory } = await world();
    const alice = await directory.createPerson(caller, {
      name: 'Alice',
      email: 'Alice@Example.COM',
      contactNumbers: [{ number: '+33 6 12 34 56 78', label: 'mobile', ringTimeoutSeconds: 20 }],
    });
    expect(numbersOf(alice)).toEqual(['+33612345678']);
    expect(alice.email?.value).toBe('Alice@example.com');
    expect(store.audit.entries('acct-a')).toEqual([
      expect.objectContaining({
        action: 'person.created',
        entityType: 'person',
        entityId: alice.id,
        actor: { kind: 'user', id: 'user-a' },
        before: null,
        at: parseInstant('2027-03-20T09:00:00Z'),
      }),
    ]);
    expect(store.audit.entries('acct-a')[0].after).toMatchObject({
      name: 'Alice',
      contactNumbers: [{ number: '+33612345678', label: 'mobile', ringTimeout: 20, enabled: true }],
    });
  });

  it.each([
    ['a blank name', { name: ' ' }, 'REQUIRED', 'name'],
    [
      'an invalid second number',
      { name: 'A', contactNumbers: [{ number: '+33612345678' }, { number: '+33 12' }] },
      'INVALID_PHONE_NUMBER',
      'contactNumbers[1].number',
    ],
    [
      'a national number',
      { name: 'A', contactNumbers: [{ number: '06 12 34 56 78' }] },
      'INVALID_PHONE_NUMBER',
      'contactNumbers[0].number',
    ],
    [
      'a ring timeout too short',
      { name: 'A', contactNumbers: [{ number: '+33612345678', ringTimeoutSeconds: 2 }] },
      'INVALID_RING_TIMEOUT',
      'contactNumbers[0].ringTimeoutSeconds',
    ],
    [
      'the same number twice',
      { name: 'A', contactNumbers: [{ number: '+33612345678' }, { number: '+33 6 12 34 56 78' }] },
      'DUPLICATE_NUMBER',
      'contactNumbers[1].number',
    ],
    ['a bad e-mail', { name: 'A', email: 'alice@' }, 'INVALID_EMAIL', 'email'],
    ['a bad colour', { name: 'A', colour: 'red' }, 'INVALID_COLOUR', 'colour'],
  ])('refuses %s, naming the field', async (_, input, code, field) => {
    const { store, directory } = await world();
    await refused(directory.createPerson(caller, input), code, field);
    expect(store.audit.entries('acct-a')).toEqual([]);
  });

  it('adds a number at a position, reorders, disables and removes numbers, each audited', async () => {
    const { store, directory } = await world();
    const p = await directory.createPerson(caller, {
      name: 'Alice',
      contactNumbers: [{ number: '+33612345678' }, { number: '+33140000001' }],
    });
    const steps = [
      () => directory.addContactNumber(caller, p.id, { number: '+442071838750', label: 'London', position: 0 }),
      () => directory.reorderContactNumbers(caller, p.id, ['+33612345678', '+33 1 40 00 00 01', '+442071838750']),
      () => directory.setContactNumberEnabled(caller, p.id, { number: '+33140000001', enabled: false }),
      () => directory.removeContactNumber(caller, p.id, '+442071838750'),
    ];
    const seen = [];
    for (const step of steps) seen.push(numbersOf(valueOf(await step())));
    expect(seen).toEqual([
      ['+442071838750', '+33612345678', '+33140000001'],
      ['+33612345678', '+33140000001', '+442071838750'],
      ['+33612345678', '+33140000001 (disabled)', '+442071838750'],
      ['+33612345678', '+33140000001 (disabled)'],
    ]);
    expect(store.audit.entries('acct-a').map((e) => e.action)).toEqual([
      'person.created',
      'person.number-added',
      'person.numbers-reordered',
      'person.number-disabled',
      'person.number-removed',
    ]);
  });

  it.each([
    [
      'adding a number already listed',
      (d: Dir, id: string) => d.addContactNumber(caller, id, { number: '+33 6 12 34 56 78' }),
      'DUPLICATE_NUMBER',
      'number',
    ],
    [
      'adding an invalid number',
      (d: Dir, id: string) => d.addContactNumber(caller, id, { number: '123' }),
      'INVALID_PHONE_NUMBER',
      'number',
    ],
    [
      'adding past the end',
      (d: Dir, id: string) => d.addContactNumber(caller, id, { number: '+33140000009', position: 3 }),
      'INVALID_POSITION',
      'position',
    ],
    [
      'reordering with a stranger number',
      (d: Dir, id: string) => d.reorderContactNumbers(caller, id, ['+33612345678', '+33140000009']),
      'UNKNOWN_NUMBER',
      'order[1]',
    ],
    [
      'reordering with one missing',
      (d: Dir, id: string) => d.reorderContactNumbers(caller, id, ['+33612345678']),
      'INVALID_ORDER',
      'order',
    ],
    [
      'disabling a number not theirs',
      (d: Dir, id: string) => d.setContactNumberEnabled(caller, id, { number: '+33140000009', enabled: false }),
      'UNKNOWN_NUMBER',
      'number',
    ],
    [
      'a malformed person id',
      (d: Dir) => d.removeContactNumber(caller, 'bad id!', '+33612345678'),
      'INVALID_ID',
      'personId',
    ],
  ])('refuses %s', async (_, act, code, field) => {
    const { directory } = await world();
    const p = await directory.createPerson(caller, {
      name: 'Alice',
      contactNumbers: [{ number: '+33612345678' }, { number: '+33140000001' }],
    });
    await refused(act(directory, p.id), code, field);
    expect(numbersOf((await directory.person(caller, p.id))!)).toEqual(['+33612345678', '+33140000001']);
  });

  it('updates only the fields given and removes the e-mail with null', async () => {
    const { directory } = await world();
    const p = await directory.createPerson(caller, {
      name: 'Alice',
      email: 'alice@example.com',
      contactNumbers: [{ number: '+33612345678' }],
    });
    const updated = valueOf(await directory.updatePerson(caller, p.id, { name: 'Alice Martin', email: null }));
    expect(updated).toMatchObject({ name: 'Alice Martin', email: null, colour: p.colour });
    expect(numbersOf(updated)).toEqual(['+33612345678']);
  });

  it('refuses deleting someone still on a team, then deletes them once free', async () => {
    const { store, directory } = await world();
    const p = await directory.createPerson(caller, { name: 'Alice' });
    const team = await directory.createTeam(caller, { name: 'Crew', memberIds: [p.id] });
    expect(refusalOf(await directory.deletePerson(caller, p.id))).toMatchObject({
      code: 'IN_USE',
      usedBy: [{ kind: 'team', id: team.id }],
    });
    valueOf(await directory.setTeamMembers(caller, team.id, []));
    valueOf(await directory.deletePerson(caller, p.id));
    expect(await directory.person(caller, p.id)).toBeUndefined();
    expect(store.audit.entries('acct-a').at(-1)).toMatchObject({
      action: 'person.deleted',
      before: expect.objectContaining({ name: 'Alice' }),
      after: null,
    });
  });

  it.each([
    ['read', (d: Dir, id: string) => d.person(stranger, id).then((p) => (p ? 'found' : 'absent'))],
    [
      'update',
      (d: Dir, id: string) =>
        d.updatePerson(stranger, id, { name: 'X' }).then((r) => (r.ok ? 'changed' : r.error.code)),
    ],
    [
      'add a number',
      (d: Dir, id: string) =>
        d.addContactNumber(stranger, id, { number: '+33140000009' }).then((r) => (r.ok ? 'changed' : r.error.code)),
    ],
    ['delete', (d: Dir, id: string) => d.deletePerson(stranger, id).then((r) => (r.ok ? 'deleted' : r.error.code))],
  ])("cannot %s another account's person", async (_, act) => {
    const { directory } = await world();
    const p = await directory.createPerson(caller, { name: 'Alice' });
    expect(await act(directory, p.id)).toMatch(/absent|NOT_FOUND/);
    expect((await directory.person(caller, p.id))?.name).toBe('Alice');
  });
});

type Dir = Awaited<ReturnType<typeof world>>['directory'];

describe('DirectoryService: teams (F2)', () => {
  it('creates a team with members in order, reorders them and lists teams by name', async () => {
    const { app, directory } = await world();
    const { alice, bob, carol, crew } = await seedSampleDirectory(app, caller);
    expect(crew.memberIds).toEqual([bob.id, carol.id]);
    expect(crew.colour.hex).toBe(DISTINCT_PALETTE[3]);
    valueOf(await directory.setTeamMembers(caller, crew.id, [carol.id, alice.id, bob.id]));
    await directory.createTeam(caller, { name: 'accueil', memberIds: [alice.id] });
    expect((await directory.teams(caller)).items.map((t) => `${t.name}: ${t.memberIds.length}`)).toEqual([
      'accueil: 1',
      'Maintenance crew: 3',
    ]);
  });

  it.each([
    [
      'a member of another account',
      (ids: { own: string; foreign: string }) => [ids.own, ids.foreign],
      'UNKNOWN_PERSON',
      'memberIds[1]',
    ],
    [
      'a member twice',
      (ids: { own: string; foreign: string }) => [ids.own, ids.own],
      'DUPLICATE_MEMBER',
      'memberIds[1]',
    ],
    ['a malformed id', () => ['x y'], 'INVALID_ID', 'memberIds[0]'],
  ])('refuses %s', async (_, members, code, field) => {
    const { directory } = await world();
    const own = await directory.createPerson(caller, { name: 'Alice' });
    const foreign = await directory.createPerson(stranger, { name: 'Zoe' });
    await refused(
      directory.createTeam(caller, { name: 'Crew', memberIds: members({ own: own.id, foreign: foreign.id }) }),
      code,
      field,
    );
  });

  it('refuses deleting a team on the schedule, and deletes it once free', async () => {
    const { app, directory } = await world();
    const { hotline, crew } = await seedSampleDirectory(app, caller);
    const written = valueOf(
      await app.schedule.createSlots(caller, hotline.id, {
        slots: [{ start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [{ kind: 'team', id: crew.id }] }],
      }),
    );
    expect(refusalOf(await directory.deleteTeam(caller, crew.id))).toMatchObject({
      code: 'IN_USE',
      usedBy: [{ kind: 'slot', id: written.added[0].id }],
    });
    valueOf(await app.schedule.deleteSlots(caller, hotline.id, { ids: [written.added[0].id] }));
    expect(valueOf(await directory.deleteTeam(caller, crew.id)).id).toBe(crew.id);
    expect(refusalOf(await directory.deleteTeam(caller, crew.id))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});
