import { AssigneeRef } from '../directory/assignee';
import { HOUR_MS, TimeZone, formatInstant, parseInstant } from '../shared';
import { aSlot, anOverride } from '../testing';
import { NOBODY_ON_CALL, ScheduleIndex } from './schedule-index';
import { OnCallSegment, Slot } from './slot';

const H = 'hotline-1';
const alice: AssigneeRef = { kind: 'person', id: 'alice' };
const bob: AssigneeRef = { kind: 'person', id: 'bob' };
const carol: AssigneeRef = { kind: 'person', id: 'carol' };
const crew: AssigneeRef = { kind: 'team', id: 'crew' };
const paris = TimeZone.of('Europe/Paris');
const at = parseInstant;

/** `alice,bob` for the levels in force at `instant`. */
const whoAt = (index: ScheduleIndex, instant: string) =>
  index
    .onCallAt(at(instant))
    .levels.map((a) => a.id)
    .join(',');
const shown = (segments: OnCallSegment[]) =>
  segments.map((s) => `${formatInstant(s.start)} ${formatInstant(s.end)} ${s.levels.map((a) => a.id).join(',')}`);
const realHours = (zone: string, slot: Slot) => {
  const index = ScheduleIndex.build(TimeZone.of(zone), [slot], []);
  return (
    index.segments(at('2000-01-01T00:00Z'), at('2100-01-01T00:00Z')).reduce((sum, s) => sum + s.end - s.start, 0) /
    HOUR_MS
  );
};

