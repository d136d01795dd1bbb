import { AssigneeRef } from '../directory/assignee';
import { HOUR_MS, LocalDate, Result, TimeZone } from '../shared';
import { SequentialIds, aSlot } from '../testing';
import { OFFICE_HOURS, WEEKEND, WEEKNIGHTS, applyPattern } from './on-call-pattern';
import { ScheduleChange, SlotWriteOptions, applyChange } from './schedule-change';
import { copyDay, copyToHotline, copyWeek, repeatWeek } from './schedule-copy';
import { ScheduleError } from './schedule-error';
import { ScheduleIndex } from './schedule-index';
import { Slot } from './slot';

const H = 'hotline-1';
const alice: AssigneeRef = { kind: 'person', id: 'alice' };
const bob: AssigneeRef = { kind: 'person', id: 'bob' };
const carol: AssigneeRef = { kind: 'person', id: 'carol' };
const opts = (more: Partial<SlotWriteOptions> = {}): SlotWriteOptions => ({
  hotlineId: H,
  ids: new SequentialIds('new'),
  ...more,
});

const line = (s: Slot) => `${s.start}→${s.end} ${s.assignees.map((a) => a.id).join(',')}`;
/** The slots after a change that must succeed. */
function after(existing: readonly Slot[], result: Result<ScheduleChange, ScheduleError>): Slot[] {
  if (!result.ok) throw new Error(result.error.message);
  return applyChange(existing, result.value);
}
const added = (result: Result<ScheduleChange, ScheduleError>) =>
  result.ok ? result.value.added.map(line) : result.error;
/** Office hours (alice), weeknights (bob) and the weekend (carol) from Monday `monday`, for `weeks` weeks. */
function presetWeeks(monday: string, weeks = 1): Slot[] {
  const to = LocalDate.parse(monday)
    .plusDays(7 * weeks - 1)
    .toString();
  const ids = new SequentialIds('src');
  return [
    [OFFICE_HOURS, alice],
    [WEEKNIGHTS, bob],
    [WEEKEND, carol],
  ].reduce<Slot[]>(
    (slots, [pattern, who]) =>
      after(
        slots,
        applyPattern(slots, pattern as typeof OFFICE_HOURS, {
          hotlineId: H,
          ids,
          from: monday,
          to,
          assignees: [who as AssigneeRef],
        }),
      ),
    [],
  );
}
const realHours = (zone: string, slots: readonly Slot[]) =>
  ScheduleIndex.build(TimeZone.of(zone), slots, [])
    .segments(0, 4e12)
    .map((s) => (s.end - s.start) / HOUR_MS);
const refused = (build: () => unknown, code: string, field: string) =>
  expect(build).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));

/** Monday 3 May 2027, with Sunday night running into it and its own night running into Tuesday. */
const monday = (): Slot[] => [
  aSlot(H, { start: '2027-05-02T18:00', end: '2027-05-03T08:00', assignees: [carol], id: 'sun-night' }),
  aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [alice], id: 'mon-day' }),
  aSlot(H, { start: '2027-05-03T18:00', end: '2027-05-04T08:00', assignees: [bob], id: 'mon-night' }),
];

