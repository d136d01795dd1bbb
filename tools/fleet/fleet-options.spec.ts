import { LocalDate } from '@dutyline/domain';
import { fleetAccount, fleetHotlineNumber } from './fleet-accounts';
import { parseFleetCommand } from './fleet-options';

// A Thursday: the first week of slots defaults to its Monday.
const TODAY = LocalDate.parse('2026-10-22');

describe('npm run fleet: options', () => {
  it.each<[string[], object]>([
    [
      [],
      {
        kind: 'load',
        shape: { accounts: 1000, hotlines: 10, people: 20, weeks: 8, seed: 1, from: LocalDate.parse('2026-10-19') },
        history: { days: 365, callsPerDay: 3 },
      },
    ],
    [
      [
        '--accounts',
        '2',
        '--hotlines=2',
        '--people',
        '3',
        '--weeks',
        '1',
        '--from',
        '2026-03-23',
        '--calls-per-day',
        '0',
      ],
      {
        kind: 'load',
        shape: { accounts: 2, hotlines: 2, people: 3, weeks: 1, from: LocalDate.parse('2026-03-23') },
        history: { days: 365, callsPerDay: 0 },
      },
    ],
    [['--delete'], { kind: 'delete' }],
    [['--help'], { kind: 'help' }],
  ])('%j', (argv, expected) => {
    expect(parseFleetCommand(argv, TODAY)).toMatchObject(expected);
  });

  it.each<[string[], string]>([
    [['--accounts', '0'], '--accounts must be a whole number from 1 to 100000, not "0"'],
    [['--weeks', '2.5'], '--weeks must be a whole number from 1 to 104, not "2.5"'],
    [['--from', '2026-02-30'], '--from must be a date (YYYY-MM-DD), not "2026-02-30"'],
    [['--accounts', '100000', '--hotlines', '11'], '--accounts × --hotlines must stay within 1000000 hotlines'],
    [['--hotline', '3'], "Unknown option '--hotline'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseFleetCommand(argv, TODAY)).toThrow(message);
  });
});

describe('fleet accounts', () => {
  const shape = { accounts: 3, hotlines: 5, people: 4, weeks: 1, from: LocalDate.parse('2026-10-19'), seed: 3 };

  it('are the same for the same shape and seed, and differ between accounts', () => {
    expect(fleetAccount(shape, 1, 0)).toEqual(fleetAccount(shape, 1, 0));
    expect(fleetAccount(shape, 2, 0).people).not.toEqual(fleetAccount(shape, 1, 0).people);
  });

  it('spread the hotlines over five zones, each number valid and unique', () => {
    const hotlines = [0, 1, 2].flatMap((i) => fleetAccount(shape, i, 0).hotlines);
    expect(new Set(hotlines.map((h) => h.timeZone.name)).size).toBe(5);
    expect(new Set(hotlines.map((h) => h.number.e164)).size).toBe(15);
    expect(fleetHotlineNumber(999_999)).toBe('+6129' + '0999999');
  });
});