describe('ScheduleIndex: slots', () => {
  it.each([
    // zone, night 22:00 → 06:00 starting on, real hours
    ['Europe/Paris', '2027-03-27', 7],
    ['Europe/Paris', '2027-10-30', 9],
    ['Europe/Paris', '2027-06-12', 8],
    ['America/New_York', '2027-03-13', 7],
    ['America/New_York', '2027-11-06', 9],
    ['Australia/Lord_Howe', '2027-10-02', 7.5],
    ['Australia/Lord_Howe', '2027-04-03', 8.5],
    ['Asia/Tokyo', '2027-03-27', 8],
  ])('in %s a 22:00→06:00 slot starting %s lasts %d h of real time', (zone, night, hours) => {
    const nextDay = TimeZone.UTC.toLocal(at(`${night}T12:00Z`) + 24 * HOUR_MS).date.toString();
    expect(realHours(zone, aSlot(H, { start: `${night}T22:00`, end: `${nextDay}T06:00`, assignees: [alice] }))).toBe(
      hours,
    );
  });

  it.each([
    // the hand-over falls in the skipped hour (spring) and in the repeated hour (autumn)
    [
      '2027-03-27T22:00',
      '2027-03-28T02:30',
      '2027-03-28T06:00',
      [
        '2027-03-27T21:00:00.000Z 2027-03-28T01:00:00.000Z alice',
        '2027-03-28T01:00:00.000Z 2027-03-28T04:00:00.000Z bob',
      ],
    ],
    [
      '2027-10-30T22:00',
      '2027-10-31T02:30',
      '2027-10-31T06:00',
      [
        '2027-10-30T20:00:00.000Z 2027-10-31T00:30:00.000Z alice',
        '2027-10-31T00:30:00.000Z 2027-10-31T05:00:00.000Z bob',
      ],
    ],
  ])('in Paris, back-to-back slots %s→%s→%s leave no gap and no overlap', (start, handOver, end, expected) => {
    const index = ScheduleIndex.build(
      paris,
      [
        aSlot(H, { start, end: handOver, assignees: [alice], id: 's1' }),
        aSlot(H, { start: handOver, end, assignees: [bob], id: 's2' }),
      ],
      [],
    );
    expect(shown(index.segments(at('2027-01-01T00:00Z'), at('2028-01-01T00:00Z')))).toEqual(expected);
  });

  it('resolves a slot to the instants its wall-clock bounds designate, across both Paris changes', () => {
    const index = ScheduleIndex.build(
      paris,
      [
        aSlot(H, { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [alice], id: 'spring' }),
        aSlot(H, { start: '2027-10-30T22:00', end: '2027-10-31T06:00', assignees: [bob], id: 'autumn' }),
      ],
      [],
    );
    const instants = [
      '2027-03-27T20:59Z',
      '2027-03-27T21:00Z',
      '2027-03-28T03:59Z',
      '2027-03-28T04:00Z',
      '2027-10-30T20:00Z',
      '2027-10-31T01:30Z',
      '2027-10-31T04:59Z',
      '2027-10-31T05:00Z',
    ];
    // 2027-10-31T01:30Z is the second 02:30 of the night clocks go back
    expect(instants.map((instant) => whoAt(index, instant))).toEqual([
      '',
      'alice',
      'alice',
      '',
      'bob',
      'bob',
      'bob',
      '',
    ]);
  });

  it('ignores a slot lying wholly inside the skipped hour: it lasts no real time', () => {
    const index = ScheduleIndex.build(
      paris,
      [aSlot(H, { start: '2027-03-28T02:10', end: '2027-03-28T02:50', assignees: [alice] })],
      [],
    );
    expect(index.segments(at('2027-03-27T00:00Z'), at('2027-03-29T00:00Z'))).toEqual([]);
    expect(index.onCallAt(at('2027-03-28T01:00Z'))).toBe(NOBODY_ON_CALL);
  });

  it('answers nobody, with empty levels, outside every slot and before any', () => {
    const index = ScheduleIndex.build(
      paris,
      [aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [alice] })],
      [],
    );
    expect(index.onCallAt(at('2027-05-03T05:59Z'))).toEqual({ levels: [], slotId: null, overrideIds: [] });
    expect(index.onCallAt(at('2027-05-03T16:00Z'))).toEqual({ levels: [], slotId: null, overrideIds: [] });
    expect(ScheduleIndex.build(paris, [], []).onCallAt(at('2027-05-03T10:00Z')).levels).toEqual([]);
  });

  it('keeps the escalation order and names the slot', () => {
    const index = ScheduleIndex.build(
      paris,
      [aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [alice, crew, bob], id: 'day' })],
      [],
    );
    expect(index.onCallAt(at('2027-05-03T10:00Z'))).toEqual({
      levels: [alice, crew, bob],
      slotId: 'day',
      overrideIds: [],
    });
  });

  it('lists segments in order, clipped to the range, with gaps left out and slots kept apart', () => {
    const index = ScheduleIndex.build(
      TimeZone.of('Asia/Tokyo'),
      [
        aSlot(H, { start: '2027-05-03T18:00', end: '2027-05-04T08:00', assignees: [bob], id: 'night' }),
        aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-03T12:00', assignees: [alice], id: 'morning' }),
        aSlot(H, { start: '2027-05-03T12:00', end: '2027-05-03T18:00', assignees: [alice], id: 'afternoon' }),
        aSlot(H, { start: '2027-05-04T09:00', end: '2027-05-04T10:00', assignees: [carol], id: 'later' }),
      ],
      [],
    );
    const segments = index.segments(at('2027-05-03T01:00Z'), at('2027-05-03T22:00Z'));
    expect(shown(segments)).toEqual([
      '2027-05-03T01:00:00.000Z 2027-05-03T03:00:00.000Z alice',
      '2027-05-03T03:00:00.000Z 2027-05-03T09:00:00.000Z alice',
      '2027-05-03T09:00:00.000Z 2027-05-03T22:00:00.000Z bob',
    ]);
    expect(segments.map((s) => s.slotId)).toEqual(['morning', 'afternoon', 'night']);
    expect(index.segments(at('2027-05-03T23:00Z'), at('2027-05-04T00:30Z')).map((s) => s.slotId)).toEqual(['later']);
    expect(index.segments(at('2027-05-03T05:00Z'), at('2027-05-03T05:00Z'))).toEqual([]);
  });

  it('refuses a range that ends before it starts', () => {
    const index = ScheduleIndex.build(paris, [], []);
    expect(() => index.segments(at('2027-05-03T05:00Z'), at('2027-05-03T04:00Z'))).toThrow(
      expect.objectContaining({ name: 'ValidationError', code: 'INVALID_RANGE', field: 'to' }),
    );
  });

  it('tells when who is on duty next changes', () => {
    const index = ScheduleIndex.build(
      paris,
      [aSlot(H, { start: '2027-10-30T22:00', end: '2027-10-31T06:00', assignees: [alice] })],
      [],
    );
    expect(index.nextChangeAfter(at('2027-10-30T12:00Z'))).toBe(at('2027-10-30T20:00Z'));
    expect(index.nextChangeAfter(at('2027-10-30T20:00Z'))).toBe(at('2027-10-31T05:00Z'));
    expect(index.nextChangeAfter(at('2027-10-31T05:00Z'))).toBeNull();
  });

  it('still gives one answer if stored slots overlap: the one starting last wins', () => {
    const index = ScheduleIndex.build(
      TimeZone.UTC,
      [
        aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [alice], id: 'long' }),
        aSlot(H, { start: '2027-05-03T10:00', end: '2027-05-03T12:00', assignees: [bob], id: 'inner' }),
      ],
      [],
    );
    expect(['09:00', '11:00', '13:00'].map((t) => whoAt(index, `2027-05-03T${t}Z`))).toEqual(['alice', 'bob', 'alice']);
  });
});

