import { DISTINCT_PALETTE } from '@dutyline/domain';
import { describeWithMariaDb } from '@dutyline/test-support';
import { dataOf, expectCleanError, featureGateway, GQL } from '../testing/feature-fixtures';

const PERSON = 'id name colour email contactNumbers { number label ringTimeoutSeconds enabled country lineType }';
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { ${PERSON} } }`;
const ADD_NUMBER = `mutation($input: AddContactNumberInput!) { addContactNumber(input: $input) { ${PERSON} } }`;
const REMOVE_NUMBER = `mutation($input: ContactNumberRefInput!) { removeContactNumber(input: $input) { ${PERSON} } }`;
const REORDER = `mutation($input: ReorderContactNumbersInput!) { reorderContactNumbers(input: $input) { ${PERSON} } }`;
const ENABLE = `mutation($input: SetContactNumberEnabledInput!) { setContactNumberEnabled(input: $input) { ${PERSON} } }`;
const DELETE_PERSON = 'mutation($id: ID!) { deletePerson(id: $id) { id name } }';
const PEOPLE =
  'query($first: Int, $after: String) { people(first: $first, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }';
const TEAM = 'id name colour memberIds members { id name }';
const UPDATE_TEAM = `mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { ${TEAM} } }`;
const SET_MEMBERS = `mutation($input: SetTeamMembersInput!) { setTeamMembers(input: $input) { ${TEAM} } }`;
const DELETE_TEAM = 'mutation($id: ID!) { deleteTeam(id: $id) { id } }';
const TEAMS = `{ teams(first: 50) { edges { node { ${TEAM} } } } }`;

const numbers = (person: { contactNumbers: { number: string; enabled: boolean }[] }) =>
  person.contactNumbers.map((n) => `${n.number}${n.enabled ? '' : ' off'}`);

function directoryOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database);
  const as = f.as;

  it('creates people with distinct default colours, E.164 numbers and their line type', async () => {
    const first = (
      await dataOf(
        as(GQL.CREATE_PERSON, {
          input: {
            name: 'Émilie',
            contactNumbers: [{ number: '+33 6 12 34 56 78', label: 'mobile', ringTimeoutSeconds: 20 }],
          },
        }),
      )
    ).createPerson;
    const second = (await dataOf(as(GQL.CREATE_PERSON, { input: { name: 'Bruno', email: 'bruno@example.com' } })))
      .createPerson;
    expect([first.colour, second.colour]).toEqual([DISTINCT_PALETTE[0], DISTINCT_PALETTE[1]]);
    expect(first.contactNumbers).toEqual([
      { number: '+33612345678', label: 'mobile', ringTimeoutSeconds: 20, enabled: true },
    ]);
    const read = await dataOf(as(`query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: first.id }));
    expect(read.person.contactNumbers[0]).toMatchObject({ country: 'FR', lineType: 'MOBILE' });
  });

  it('sets, changes and keeps the cap on simultaneous calls (1 by default); a bad cap names the field', async () => {
    const CAPPED = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id maxSimultaneousCalls } }`;
    const plain = (await dataOf(as(CAPPED, { input: { name: 'Capped by default' } }))).createPerson;
    const two = (await dataOf(as(CAPPED, { input: { name: 'Takes two', maxSimultaneousCalls: 2 } }))).createPerson;
    expect([plain.maxSimultaneousCalls, two.maxSimultaneousCalls]).toEqual([1, 2]);
    const UPDATE = 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { name maxSimultaneousCalls } }';
    const changed = (await dataOf(as(UPDATE, { input: { id: two.id, maxSimultaneousCalls: 3 } }))).updatePerson;
    const renamed = (await dataOf(as(UPDATE, { input: { id: two.id, name: 'Takes three' } }))).updatePerson;
    expect([changed, renamed]).toEqual([
      { name: 'Takes two', maxSimultaneousCalls: 3 },
      { name: 'Takes three', maxSimultaneousCalls: 3 },
    ]);
    for (const bad of [
      as(CAPPED, { input: { name: 'Nobody', maxSimultaneousCalls: 0 } }),
      as(UPDATE, { input: { id: two.id, maxSimultaneousCalls: 21 } }),
    ]) {
      const answer = await bad;
      expectCleanError(answer);
      expect(answer.body.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_MAX_SIMULTANEOUS_CALLS',
        field: 'input.maxSimultaneousCalls',
      });
    }
  });

  it('adds, reorders, disables and removes numbers, and updates only the fields given', async () => {
    const p = (
      await dataOf(
        as(GQL.CREATE_PERSON, {
          input: {
            name: 'Numbers',
            email: 'n@example.com',
            contactNumbers: [{ number: '+33612345678' }, { number: '+33140000001' }],
          },
        }),
      )
    ).createPerson;
    const steps: [string, Record<string, unknown>, string][] = [
      [ADD_NUMBER, { personId: p.id, number: '+442071838750', label: 'London', position: 0 }, 'addContactNumber'],
      [
        REORDER,
        { personId: p.id, order: ['+33612345678', '+33 1 40 00 00 01', '+442071838750'] },
        'reorderContactNumbers',
      ],
      [ENABLE, { personId: p.id, number: '+33140000001', enabled: false }, 'setContactNumberEnabled'],
      [REMOVE_NUMBER, { personId: p.id, number: '+442071838750' }, 'removeContactNumber'],
    ];
    const seen = [];
    for (const [query, input, field] of steps) seen.push(numbers((await dataOf(as(query, { input })))[field]));
    expect(seen).toEqual([
      ['+442071838750', '+33612345678', '+33140000001'],
      ['+33612345678', '+33140000001', '+442071838750'],
      ['+33612345678', '+33140000001 off', '+442071838750'],
      ['+33612345678', '+33140000001 off'],
    ]);
    const updated = (await dataOf(as(UPDATE_PERSON, { input: { id: p.id, name: 'Renamed', email: null } })))
      .updatePerson;
    expect(updated).toMatchObject({ name: 'Renamed', email: null, colour: p.colour });
    expect(numbers(updated)).toEqual(['+33612345678', '+33140000001 off']);
  });

  it('pages through people by name with cursors', async () => {
    for (const name of ['Page-c', 'page-a', 'Page-b']) await dataOf(as(GQL.CREATE_PERSON, { input: { name } }));
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        people: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      } = await dataOf(as(PEOPLE, { first: 2, after }));
      names.push(...page.people.edges.map((e) => e.node.name));
      after = page.people.pageInfo.hasNextPage ? page.people.pageInfo.endCursor : null;
    } while (after);
    expect(names.filter((n) => n.toLowerCase().startsWith('page-'))).toEqual(['page-a', 'Page-b', 'Page-c']);
  });

  it('creates, renames, reorders and deletes a team; refuses deleting a member still on it', async () => {
    const ann = (await dataOf(as(GQL.CREATE_PERSON, { input: { name: 'Ann' } }))).createPerson.id;
    const ben = (await dataOf(as(GQL.CREATE_PERSON, { input: { name: 'Ben' } }))).createPerson.id;
    const team = (await dataOf(as(GQL.CREATE_TEAM, { input: { name: 'Night crew', memberIds: [ann, ben] } })))
      .createTeam;
    expect(team.members.map((m: { name: string }) => m.name)).toEqual(['Ann', 'Ben']);
    expect(
      (await dataOf(as(SET_MEMBERS, { input: { id: team.id, memberIds: [ben, ann] } }))).setTeamMembers.members.map(
        (m: { name: string }) => m.name,
      ),
    ).toEqual(['Ben', 'Ann']);
    expect((await dataOf(as(UPDATE_TEAM, { input: { id: team.id, name: 'Day crew' } }))).updateTeam).toMatchObject({
      name: 'Day crew',
      memberIds: [ben, ann],
    });
    const inUse = await as(DELETE_PERSON, { id: ann });
    expectCleanError(inUse);
    expect(inUse.body.errors?.[0].extensions).toEqual({
      code: 'IN_USE',
      field: 'id',
      details: { usedBy: [{ kind: 'team', id: team.id }] },
    });
    expect((await dataOf(as(TEAMS))).teams.edges.map((e: { node: { name: string } }) => e.node.name)).toContain(
      'Day crew',
    );
    expect((await dataOf(as(DELETE_TEAM, { id: team.id }))).deleteTeam.id).toBe(team.id);
    expect((await dataOf(as(DELETE_PERSON, { id: ann }))).deletePerson.name).toBe('Ann');
    expect((await dataOf(as('query($id: ID!) { person(id: $id) { id } }', { id: ann }))).person).toBeNull();
  });

  it('records every directory change in the audit log with the supervisor as actor', async () => {
    const p = (await dataOf(as(GQL.CREATE_PERSON, { input: { name: 'Audited' } }))).createPerson;
    await dataOf(as(ADD_NUMBER, { input: { personId: p.id, number: '+33612345600' } }));
    const audit = await dataOf(
      f.gateway.graphql(
        'query($id: ID!) { auditLog(first: 10, filter: { entityId: $id }) { edges { node { action actor { kind id } before after } } } }',
        { id: p.id },
        { token: f.account.tokens.admin },
      ),
    );
    const entries = audit.auditLog.edges.map((e: { node: unknown }) => e.node);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['person.number-added', 'person.created']);
    expect(entries[0]).toMatchObject({
      actor: { kind: 'user', id: f.account.users.supervisor.id },
      before: { contactNumbers: [] },
      after: { contactNumbers: [{ number: '+33612345600' }] },
    });
  });
}

describe('people and teams over HTTP on SQLite', () => directoryOver('sqlite'));
describeWithMariaDb('people and teams over HTTP on MariaDB', () => directoryOver('mariadb'));
