import { AssigneeRef } from '../directory/assignee';
import { HOUR_MS, LocalDate, TimeZone } from '../shared';
import { SequentialIds, aSlot } from '../testing';
import {
  ApplyPatternOptions,
  OFFICE_HOURS,
  OnCallPattern,
  PRESET_PATTERNS,
  WEEKEND,
  WEEKNIGHTS,
  applyPattern,
  onCallPattern,
} from './on-call-pattern';
import { applyChange } from './schedule-change';
import { ScheduleIndex } from './schedule-index';
import { Slot } from './slot';

const H = 'hotline-1';
const alice: AssigneeRef = { kind: 'person', id: 'alice' };
const bob: AssigneeRef = { kind: 'person', id: 'bob' };
const carol: AssigneeRef = { kind: 'person', id: 'carol' };
const NIGHTLY = onCallPattern({
  name: 'Nights',
  windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], start: '22:00', end: '06:00' }],
});

const options = (from: string, to: string, more: Partial<ApplyPatternOptions> = {}): ApplyPatternOptions => ({
  hotlineId: H,
  ids: new SequentialIds('new'),
  from,
  to,
  assignees: [alice],
  ...more,
});
/** Applies patterns one after the other, each refusing any overlap. */
function applied(
  steps: [OnCallPattern, AssigneeRef][],
  { from, to, existing = [] }: { from: string; to: string; existing?: Slot[] },
): Slot[] {
  const ids = new SequentialIds('new');
  return steps.reduce((slots, [pattern, who]) => {
    const result = applyPattern(slots, pattern, options(from, to, { assignees: [who], ids }));
    if (!result.ok) throw new Error(`${pattern.name}: ${result.error.message}`);
    return applyChange(slots, result.value);
  }, existing);
}
const line = (s: Slot) => `${s.start}→${s.end} ${s.assignees.map((a) => a.id).join(',')}`;
const realHours = (zone: string, slots: Slot[]) =>
  ScheduleIndex.build(TimeZone.of(zone), slots, [])
    .segments(0, 4e12)
    .map((s) => (s.end - s.start) / HOUR_MS);
const refused = (build: () => unknown, code: string, field: string) =>
  expect(build).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));

describe('preset patterns', () => {
  it('are office hours Mon–Fri 08–18, weeknights Mon–Thu 18→08 and the weekend Fri 18 → Mon 08', () => {
    expect(JSON.parse(JSON.stringify(PRESET_PATTERNS))).toEqual([
      {
        name: 'Office hours',
        windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', endDayOffset: 0, end: '18:00' }],
      },
      {
        name: 'Weeknights',
        windows: [{ days: ['MON', 'TUE', 'WED', 'THU'], start: '18:00', endDayOffset: 1, end: '08:00' }],
      },
      { name: 'Weekend', windows: [{ days: ['FRI'], start: '18:00', endDayOffset: 3, end: '08:00' }] },
    ]);
  });

  it.each([
    // zone, Monday, Sunday, hours from Monday 08:00 to the next, weekend hours
    ['Europe/Paris', '2027-05-03', '2027-05-09', 168, 62],
    ['Europe/Paris', '2027-03-22', '2027-03-28', 167, 61],
    ['Europe/Paris', '2027-10-25', '2027-10-31', 169, 63],
    ['America/New_York', '2027-03-08', '2027-03-14', 167, 61],
    ['Australia/Lord_Howe', '2027-09-27', '2027-10-03', 167.5, 61.5],
    ['Asia/Tokyo', '2027-03-22', '2027-03-28', 168, 62],
  ])(
    'in %s, applied together over %s…%s, cover the week once, without gap or overlap',
    (zone, monday, sunday, weekHours, weekendHours) => {
      const slots = applied(
        [
          [OFFICE_HOURS, alice],
          [WEEKNIGHTS, bob],
          [WEEKEND, carol],
        ],
        { from: monday, to: sunday },
      );
      expect(slots).toHaveLength(5 + 4 + 1);
      const segments = ScheduleIndex.build(TimeZone.of(zone), slots, []).segments(0, 4e12);
      expect(segments.every((s, i) => i === 0 || segments[i - 1].end === s.start)).toBe(true);
      expect((segments.at(-1)!.end - segments[0].start) / HOUR_MS).toBe(weekHours);
      const weekend = segments.find((s) => s.levels[0].id === 'carol')!;
      expect((weekend.end - weekend.start) / HOUR_MS).toBe(weekendHours);
    },
  );
});