describe('ScheduleIndex: overrides', () => {
  const day = aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [alice, bob], id: 'day' }); // 06:00Z → 16:00Z in Paris

  it.each([
    [
      'a whole-list override replaces every level',
      [anOverride(H, { start: '2027-05-03T07:00Z', end: '2027-05-03T08:00Z', assignees: [carol], id: 'o1' })],
      'carol',
      ['o1'],
    ],
    [
      'a level override replaces that level only',
      [anOverride(H, { start: '2027-05-03T07:00Z', end: '2027-05-03T08:00Z', assignees: [carol], id: 'o1', level: 1 })],
      'alice,carol',
      ['o1'],
    ],
    [
      'a level beyond the list is appended at the end',
      [anOverride(H, { start: '2027-05-03T07:00Z', end: '2027-05-03T08:00Z', assignees: [carol], id: 'o1', level: 5 })],
      'alice,bob,carol',
      ['o1'],
    ],
    [
      'the override created last wins',
      [
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [bob],
          id: 'o2',
          createdAt: '2027-05-03T06:30Z',
        }),
        anOverride(H, {
          start: '2027-05-03T06:30Z',
          end: '2027-05-03T09:00Z',
          assignees: [carol],
          id: 'o1',
          createdAt: '2027-05-03T06:00Z',
        }),
      ],
      'bob',
      ['o2'],
    ],
    [
      'on equal creation times the higher id wins (ovr-10 after ovr-9)',
      [
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [bob],
          id: 'ovr-10',
          createdAt: '2027-05-03T06:00Z',
        }),
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [carol],
          id: 'ovr-9',
          createdAt: '2027-05-03T06:00Z',
        }),
      ],
      'bob',
      ['ovr-10'],
    ],
    [
      'a later level override applies over an earlier whole-list override',
      [
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [carol, crew],
          id: 'o1',
          createdAt: '2027-05-03T06:00Z',
        }),
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [bob],
          id: 'o2',
          level: 0,
          createdAt: '2027-05-03T06:05Z',
        }),
      ],
      'bob,crew',
      ['o1', 'o2'],
    ],
    [
      'a later whole-list override hides an earlier level override',
      [
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [bob],
          id: 'o1',
          level: 0,
          createdAt: '2027-05-03T06:00Z',
        }),
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [carol],
          id: 'o2',
          createdAt: '2027-05-03T06:05Z',
        }),
      ],
      'carol',
      ['o2'],
    ],
    [
      'level overrides apply in creation order',
      [
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [crew],
          id: 'o2',
          level: 9,
          createdAt: '2027-05-03T06:05Z',
        }),
        anOverride(H, {
          start: '2027-05-03T07:00Z',
          end: '2027-05-03T08:00Z',
          assignees: [carol],
          id: 'o1',
          level: 2,
          createdAt: '2027-05-03T06:00Z',
        }),
      ],
      'alice,bob,carol,crew',
      ['o1', 'o2'],
    ],
    [
      'an assignee put on a second level keeps only its earliest one',
      [anOverride(H, { start: '2027-05-03T07:00Z', end: '2027-05-03T08:00Z', assignees: [alice], id: 'o1', level: 1 })],
      'alice',
      ['o1'],
    ],
  ])('%s', (_, overrides, levels, overrideIds) => {
    const onCall = ScheduleIndex.build(paris, [day], overrides).onCallAt(at('2027-05-03T07:30Z'));
    expect(onCall.levels.map((a) => a.id).join(',')).toBe(levels);
    expect(onCall.overrideIds).toEqual(overrideIds);
    expect(onCall.slotId).toBe('day');
  });

  it('applies an override where no slot is, and a level override there becomes the only level', () => {
    const index = ScheduleIndex.build(
      paris,
      [day],
      [
        anOverride(H, { start: '2027-05-03T16:00Z', end: '2027-05-03T17:00Z', assignees: [carol], id: 'o1' }),
        anOverride(H, { start: '2027-05-03T17:00Z', end: '2027-05-03T18:00Z', assignees: [bob], id: 'o2', level: 3 }),
      ],
    );
    expect(index.onCallAt(at('2027-05-03T16:30Z'))).toEqual({ levels: [carol], slotId: null, overrideIds: ['o1'] });
    expect(index.onCallAt(at('2027-05-03T17:30Z'))).toEqual({ levels: [bob], slotId: null, overrideIds: ['o2'] });
  });

  it('cuts the timeline where an override begins and ends', () => {
    const index = ScheduleIndex.build(
      paris,
      [day],
      [anOverride(H, { start: '2027-05-03T10:00Z', end: '2027-05-03T12:00Z', assignees: [carol], id: 'o1', level: 0 })],
    );
    expect(shown(index.segments(at('2027-05-03T00:00Z'), at('2027-05-04T00:00Z')))).toEqual([
      '2027-05-03T06:00:00.000Z 2027-05-03T10:00:00.000Z alice,bob',
      '2027-05-03T10:00:00.000Z 2027-05-03T12:00:00.000Z carol,bob',
      '2027-05-03T12:00:00.000Z 2027-05-03T16:00:00.000Z alice,bob',
    ]);
  });

  it.each([
    // an override in real time across the change, over a 22:00 → 06:00 night
    [
      '2027-03-27T22:00',
      '2027-03-28T06:00',
      '2027-03-28T00:30Z',
      '2027-03-28T01:30Z',
      ['21:00 00:30 alice', '00:30 01:30 carol', '01:30 04:00 alice'],
    ],
    [
      '2027-10-30T22:00',
      '2027-10-31T06:00',
      '2027-10-31T00:30Z',
      '2027-10-31T01:30Z',
      ['20:00 00:30 alice', '00:30 01:30 carol', '01:30 05:00 alice'],
    ],
  ])('in Paris, night %s→%s with an override %s→%s', (start, end, from, to, expected) => {
    const index = ScheduleIndex.build(
      paris,
      [aSlot(H, { start, end, assignees: [alice] })],
      [anOverride(H, { start: from, end: to, assignees: [carol] })],
    );
    const segments = index.segments(at('2027-01-01T00:00Z'), at('2028-01-01T00:00Z'));
    const hhmm = (instant: number) => formatInstant(instant).slice(11, 16);
    expect(segments.map((s) => `${hhmm(s.start)} ${hhmm(s.end)} ${s.levels.map((a) => a.id).join(',')}`)).toEqual(
      expected,
    );
  });

  it('answers at the boundaries of a year of slots and a thousand overrides', () => {
    const slots: Slot[] = [];
    for (let d = 0; d < 365; d++) {
      const date = TimeZone.UTC.toLocal(at('2027-01-01T00:00Z') + d * 24 * HOUR_MS).date;
      slots.push(aSlot(H, { start: `${date}T08:00`, end: `${date}T18:00`, assignees: [alice], id: `day-${d}` }));
      slots.push(
        aSlot(H, { start: `${date}T18:00`, end: `${date.plusDays(1)}T08:00`, assignees: [bob], id: `night-${d}` }),
      );
    }
    const overrides = Array.from({ length: 1000 }, (_, i) =>
      anOverride(H, {
        start: formatInstant(at('2027-01-01T00:00Z') + i * 8 * HOUR_MS),
        end: formatInstant(at('2027-01-01T01:00Z') + i * 8 * HOUR_MS),
        assignees: [carol],
        id: `o-${i}`,
      }),
    );
    const index = ScheduleIndex.build(paris, slots, overrides);
    expect(whoAt(index, '2027-07-01T12:00Z')).toBe('alice'); // 14:00 CEST, no override then
    expect(whoAt(index, '2027-07-01T16:00Z')).toBe('carol'); // an override 16:00Z → 17:00Z
    expect(whoAt(index, '2027-07-01T17:00Z')).toBe('bob');
    expect(
      index
        .segments(at('2027-01-01T00:00Z'), at('2028-01-01T00:00Z'))
        .every((s, i, all) => i === 0 || all[i - 1].end <= s.start),
    ).toBe(true);
  });
});
