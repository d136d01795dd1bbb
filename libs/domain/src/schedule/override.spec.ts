import { AssigneeRef } from '../directory/assignee';
import { LocalDateTime, TimeZone, formatInstant, parseInstant } from '../shared';
import { aSlot } from '../testing';
import { OverrideInput, endOverride, override } from './override';
import { ScheduleIndex } from './schedule-index';

const H = 'hotline-1';
const alice: AssigneeRef = { kind: 'person', id: 'alice' };
const bob: AssigneeRef = { kind: 'person', id: 'bob' };
const carol: AssigneeRef = { kind: 'person', id: 'carol' };
const at = parseInstant;
const made = at('2027-05-03T09:00Z');
const input = (more: Partial<OverrideInput> = {}): OverrideInput => ({
  id: 'ovr-1',
  hotlineId: H,
  end: '2027-05-03T12:00Z',
  assignees: [carol],
  createdAt: made,
  ...more,
});
const refused = (build: () => unknown, code: string, field: string) =>
  expect(build).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));

describe('override', () => {
  it('sends every call to X until T from the moment it is made, by default', () => {
    expect(override(input())).toEqual({
      id: 'ovr-1',
      hotlineId: H,
      start: made,
      end: at('2027-05-03T12:00Z'),
      assignees: [carol],
      level: null,
      createdAt: made,
      reason: null,
    });
  });

  it('takes a later start, one level, a reason, and instants as numbers or ISO text', () => {
    const built = override(
      input({
        start: at('2027-05-03T10:00Z'),
        end: '2027-05-03T14:00+02:00',
        level: 1,
        reason: '  Bob at the dentist ',
      }),
    );
    expect(built).toEqual(
      expect.objectContaining({
        start: at('2027-05-03T10:00Z'),
        end: at('2027-05-03T12:00Z'),
        level: 1,
        reason: 'Bob at the dentist',
      }),
    );
  });

  it('is plain data that survives JSON', () => {
    const built = override(input({ level: 0, reason: 'swap' }));
    expect(JSON.parse(JSON.stringify(built))).toEqual(built);
  });

  it.each([
    ['an end before the start', { start: '2027-05-03T12:00Z', end: '2027-05-03T11:00Z' }, 'INVALID_RANGE', 'end'],
    ['an end equal to the start', { start: '2027-05-03T12:00Z', end: '2027-05-03T12:00Z' }, 'INVALID_RANGE', 'end'],
    ['more than 31 days', { end: '2027-06-03T09:00:01Z' }, 'RANGE_TOO_LONG', 'end'],
    [
      'an end already past when it is made',
      { start: '2027-05-03T07:00Z', end: '2027-05-03T09:00Z' },
      'ALREADY_OVER',
      'end',
    ],
    ['an instant without offset', { end: '2027-05-03T12:00' }, 'INVALID_INSTANT', 'end'],
    ['a fractional start', { start: 1.5 }, 'INVALID_INSTANT', 'start'],
    ['a negative level', { level: -1 }, 'INVALID_LEVEL', 'level'],
    ['a level past the last possible one', { level: 20 }, 'INVALID_LEVEL', 'level'],
    ['a level override naming two people', { level: 0, assignees: [alice, bob] }, 'TOO_MANY', 'assignees'],
    ['nobody', { assignees: [] }, 'REQUIRED', 'assignees'],
    ['an unknown assignee kind', { assignees: [{ kind: 'group', id: 'x' }] }, 'INVALID_ASSIGNEE', 'assignees[0].kind'],
    ['a reason over 200 characters', { reason: 'x'.repeat(201) }, 'TOO_LONG', 'reason'],
    ['a bad id', { id: 'ovr 1' }, 'INVALID_ID', 'id'],
  ])('refuses %s', (_, more, code, field) =>
    refused(() => override(input(more as Partial<OverrideInput>)), code, field),
  );
});

