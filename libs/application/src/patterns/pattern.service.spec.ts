import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InMemoryDutyline, aCaller, refusalOf, valueOf } from '../testing';
import { patternInput } from './pattern.service';

const caller = aCaller('acct-a', 'user-a');
const stranger = aCaller('acct-b', 'user-b');

const world = () => {
  const store = new InMemoryDutyline(new ManualClock('2027-03-20T09:00:00Z'), new SequentialIds('id'));
  return { store, patterns: store.application().patterns };
};

describe('PatternService (F5)', () => {
  it('offers the built-in presets to every account, unchangeable', async () => {
    const { patterns } = world();
    expect(patterns.presets().map((p) => `${p.id} ${p.name}`)).toEqual([
      'preset-office-hours Office hours',
      'preset-weeknights Weeknights',
      'preset-weekend Weekend',
    ]);
    expect((await patterns.pattern(stranger, 'preset-weekend'))?.builtIn).toBe(true);
    expect(refusalOf(await patterns.deletePattern(caller, 'preset-weekend'))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
  });

  it('creates, renames and deletes a pattern, each change audited', async () => {
    const { store, patterns } = world();
    const created = await patterns.createPattern(caller, {
      name: 'Nights',
      windows: [{ days: ['MON', 'TUE'], start: '20:00', end: '07:00' }],
    });
    expect(patternInput(created)).toEqual({
      name: 'Nights',
      windows: [{ days: ['MON', 'TUE'], start: '20:00', end: '07:00', endDayOffset: 1 }],
    });
    valueOf(
      await patterns.updatePattern(caller, created.id, {
        name: 'Early nights',
        windows: [{ days: ['MON'], start: '19:00', end: '07:00' }],
      }),
    );
    expect((await patterns.patterns(caller)).items.map((p) => p.name)).toEqual(['Early nights']);
    valueOf(await patterns.deletePattern(caller, created.id));
    expect(await patterns.pattern(caller, created.id)).toBeUndefined();
    expect(store.audit.entries('acct-a').map((e) => e.action)).toEqual([
      'pattern.created',
      'pattern.updated',
      'pattern.deleted',
    ]);
  });

  it.each([
    ['no window', { name: 'Empty', windows: [] }, 'REQUIRED', 'windows'],
    [
      'an end day offset past a week',
      { name: 'Long', windows: [{ days: ['MON'], start: '08:00', end: '09:00', endDayOffset: 8 }] },
      'INVALID_DAY_OFFSET',
      'windows[0].endDayOffset',
    ],
    [
      'overlapping windows',
      {
        name: 'Twice',
        windows: [
          { days: ['MON'], start: '08:00', end: '18:00' },
          { days: ['MON'], start: '12:00', end: '20:00' },
        ],
      },
      'INPUTS_OVERLAP',
      'windows[1]',
    ],
    [
      'an unknown weekday',
      { name: 'Odd', windows: [{ days: ['MON', 'FUNDAY'], start: '08:00', end: '18:00' }] },
      'INVALID_WEEKDAYS',
      'windows[0].days[1]',
    ],
  ])('refuses %s, naming the field', async (_, input, code, field) => {
    const { patterns } = world();
    await expect(patterns.createPattern(caller, input)).rejects.toMatchObject({ name: 'ValidationError', code, field });
  });

  it("cannot see, change or delete another account's pattern", async () => {
    const { patterns } = world();
    const created = await patterns.createPattern(caller, {
      name: 'Nights',
      windows: [{ days: ['MON'], start: '20:00', end: '07:00' }],
    });
    expect(await patterns.pattern(stranger, created.id)).toBeUndefined();
    expect((await patterns.patterns(stranger)).items).toEqual([]);
    expect(
      refusalOf(
        await patterns.updatePattern(stranger, created.id, {
          name: 'X',
          windows: [{ days: ['MON'], start: '20:00', end: '07:00' }],
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusalOf(await patterns.deletePattern(stranger, created.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await patterns.pattern(caller, created.id))?.name).toBe('Nights');
  });
});