describe('applyPattern', () => {
  it.each([
    // zone, Monday of the week whose Saturday night has the change, real hours of each night
    ['Europe/Paris', '2027-03-22', [8, 8, 8, 8, 8, 7, 8]],
    ['Europe/Paris', '2027-10-25', [8, 8, 8, 8, 8, 9, 8]],
    ['America/New_York', '2027-03-08', [8, 8, 8, 8, 8, 7, 8]],
    ['America/New_York', '2027-11-01', [8, 8, 8, 8, 8, 9, 8]],
    ['Australia/Lord_Howe', '2027-09-27', [8, 8, 8, 8, 8, 7.5, 8]],
    ['Australia/Lord_Howe', '2027-03-29', [8, 8, 8, 8, 8, 8.5, 8]],
    ['Asia/Tokyo', '2027-03-22', [8, 8, 8, 8, 8, 8, 8]],
  ])('in %s keeps 22:00→06:00 every night of the week of %s', (zone, monday, hours) => {
    const sunday = LocalDate.parse(monday).plusDays(6).toString();
    const slots = applied([[NIGHTLY, alice]], { from: monday, to: sunday });
    expect(slots.map((s) => `${s.start.time}→${s.end.time}`)).toEqual(Array(7).fill('22:00→06:00'));
    expect(realHours(zone, slots)).toEqual(hours);
  });

  it('creates windows that start in the range, whole, and none that start before it', () => {
    expect(applied([[WEEKEND, carol]], { from: '2027-05-07', to: '2027-05-07' }).map(line)).toEqual([
      '2027-05-07T18:00→2027-05-10T08:00 carol',
    ]);
    expect(applied([[WEEKEND, carol]], { from: '2027-05-08', to: '2027-05-13' })).toEqual([]);
    expect(applyPattern([], WEEKNIGHTS, options('2027-05-07', '2027-05-09'))).toEqual({
      ok: true,
      value: { added: [], updated: [], removedIds: [] },
    });
  });

  it('refuses to overlap existing slots by default, naming the window', () => {
    const existing = [aSlot(H, { start: '2027-05-04T12:00', end: '2027-05-04T20:00', assignees: [bob], id: 'x' })];
    expect(applyPattern(existing, WEEKNIGHTS, options('2027-05-03', '2027-05-06'))).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'SLOT_OVERLAP', field: 'windows[0]', conflictingSlotIds: ['x'] }),
    });
  });

  it('makes room in replace mode', () => {
    const existing = [aSlot(H, { start: '2027-05-04T12:00', end: '2027-05-04T20:00', assignees: [bob], id: 'x' })];
    const result = applyPattern(existing, WEEKNIGHTS, options('2027-05-04', '2027-05-04', { mode: 'replace' }));
    expect(result.ok && applyChange(existing, result.value).map(line)).toEqual([
      '2027-05-04T12:00→2027-05-04T18:00 bob',
      '2027-05-04T18:00→2027-05-05T08:00 alice',
    ]);
  });

  it.each([
    ['a last date before the first', options('2027-05-04', '2027-05-03'), 'INVALID_RANGE', 'to'],
    ['over 366 days', options('2027-01-01', '2028-01-02'), 'RANGE_TOO_LONG', 'to'],
    ['a malformed date', options('2027-5-4', '2027-05-09'), 'INVALID_LOCAL_DATE', 'from'],
    ['no assignee', options('2027-05-03', '2027-05-09', { assignees: [] }), 'REQUIRED', 'assignees'],
    [
      'an assignee without id',
      options('2027-05-03', '2027-05-09', { assignees: [{ kind: 'person', id: '' }] }),
      'INVALID_ID',
      'assignees[0].id',
    ],
  ])('refuses %s', (_, opts, code, field) => refused(() => applyPattern([], WEEKNIGHTS, opts), code, field));

  it('refuses to create more than 2,000 slots at once', () => {
    const sixShifts = onCallPattern({
      name: 'Four-hour shifts',
      windows: ['00:00', '04:00', '08:00', '12:00', '16:00', '20:00'].map((start, i) => ({
        days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
        start,
        end: ['04:00', '08:00', '12:00', '16:00', '20:00', '00:00'][i],
      })),
    });
    refused(() => applyPattern([], sixShifts, options('2027-01-01', '2027-12-31')), 'TOO_MANY', 'to');
    expect(applyPattern([], sixShifts, options('2027-01-01', '2027-11-01')).ok).toBe(true);
  });
});