describe('copyDay', () => {
  it('copies the slots starting that day, whole, and not the night that started the day before', () => {
    expect(added(copyDay(monday(), { day: '2027-05-03', targets: ['2027-05-05', '2027-05-07'], ...opts() }))).toEqual([
      '2027-05-05T08:00→2027-05-05T18:00 alice',
      '2027-05-05T18:00→2027-05-06T08:00 bob',
      '2027-05-07T08:00→2027-05-07T18:00 alice',
      '2027-05-07T18:00→2027-05-08T08:00 bob',
    ]);
  });

  it.each([
    // zone, night copied onto, real hours of the copy
    ['Europe/Paris', '2027-03-27', 7],
    ['Europe/Paris', '2027-10-30', 9],
    ['America/New_York', '2027-11-06', 9],
    ['Australia/Lord_Howe', '2027-10-02', 7.5],
    ['Asia/Tokyo', '2027-03-27', 8],
  ])('in %s keeps 22:00→06:00 when copied onto the night of %s (%d h)', (zone, target, hours) => {
    const existing = [aSlot(H, { start: '2027-03-01T22:00', end: '2027-03-02T06:00', assignees: [bob], id: 'n' })];
    const slots = after(existing, copyDay(existing, { day: '2027-03-01', targets: [target], ...opts() }));
    expect(slots.map(line)[1]).toBe(`${target}T22:00→${LocalDate.parse(target).plusDays(1)}T06:00 bob`);
    expect(realHours(zone, slots)[1]).toBe(hours);
  });

  it('refuses to overlap slots at the target by default, naming the target', () => {
    const existing = [
      ...monday(),
      aSlot(H, { start: '2027-05-06T07:00', end: '2027-05-06T09:00', assignees: [carol], id: 'thu-early' }),
    ];
    expect(copyDay(existing, { day: '2027-05-03', targets: ['2027-05-04', '2027-05-05'], ...opts() })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'SLOT_OVERLAP', field: 'targets[1]', conflictingSlotIds: ['thu-early'] }),
    });
  });

  it('makes room at the target in replace mode', () => {
    const existing = [
      ...monday(),
      aSlot(H, { start: '2027-05-06T07:00', end: '2027-05-06T09:00', assignees: [carol], id: 'thu-early' }),
    ];
    const slots = after(
      existing,
      copyDay(existing, { day: '2027-05-03', targets: ['2027-05-05'], ...opts({ mode: 'replace' }) }),
    );
    expect(slots.map(line).slice(3)).toEqual([
      '2027-05-05T08:00→2027-05-05T18:00 alice',
      '2027-05-05T18:00→2027-05-06T08:00 bob',
      '2027-05-06T08:00→2027-05-06T09:00 carol',
    ]);
  });

  it('copies nothing from an empty day', () => {
    expect(copyDay(monday(), { day: '2027-05-09', targets: ['2027-05-10'], ...opts() })).toEqual({
      ok: true,
      value: { added: [], updated: [], removedIds: [] },
    });
  });

  it.each([
    ['no target', '2027-05-03', [], 'REQUIRED', 'targets'],
    ['the source as a target', '2027-05-03', ['2027-05-04', '2027-05-03'], 'SAME_AS_SOURCE', 'targets[1]'],
    ['a target twice', '2027-05-03', ['2027-05-04', '2027-05-05', '2027-05-04'], 'DUPLICATE_DATE', 'targets[2]'],
    ['a malformed target', '2027-05-03', ['04/05/2027'], 'INVALID_LOCAL_DATE', 'targets[0]'],
    ['a malformed day', '2027-13-03', ['2027-05-04'], 'INVALID_LOCAL_DATE_TIME', 'day'],
    ['copies overlapping each other', '2027-05-03', ['2027-05-04', '2027-05-05'], 'INPUTS_OVERLAP', 'targets[1]'],
  ])('refuses %s', (_, day, targets, code, field) => {
    const existing =
      code === 'INPUTS_OVERLAP'
        ? [aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-04T14:00', assignees: [alice] })]
        : monday();
    refused(() => copyDay(existing, { day, targets, ...opts() }), code, field);
  });

  it('refuses to create more than 2,000 slots at once', () => {
    const busyDay = ['00', '04', '08', '12', '16', '20'].map((h, i) =>
      aSlot(H, {
        start: `2027-01-01T${h}:00`,
        end: `2027-01-01T${['04', '08', '12', '16', '20', '23'][i]}:00`,
        assignees: [alice],
      }),
    );
    const targets = Array.from({ length: 340 }, (_, i) => LocalDate.parse('2027-01-02').plusDays(i));
    refused(() => copyDay(busyDay, { day: '2027-01-01', targets, ...opts() }), 'TOO_MANY', 'targets');
    expect(copyDay(busyDay, { day: '2027-01-01', targets: targets.slice(0, 333), ...opts() }).ok).toBe(true);
  });
});

