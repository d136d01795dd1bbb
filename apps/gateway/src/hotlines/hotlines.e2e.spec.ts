import { describeWithMariaDb } from '@dutyline/test-support';
import { dataOf, expectCleanError, featureGateway, freshHotlineNumber, GQL } from '../testing/feature-fixtures';

const HOTLINE = `id name number timeZone language supervisorIds supervisors { name } requireAnswerConfirmation callerIdMode
  serviceHours { always windows { days start end } }
  scenario { kind greeting { kind text language audioUrl } message { kind text language } }
  greeting { kind text language audioUrl }`;
const UPDATE = `mutation($input: UpdateHotlineInput!) { updateHotline(input: $input) { ${HOTLINE} } }`;
const READ = `query($id: ID!) { hotline(id: $id) { ${HOTLINE} } }`;
const LIST = '{ hotlines(first: 10) { edges { node { id name } } } }';
const DELETE = 'mutation($id: ID!) { deleteHotline(id: $id) { id } }';

function hotlinesOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database, { sample: true });
  const as = f.as;

  it('creates a hotline with the documented defaults and its supervisors resolved', async () => {
    const read = (await dataOf(as(READ, { id: f.sample.hotlineId }))).hotline;
    expect(read).toEqual({
      id: f.sample.hotlineId,
      name: 'Maintenance',
      number: f.sample.hotlineNumber,
      timeZone: 'Europe/Paris',
      language: 'en-GB',
      supervisorIds: [f.sample.alice],
      supervisors: [{ name: 'Alice' }],
      requireAnswerConfirmation: true,
      callerIdMode: 'HOTLINE',
      serviceHours: { always: true, windows: [] },
      scenario: [
        { kind: 'SUPERVISORS', greeting: null, message: null },
        { kind: 'VOICEMAIL', greeting: null, message: null },
      ],
      greeting: null,
    });
  });

  it('changes scenario, service hours, greeting, supervisors and caller id, keeping what is not named', async () => {
    const updated = (
      await dataOf(
        as(UPDATE, {
          input: {
            id: f.sample.hotlineId,
            supervisorIds: [f.sample.bob, f.sample.alice],
            serviceHours: {
              windows: [
                { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '18:00', end: '08:00' },
                { days: ['SAT', 'SUN'], start: '00:00', end: '00:00' },
              ],
            },
            scenario: [
              { kind: 'SUPERVISORS' },
              { kind: 'MESSAGE', message: { text: 'Rappelez demain', language: 'fr-FR' } },
            ],
            greeting: { audioUrl: 'https://example.com/greeting.mp3' },
            callerIdMode: 'CALLER',
            requireAnswerConfirmation: false,
          },
        }),
      )
    ).updateHotline;
    expect(updated).toMatchObject({
      name: 'Maintenance',
      supervisors: [{ name: 'Bob' }, { name: 'Alice' }],
      serviceHours: {
        always: false,
        windows: [
          { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '18:00', end: '08:00' },
          { days: ['SAT', 'SUN'], start: '00:00', end: '00:00' },
        ],
      },
      scenario: [
        { kind: 'SUPERVISORS' },
        { kind: 'MESSAGE', message: { kind: 'TEXT', text: 'Rappelez demain', language: 'fr-FR' } },
      ],
      greeting: { kind: 'AUDIO', audioUrl: 'https://example.com/greeting.mp3', text: null, language: null },
      callerIdMode: 'CALLER',
      requireAnswerConfirmation: false,
    });
    const renamed = (
      await dataOf(
        as(UPDATE, {
          input: { id: f.sample.hotlineId, name: 'Astreinte', greeting: null, timeZone: 'Europe/Brussels' },
        }),
      )
    ).updateHotline;
    expect(renamed).toMatchObject({
      name: 'Astreinte',
      greeting: null,
      timeZone: 'Europe/Brussels',
      callerIdMode: 'CALLER',
      scenario: updated.scenario,
    });
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'INVALID_TIME_ZONE', 'input.timeZone'],
    ['a number that is not E.164', { number: '01 40 00 00 00' }, 'INVALID_PHONE_NUMBER', 'input.number'],
    ['a scenario without a final step', { scenario: [{ kind: 'SUPERVISORS' }] }, 'INVALID_SCENARIO', 'input.scenario'],
    [
      'a service window at 25:00',
      { serviceHours: { windows: [{ days: ['MON'], start: '25:00', end: '08:00' }] } },
      'INVALID_LOCAL_TIME',
      'input.serviceHours.windows[0].start',
    ],
    ['an unknown supervisor', { supervisorIds: ['nobody-here'] }, 'UNKNOWN_PERSON', 'input.supervisorIds[0]'],
    ['a bad caller-id mode', { callerIdMode: 'SOMETIMES' }, 'BAD_USER_INPUT', 'input.callerIdMode'],
  ])('refuses %s, naming the field, changing nothing', async (_, changes, code, field) => {
    const before = (await dataOf(as(READ, { id: f.sample.hotlineId }))).hotline;
    const answer = await as(UPDATE, { input: { id: f.sample.hotlineId, ...changes } });
    expectCleanError(answer);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code, field });
    expect((await dataOf(as(READ, { id: f.sample.hotlineId }))).hotline).toEqual(before);
  });

  it('refuses a number another account answers, lists and deletes hotlines', async () => {
    const b = await f.gateway.newAccount();
    const taken = await f.gateway.graphql(
      GQL.CREATE_HOTLINE,
      { input: { name: 'Copycat', number: f.sample.hotlineNumber, timeZone: 'Europe/Paris' } },
      { token: b.tokens.admin },
    );
    expectCleanError(taken);
    expect(taken.body.errors?.[0].extensions).toEqual({ code: 'NUMBER_TAKEN', field: 'input.number' });
    const spare = (
      await dataOf(
        as(GQL.CREATE_HOTLINE, { input: { name: 'Spare', number: freshHotlineNumber(), timeZone: 'Asia/Tokyo' } }),
      )
    ).createHotline.id;
    expect((await dataOf(as(LIST))).hotlines.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      expect.arrayContaining([f.sample.hotlineId, spare]),
    );
    expect((await dataOf(as(DELETE, { id: spare }))).deleteHotline.id).toBe(spare);
    expect((await dataOf(as(READ, { id: spare }))).hotline).toBeNull();
  });
}

describe('hotlines over HTTP on SQLite', () => hotlinesOver('sqlite'));
describeWithMariaDb('hotlines over HTTP on MariaDB', () => hotlinesOver('mariadb'));