describe('onCallPattern', () => {
  it.each([
    ['18:00', '08:00', undefined, 1],
    ['08:00', '18:00', undefined, 0],
    ['08:00', '08:00', undefined, 1],
    ['18:00', '08:00', 3, 3],
  ])('a window %s → %s (endDayOffset %p) ends %i day(s) after it starts', (start, end, endDayOffset, expected) => {
    expect(
      onCallPattern({ name: 'p', windows: [{ days: ['FRI'], start, end, endDayOffset }] }).windows[0].endDayOffset,
    ).toBe(expected);
  });

  it('round-trips through JSON, so a stored pattern reads back the same', () => {
    expect(onCallPattern(JSON.parse(JSON.stringify(WEEKEND)))).toEqual(WEEKEND);
  });

  const week = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
  it.each([
    ['no name', { name: ' ', windows: [{ days: week, start: '08:00', end: '18:00' }] }, 'REQUIRED', 'name'],
    ['no window', { name: 'p', windows: [] }, 'REQUIRED', 'windows'],
    [
      'an unknown weekday',
      {
        name: 'p',
        windows: [
          { days: week, start: '08:00', end: '18:00' },
          { days: ['SAT', 'Caturday'], start: '08:00', end: '18:00' },
        ],
      },
      'INVALID_WEEKDAYS',
      'windows[1].days[1]',
    ],
    [
      'a malformed time',
      { name: 'p', windows: [{ days: week, start: '8h', end: '18:00' }] },
      'INVALID_LOCAL_TIME',
      'windows[0].start',
    ],
    [
      'an offset past a week',
      { name: 'p', windows: [{ days: ['MON'], start: '08:00', end: '08:00', endDayOffset: 8 }] },
      'INVALID_DAY_OFFSET',
      'windows[0].endDayOffset',
    ],
    [
      'a fractional offset',
      { name: 'p', windows: [{ days: ['MON'], start: '08:00', end: '08:00', endDayOffset: 1.5 }] },
      'INVALID_DAY_OFFSET',
      'windows[0].endDayOffset',
    ],
    [
      'an empty window',
      { name: 'p', windows: [{ days: ['MON'], start: '08:00', end: '08:00', endDayOffset: 0 }] },
      'INVALID_RANGE',
      'windows[0].end',
    ],
    [
      'an end before the start on the same day',
      { name: 'p', windows: [{ days: ['MON'], start: '18:00', end: '08:00', endDayOffset: 0 }] },
      'INVALID_RANGE',
      'windows[0].end',
    ],
    [
      'a window longer than a week',
      { name: 'p', windows: [{ days: ['MON'], start: '08:00', end: '09:00', endDayOffset: 7 }] },
      'RANGE_TOO_LONG',
      'windows[0].endDayOffset',
    ],
    [
      'two windows overlapping',
      {
        name: 'p',
        windows: [
          { days: week, start: '08:00', end: '18:00' },
          { days: ['FRI'], start: '17:00', end: '08:00' },
        ],
      },
      'INPUTS_OVERLAP',
      'windows[1]',
    ],
    [
      'a window overlapping its own next occurrence',
      { name: 'p', windows: [{ days: ['MON', 'TUE'], start: '18:00', end: '08:00', endDayOffset: 2 }] },
      'INPUTS_OVERLAP',
      'windows[0].days',
    ],
    [
      'Sunday night running into Monday',
      {
        name: 'p',
        windows: [
          { days: ['MON'], start: '06:00', end: '18:00' },
          { days: ['SUN'], start: '22:00', end: '07:00' },
        ],
      },
      'INPUTS_OVERLAP',
      'windows[1]',
    ],
  ])('refuses %s', (_, input, code, field) => refused(() => onCallPattern(input), code, field));

  it('accepts a window of exactly a week and windows that touch', () => {
    expect(
      onCallPattern({ name: 'p', windows: [{ days: ['MON'], start: '08:00', end: '08:00', endDayOffset: 7 }] }).windows,
    ).toHaveLength(1);
    expect(
      onCallPattern({
        name: 'p',
        windows: [
          { days: week, start: '08:00', end: '18:00' },
          { days: week, start: '18:00', end: '08:00' },
        ],
      }).windows,
    ).toHaveLength(2);
  });
});