describe('copyWeek and repeatWeek', () => {
  it.each([
    // zone, source week, target week (Mondays), hours of the copied weekend
    ['Europe/Paris', '2027-03-15', '2027-03-22', 61],
    ['Europe/Paris', '2027-10-18', '2027-10-25', 63],
    ['America/New_York', '2027-03-01', '2027-03-08', 61],
    ['Australia/Lord_Howe', '2027-03-22', '2027-03-29', 62.5],
    ['Asia/Tokyo', '2027-03-15', '2027-03-22', 62],
  ])('in %s copies the week of %s onto the week of %s, wall-clock times kept', (zone, source, target, weekendHours) => {
    const existing = presetWeeks(source);
    const result = copyWeek(existing, { week: source, targets: [target], ...opts() });
    const shift = (s: Slot) => line({ ...s, start: s.start.plusDays(7), end: s.end.plusDays(7) });
    expect(added(result)).toEqual(existing.map(shift));
    const copies = after(existing, result).slice(existing.length);
    expect(realHours(zone, copies).at(-1)).toBe(weekendHours);
  });

  it.each([
    ['Europe/Paris', '2027-05-03', 3, 4 * 168],
    ['Europe/Paris', '2027-03-15', 2, 3 * 168 - 1],
    ['Europe/Paris', '2027-10-18', 2, 3 * 168 + 1],
    ['America/New_York', '2027-10-25', 2, 3 * 168 + 1],
    ['Asia/Tokyo', '2027-03-15', 2, 3 * 168],
  ])(
    'in %s repeats the week of %s %i times into one schedule without gap or overlap (%d h)',
    (zone, source, times, hours) => {
      const existing = presetWeeks(source);
      const slots = after(existing, repeatWeek(existing, { week: source, times, ...opts() }));
      expect(slots).toHaveLength(10 * (times + 1));
      const segments = ScheduleIndex.build(TimeZone.of(zone), slots, []).segments(0, 4e12);
      expect(segments.every((s, i) => i === 0 || segments[i - 1].end === s.start)).toBe(true);
      expect((segments.at(-1)!.end - segments[0].start) / HOUR_MS).toBe(hours);
    },
  );

  it('is the same as copying to the following weeks', () => {
    const existing = presetWeeks('2027-05-03');
    expect(added(repeatWeek(existing, { week: '2027-05-03', times: 2, ...opts() }))).toEqual(
      added(copyWeek(existing, { week: '2027-05-03', targets: ['2027-05-10', '2027-05-17'], ...opts() })),
    );
  });

  it('refuses to overlap existing weeks by default, naming the input', () => {
    const existing = presetWeeks('2027-05-03', 2);
    expect(added(repeatWeek(existing, { week: '2027-05-03', times: 1, ...opts() }))).toEqual(
      expect.objectContaining({ code: 'SLOT_OVERLAP', field: 'times' }),
    );
    expect(added(copyWeek(existing, { week: '2027-05-03', targets: ['2027-05-17', '2027-05-10'], ...opts() }))).toEqual(
      expect.objectContaining({ code: 'SLOT_OVERLAP', field: 'targets[1]' }),
    );
  });

  it('overwrites an existing week in replace mode', () => {
    const existing = [
      ...presetWeeks('2027-05-03'),
      aSlot(H, { start: '2027-05-12T00:00', end: '2027-05-13T00:00', assignees: [carol], id: 'wed' }),
    ];
    const slots = after(
      existing,
      copyWeek(existing, { week: '2027-05-03', targets: ['2027-05-10'], ...opts({ mode: 'replace' }) }),
    );
    expect(
      slots.filter((s) => s.start.date.toString() === '2027-05-12' || s.end.date.toString() === '2027-05-12').map(line),
    ).toEqual([
      '2027-05-11T18:00→2027-05-12T08:00 bob',
      '2027-05-12T08:00→2027-05-12T18:00 alice',
      '2027-05-12T18:00→2027-05-13T08:00 bob',
    ]);
  });

  it.each([
    [
      'a source week not starting on Monday',
      'NOT_A_MONDAY',
      'week',
      () => copyWeek(monday(), { week: '2027-05-04', targets: ['2027-05-10'], ...opts() }),
    ],
    [
      'a target week not starting on Monday',
      'NOT_A_MONDAY',
      'targets[1]',
      () => copyWeek(monday(), { week: '2027-05-03', targets: ['2027-05-10', '2027-05-18'], ...opts() }),
    ],
    [
      'the source week as a target',
      'SAME_AS_SOURCE',
      'targets[0]',
      () => copyWeek(monday(), { week: '2027-05-03', targets: ['2027-05-03'], ...opts() }),
    ],
    [
      'more than 52 target weeks',
      'TOO_MANY',
      'targets',
      () =>
        copyWeek(monday(), {
          week: '2027-05-03',
          targets: Array.from({ length: 53 }, (_, i) => LocalDate.parse('2027-05-10').plusDays(7 * i)),
          ...opts(),
        }),
    ],
    [
      'repeating 0 times',
      'INVALID_COUNT',
      'times',
      () => repeatWeek(monday(), { week: '2027-05-03', times: 0, ...opts() }),
    ],
    [
      'repeating 53 times',
      'INVALID_COUNT',
      'times',
      () => repeatWeek(monday(), { week: '2027-05-03', times: 53, ...opts() }),
    ],
    [
      'repeating 1.5 times',
      'INVALID_COUNT',
      'times',
      () => repeatWeek(monday(), { week: '2027-05-03', times: 1.5, ...opts() }),
    ],
    [
      'repeating a week given by its Sunday',
      'NOT_A_MONDAY',
      'week',
      () => repeatWeek(monday(), { week: '2027-05-09', times: 2, ...opts() }),
    ],
  ])('refuses %s: %s at %s', (_, code, field, operation) => refused(operation, code, field));
});

