import { HOUR_MS, formatInstant, parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InMemoryDutyline, aCaller, refusalOf, seedSampleDirectory, valueOf } from '../testing';

const caller = aCaller('acct-a');
const stranger = aCaller('acct-b', 'user-b');

async function world(nights: { start: string; end: string }[], days: { start: string; end: string }[] = []) {
  const store = new InMemoryDutyline(new ManualClock('2027-03-01T09:00:00Z'), new SequentialIds('id'));
  const app = store.application();
  const dir = await seedSampleDirectory(app, caller);
  await seedSampleDirectory(app, stranger, { variant: 1 });
  const slots = [
    ...nights.map((n) => ({ ...n, assignees: [{ kind: 'person', id: dir.bob.id }] })),
    ...days.map((d) => ({ ...d, assignees: [{ kind: 'team', id: dir.crew.id }] })),
  ];
  if (slots.length > 0) valueOf(await app.schedule.createSlots(caller, dir.hotline.id, { slots }));
  const gaps = async (from: string, to: string) =>
    valueOf(await app.coverage.coverage(caller, dir.hotline.id, { from, to })).summary.gaps.map(
      (g) => `${formatInstant(g.start)}→${formatInstant(g.end)} ${g.reason}`,
    );
  return { store, app, ...dir, gaps, H: dir.hotline.id };
}

describe('CoverageQueries.coverage', () => {
  it('finds no gap on the night clocks go forward when 22:00→02:30 meets 03:00→06:00: 02:30 does not exist', async () => {
    const w = await world(
      [
        { start: '2027-03-27T22:00', end: '2027-03-28T02:30' },
        { start: '2027-03-28T03:00', end: '2027-03-28T06:00' },
      ],
      [
        { start: '2027-03-27T06:00', end: '2027-03-27T22:00' },
        { start: '2027-03-28T06:00', end: '2027-03-28T22:00' },
      ],
    );
    const report = valueOf(
      await w.app.coverage.coverage(caller, w.H, { from: '2027-03-27T06:00:00Z', to: '2027-03-28T18:00:00Z' }),
    );
    expect(report.summary).toMatchObject({ fullyCovered: true, gaps: [], coveredFraction: 1 });
  });

  it('finds the 1 h 30 gap the same wall-clock hole makes on the night clocks go back', async () => {
    const w = await world(
      [
        { start: '2027-10-30T22:00', end: '2027-10-31T02:30' },
        { start: '2027-10-31T03:00', end: '2027-10-31T06:00' },
      ],
      [
        { start: '2027-10-30T06:00', end: '2027-10-30T22:00' },
        { start: '2027-10-31T06:00', end: '2027-10-31T22:00' },
      ],
    );
    expect(await w.gaps('2027-10-30T06:00:00Z', '2027-10-31T18:00:00Z')).toEqual([
      '2027-10-31T00:30:00.000Z→2027-10-31T02:00:00.000Z nobody-scheduled',
    ]);
    const { summary } = valueOf(
      await w.app.coverage.coverage(caller, w.H, { from: '2027-10-30T06:00:00Z', to: '2027-10-31T18:00:00Z' }),
    );
    expect(summary.serviceMs - summary.coveredMs).toBe(1.5 * HOUR_MS);
  });

  it('tells a gap where everyone on duty is unreachable', async () => {
    const w = await world([{ start: '2027-05-03T22:00', end: '2027-05-04T06:00' }]);
    valueOf(
      await w.app.directory.setContactNumberEnabled(caller, w.bob.id, {
        number: w.bob.contactNumbers[0].number.e164,
        enabled: false,
      }),
    );
    expect(await w.gaps('2027-05-03T20:00:00Z', '2027-05-04T04:00:00Z')).toEqual([
      '2027-05-03T20:00:00.000Z→2027-05-04T04:00:00.000Z nobody-reachable',
    ]);
  });

  it('counts an override as cover, and flags gaps running past the range', async () => {
    const w = await world([]);
    valueOf(
      await w.app.schedule.createOverride(caller, w.H, {
        start: '2027-05-03T10:00:00Z',
        end: '2027-05-03T12:00:00Z',
        assignees: [{ kind: 'person', id: w.carol.id }],
      }),
    );
    const { summary } = valueOf(
      await w.app.coverage.coverage(caller, w.H, { from: '2027-05-03T08:00:00Z', to: '2027-05-03T14:00:00Z' }),
    );
    expect(
      summary.gaps.map((g) => [formatInstant(g.start), formatInstant(g.end), g.startsBeforeRange, g.endsAfterRange]),
    ).toEqual([
      ['2027-05-03T08:00:00.000Z', '2027-05-03T10:00:00.000Z', true, false],
      ['2027-05-03T12:00:00.000Z', '2027-05-03T14:00:00.000Z', false, true],
    ]);
    expect(summary.coveredMs).toBe(2 * HOUR_MS);
  });

  it.each([
    ['an end before the start', '2027-05-03T08:00:00Z', '2027-05-03T07:00:00Z', 'INVALID_RANGE', 'to'],
    ['an empty range', '2027-05-03T08:00:00Z', '2027-05-03T08:00:00Z', 'INVALID_RANGE', 'to'],
    ['more than 400 days', '2027-01-01T00:00:00Z', '2028-02-06T00:00:00Z', 'RANGE_TOO_LONG', 'to'],
    ['a start without offset', '2027-05-03T08:00', '2027-05-04T08:00:00Z', 'INVALID_INSTANT', 'from'],
    ['an impossible end', '2027-05-03T08:00:00Z', '2027-13-04T08:00:00Z', 'INVALID_INSTANT', 'to'],
  ])('refuses %s, naming the field', async (_, from, to, code, field) => {
    const w = await world([]);
    await expect(w.app.coverage.coverage(caller, w.H, { from, to })).rejects.toMatchObject({
      name: 'ValidationError',
      code,
      field,
    });
  });

  it('accepts exactly 400 days', async () => {
    const w = await world([]);
    const from = parseInstant('2027-01-01T00:00:00Z');
    const { summary } = valueOf(await w.app.coverage.coverage(caller, w.H, { from, to: from + 400 * 24 * HOUR_MS }));
    expect(summary.gaps).toHaveLength(1);
  });

  it("answers NOT_FOUND for another account's hotline", async () => {
    const w = await world([{ start: '2027-05-03T22:00', end: '2027-05-04T06:00' }]);
    expect(
      refusalOf(
        await w.app.coverage.coverage(stranger, w.H, { from: '2027-05-03T00:00:00Z', to: '2027-05-04T00:00:00Z' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'hotlineId' });
  });
});