describe('endOverride', () => {
  const running = override(input({ start: at('2027-05-03T10:00Z') }));

  it.each([
    [
      'shortens a running override',
      '2027-05-03T11:00Z',
      { ok: true, value: { action: 'save', override: { ...running, end: at('2027-05-03T11:00Z') } } },
    ],
    [
      'deletes one that has not begun',
      '2027-05-03T09:30Z',
      { ok: true, value: { action: 'delete', overrideId: 'ovr-1' } },
    ],
    [
      'deletes one ended at its very start',
      '2027-05-03T10:00Z',
      { ok: true, value: { action: 'delete', overrideId: 'ovr-1' } },
    ],
    [
      'refuses to end one already over',
      '2027-05-03T12:00Z',
      { ok: false, error: expect.objectContaining({ code: 'OVERRIDE_ENDED', field: 'at' }) },
    ],
  ])('%s (ended at %s)', (_, when, expected) => {
    expect(endOverride(running, at(when))).toEqual(expected);
  });

  it('hands the next call back to the schedule', () => {
    const schedule = [aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [alice], id: 'day' })];
    const paris = TimeZone.of('Europe/Paris');
    const ended = endOverride(running, at('2027-05-03T11:00Z'));
    if (!ended.ok || ended.value.action !== 'save') throw new Error('expected a shortened override');
    const before = ScheduleIndex.build(paris, schedule, [running]);
    const after = ScheduleIndex.build(paris, schedule, [ended.value.override]);
    expect([before, after].map((index) => index.onCallAt(at('2027-05-03T11:30Z')).levels)).toEqual([[carol], [alice]]);
  });
});

describe('overrides on the nights clocks change', () => {
  it.each([
    // zone, the slot, "until" in local time, the instant it means, levels just before and at it
    ['Europe/Paris', ['2027-03-27T22:00', '2027-03-28T06:00'], '2027-03-28T03:00', '2027-03-28T01:00:00.000Z'],
    ['Europe/Paris', ['2027-10-30T22:00', '2027-10-31T06:00'], '2027-10-31T02:30', '2027-10-31T00:30:00.000Z'],
    ['America/New_York', ['2027-11-06T22:00', '2027-11-07T06:00'], '2027-11-07T01:30', '2027-11-07T05:30:00.000Z'],
    ['Australia/Lord_Howe', ['2027-10-02T22:00', '2027-10-03T06:00'], '2027-10-03T02:30', '2027-10-02T15:30:00.000Z'],
    ['Asia/Tokyo', ['2027-03-27T22:00', '2027-03-28T06:00'], '2027-03-28T02:30', '2027-03-27T17:30:00.000Z'],
  ])(
    'in %s, "calls go to Carol until %s" ends at the instant that local time designates',
    (zone, [start, end], untilLocal, untilInstant) => {
      const tz = TimeZone.of(zone);
      const until = tz.toInstant(LocalDateTime.parse(untilLocal));
      expect(formatInstant(until)).toBe(untilInstant);
      const createdAt = tz.toInstant(LocalDateTime.parse(start));
      const index = ScheduleIndex.build(
        tz,
        [aSlot(H, { start, end, assignees: [alice, bob] })],
        [override({ id: 'o', hotlineId: H, end: until, assignees: [carol], level: 0, createdAt })],
      );
      expect(index.onCallAt(until - 1).levels).toEqual([carol, bob]);
      expect(index.onCallAt(until).levels).toEqual([alice, bob]);
    },
  );

  it('a later override for the repeated hour wins over an earlier one for the whole night (Paris, 31 October)', () => {
    const paris = TimeZone.of('Europe/Paris');
    const night = aSlot(H, { start: '2027-10-30T22:00', end: '2027-10-31T06:00', assignees: [alice] });
    const wholeNight = override({
      id: 'o1',
      hotlineId: H,
      start: '2027-10-30T20:00Z',
      end: '2027-10-31T05:00Z',
      assignees: [bob],
      createdAt: at('2027-10-30T12:00Z'),
    });
    const secondTwoOClock = override({
      id: 'o2',
      hotlineId: H,
      start: '2027-10-31T01:00Z',
      end: '2027-10-31T02:00Z',
      assignees: [carol],
      createdAt: at('2027-10-30T13:00Z'),
    });
    const segments = ScheduleIndex.build(paris, [night], [secondTwoOClock, wholeNight]).segments(
      at('2027-10-30T00:00Z'),
      at('2027-11-01T00:00Z'),
    );
    expect(
      segments.map(
        (s) => `${paris.toLocal(s.start)}→${paris.toLocal(s.end)} ${s.levels.map((a) => a.id)} ${s.overrideIds}`,
      ),
    ).toEqual([
      '2027-10-30T22:00→2027-10-31T02:00 bob o1', // 02:00 the second time
      '2027-10-31T02:00→2027-10-31T03:00 carol o2',
      '2027-10-31T03:00→2027-10-31T06:00 bob o1',
    ]);
  });
});
