import { describeWithMariaDb } from '@dutyline/test-support';
import { dataOf, expectCleanError, featureGateway, GQL } from '../testing/feature-fixtures';

const PATTERN = 'id name builtIn windows { days start end endDayOffset }';
const UPDATE = `mutation($input: UpdatePatternInput!) { updatePattern(input: $input) { ${PATTERN} } }`;
const DELETE = 'mutation($id: ID!) { deletePattern(id: $id) { id } }';
const LIST = `{ patterns(first: 20) { edges { node { ${PATTERN} } } } presetPatterns { id name builtIn } }`;
const READ = `query($id: ID!) { pattern(id: $id) { ${PATTERN} } }`;

function patternsOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database);
  const as = f.as;

  it('offers the presets and creates, lists, redraws and deletes an account pattern', async () => {
    const created = (
      await dataOf(
        as(GQL.CREATE_PATTERN, {
          input: {
            name: 'Winter nights',
            windows: [
              { days: ['MON', 'WED'], start: '19:30', end: '07:15' },
              { days: ['FRI'], start: '18:00', end: '08:00', endDayOffset: 3 },
            ],
          },
        }),
      )
    ).createPattern;
    expect(created).toMatchObject({
      name: 'Winter nights',
      builtIn: false,
      windows: [
        { days: ['MON', 'WED'], start: '19:30', end: '07:15', endDayOffset: 1 },
        { days: ['FRI'], endDayOffset: 3 },
      ],
    });
    const listed = await dataOf(as(LIST));
    expect(listed.presetPatterns).toEqual([
      { id: 'preset-office-hours', name: 'Office hours', builtIn: true },
      { id: 'preset-weeknights', name: 'Weeknights', builtIn: true },
      { id: 'preset-weekend', name: 'Weekend', builtIn: true },
    ]);
    expect(listed.patterns.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([created.id]);
    const redrawn = (
      await dataOf(
        as(UPDATE, {
          input: { id: created.id, name: 'Early nights', windows: [{ days: ['TUE'], start: '18:00', end: '06:00' }] },
        }),
      )
    ).updatePattern;
    expect(redrawn).toEqual({
      id: created.id,
      name: 'Early nights',
      builtIn: false,
      windows: [{ days: ['TUE'], start: '18:00', end: '06:00', endDayOffset: 1 }],
    });
    expect((await dataOf(as(READ, { id: 'preset-weekend' }))).pattern.windows).toEqual([
      { days: ['FRI'], start: '18:00', end: '08:00', endDayOffset: 3 },
    ]);
    expect((await dataOf(as(DELETE, { id: created.id }))).deletePattern.id).toBe(created.id);
    expect((await dataOf(as(READ, { id: created.id }))).pattern).toBeNull();
  });

  it.each([
    [
      'overlapping windows',
      [
        { days: ['MON'], start: '08:00', end: '18:00' },
        { days: ['MON'], start: '12:00', end: '20:00' },
      ],
      'INPUTS_OVERLAP',
      'input.windows[1]',
    ],
    [
      'a window over a week',
      [{ days: ['MON'], start: '08:00', end: '09:00', endDayOffset: 9 }],
      'INVALID_DAY_OFFSET',
      'input.windows[0].endDayOffset',
    ],
    ['no window', [], 'REQUIRED', 'input.windows'],
    [
      'a day unknown',
      [{ days: ['MON', 'FUNDAY'], start: '08:00', end: '18:00' }],
      'BAD_USER_INPUT',
      'input.windows[0].days[1]',
    ],
  ])('refuses %s, naming the field', async (_, windows, code, field) => {
    const answer = await as(GQL.CREATE_PATTERN, { input: { name: 'Bad', windows } });
    expectCleanError(answer);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code, field });
  });

  it('refuses changing a preset', async () => {
    const answer = await as(DELETE, { id: 'preset-weekend' });
    expectCleanError(answer);
    expect(answer.body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
  });
}

describe('predefined periods over HTTP on SQLite', () => patternsOver('sqlite'));
describeWithMariaDb('predefined periods over HTTP on MariaDB', () => patternsOver('mariadb'));