describe('copyToHotline', () => {
  const source = (): Slot[] => [
    aSlot(H, { start: '2027-03-06T22:00', end: '2027-03-07T06:00', assignees: [carol], id: 'before' }),
    aSlot(H, { start: '2027-03-07T08:00', end: '2027-03-07T18:00', assignees: [alice], id: 'in' }),
    aSlot(H, { start: '2027-03-13T22:00', end: '2027-03-14T06:00', assignees: [bob], id: 'straddles' }),
    aSlot(H, { start: '2027-03-14T22:00', end: '2027-03-15T06:00', assignees: [bob], id: 'after' }),
  ];
  const target = { hotlineId: 'hotline-ny', ids: new SequentialIds('ny') };

  it('copies the slots starting in the range to the other hotline, on the same dates by default', () => {
    const result = copyToHotline(source(), [], { ...target, from: '2027-03-07', to: '2027-03-13' });
    expect(result.ok && result.value.added.map((s) => `${s.id} ${s.hotlineId} ${line(s)}`)).toEqual([
      'ny-1 hotline-ny 2027-03-07T08:00→2027-03-07T18:00 alice',
      'ny-2 hotline-ny 2027-03-13T22:00→2027-03-14T06:00 bob',
    ]);
  });

  it("keeps wall-clock times in the target hotline's zone, on its own DST night", () => {
    const slots = after(
      [],
      copyToHotline(source(), [], { ...target, ids: new SequentialIds('ny'), from: '2027-03-07', to: '2027-03-13' }),
    );
    expect(realHours('America/New_York', slots)).toEqual([10, 7]);
    expect(realHours('Europe/Paris', slots)).toEqual([10, 8]);
  });

  it('shifts the copy to start on targetFrom', () => {
    const result = copyToHotline(source(), [], {
      ...target,
      ids: new SequentialIds('ny'),
      from: '2027-03-07',
      to: '2027-03-07',
      targetFrom: '2027-10-31',
    });
    expect(added(result)).toEqual(['2027-10-31T08:00→2027-10-31T18:00 alice']);
  });

  it('follows the overlap mode at the target', () => {
    const existing = [
      aSlot('hotline-ny', { start: '2027-03-07T12:00', end: '2027-03-07T20:00', assignees: [bob], id: 'ny-x' }),
    ];
    expect(added(copyToHotline(source(), existing, { ...target, from: '2027-03-07', to: '2027-03-07' }))).toEqual(
      expect.objectContaining({ code: 'SLOT_OVERLAP', field: 'targetFrom', conflictingSlotIds: ['ny-x'] }),
    );
    const slots = after(
      existing,
      copyToHotline(source(), existing, {
        ...target,
        ids: new SequentialIds('ny'),
        from: '2027-03-07',
        to: '2027-03-07',
        mode: 'replace',
      }),
    );
    expect(slots.map(line)).toEqual([
      '2027-03-07T08:00→2027-03-07T18:00 alice',
      '2027-03-07T18:00→2027-03-07T20:00 bob',
    ]);
  });

  it('refuses a copy onto itself and a range over 366 days', () => {
    refused(
      () =>
        copyToHotline(source(), source(), {
          hotlineId: H,
          ids: new SequentialIds(),
          from: '2027-03-07',
          to: '2027-03-08',
        }),
      'SAME_AS_SOURCE',
      'targetFrom',
    );
    refused(
      () => copyToHotline(source(), [], { ...target, from: '2027-03-07', to: '2028-03-07' }),
      'RANGE_TOO_LONG',
      'to',
    );
    expect(
      copyToHotline(source(), source(), {
        hotlineId: H,
        ids: new SequentialIds('h'),
        from: '2027-03-07',
        to: '2027-03-07',
        targetFrom: '2027-03-08',
      }).ok,
    ).toBe(true);
  });

  it('treats source slots of several hotlines as a bug', () => {
    expect(() =>
      copyToHotline(
        [...source(), aSlot('other', { start: '2027-03-08T08:00', end: '2027-03-08T09:00', assignees: [bob] })],
        [],
        {
          ...target,
          from: '2027-03-07',
          to: '2027-03-13',
        },
      ),
    ).toThrow(/belongs to hotline/);
  });
});
