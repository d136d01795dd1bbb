import { AssigneeRef } from '../directory/assignee';
import { HOUR_MS, LocalDateTime, Result, TimeZone } from '../shared';
import { SequentialIds, aSlot } from '../testing';
import { ScheduleChange, applyChange } from './schedule-change';
import { ScheduleError } from './schedule-error';
import { ScheduleIndex } from './schedule-index';
import { Slot } from './slot';
import { SlotInput, createSlots, deleteSlots, moveSlot, resizeSlot, setSlotAssignees } from './slot-operations';

const H = 'hotline-1';
const alice: AssigneeRef = { kind: 'person', id: 'alice' };
const bob: AssigneeRef = { kind: 'person', id: 'bob' };
const carol: AssigneeRef = { kind: 'person', id: 'carol' };

/** Monday 3 May 2027: morning, afternoon, night. */
const day = (): Slot[] => [
  aSlot(H, { start: '2027-05-03T08:00', end: '2027-05-03T12:00', assignees: [alice], id: 'am' }),
  aSlot(H, { start: '2027-05-03T12:00', end: '2027-05-03T18:00', assignees: [bob], id: 'pm' }),
  aSlot(H, { start: '2027-05-03T18:00', end: '2027-05-04T08:00', assignees: [carol], id: 'night' }),
];
const line = (s: Slot) => `${s.id} ${s.start}→${s.end} ${s.assignees.map((a) => a.id).join(',')}`;
/** The change in a form tables can spell out. */
const shown = (result: Result<ScheduleChange, ScheduleError>) =>
  result.ok
    ? {
        added: result.value.added.map(line),
        updated: result.value.updated.map(line),
        removedIds: result.value.removedIds,
      }
    : result.error;
const input = (start: string, end: string, assignees: AssigneeRef[] = [alice]): SlotInput => ({
  start,
  end,
  assignees,
});
const refused = (build: () => unknown, code: string, field: string) =>
  expect(build).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));

describe('createSlots', () => {
  it('adds slots with ids from the generator, touching neighbours without overlapping them', () => {
    const result = createSlots(
      day(),
      [input('2027-05-03T06:00', '2027-05-03T08:00'), input('2027-05-04T08:00', '2027-05-04T09:30', [bob, carol])],
      {
        hotlineId: H,
        ids: new SequentialIds('new'),
      },
    );
    expect(shown(result)).toEqual({
      added: ['new-1 2027-05-03T06:00→2027-05-03T08:00 alice', 'new-2 2027-05-04T08:00→2027-05-04T09:30 bob,carol'],
      updated: [],
      removedIds: [],
    });
  });

  it('refuses an overlap by default, naming the first overlapping input and every slot in the way', () => {
    const result = createSlots(
      day(),
      [
        input('2027-05-02T08:00', '2027-05-02T09:00'),
        input('2027-05-03T11:00', '2027-05-03T13:00'),
        input('2027-05-03T20:00', '2027-05-03T21:00'),
      ],
      {
        hotlineId: H,
        ids: new SequentialIds('new'),
      },
    );
    expect(shown(result)).toEqual(
      expect.objectContaining({ code: 'SLOT_OVERLAP', field: 'slots[1]', conflictingSlotIds: ['am', 'pm', 'night'] }),
    );
  });

  it.each([
    [
      'trims the end of a slot it starts inside',
      '11:00',
      '12:00',
      [],
      ['am 2027-05-03T08:00→2027-05-03T11:00 alice'],
      [],
    ],
    [
      'trims the start of a slot it ends inside',
      '08:00',
      '09:00',
      [],
      ['am 2027-05-03T09:00→2027-05-03T12:00 alice'],
      [],
    ],
    [
      'splits a slot it lies inside, the later piece with a new id',
      '09:00',
      '10:00',
      ['new-2 2027-05-03T10:00→2027-05-03T12:00 alice'],
      ['am 2027-05-03T08:00→2027-05-03T09:00 alice'],
      [],
    ],
    [
      'swallows a slot it covers and trims the next',
      '07:00',
      '13:00',
      [],
      ['pm 2027-05-03T13:00→2027-05-03T18:00 bob'],
      ['am'],
    ],
    ['replaces a slot with exactly the same bounds', '12:00', '18:00', [], [], ['pm']],
    [
      'cuts across three slots',
      '11:00',
      '19:00',
      [],
      ['am 2027-05-03T08:00→2027-05-03T11:00 alice', 'night 2027-05-03T19:00→2027-05-04T08:00 carol'],
      ['pm'],
    ],
  ])('in replace mode %s (new slot %s→%s)', (_, start, end, pieces, updated, removedIds) => {
    const [from, to] = [`2027-05-03T${start}`, `2027-05-03T${end}`];
    const result = createSlots(day(), [input(from, to, [bob, alice])], {
      hotlineId: H,
      ids: new SequentialIds('new'),
      mode: 'replace',
    });
    expect(shown(result)).toEqual({ added: [`new-1 ${from}→${to} bob,alice`, ...pieces], updated, removedIds });
  });

  it('gives the change that applyChange turns into the new schedule', () => {
    const existing = day();
    const result = createSlots(existing, [input('2027-05-03T09:00', '2027-05-03T10:00', [bob])], {
      hotlineId: H,
      ids: new SequentialIds('new'),
      mode: 'replace',
    });
    if (!result.ok) throw new Error('expected the write to succeed');
    expect(applyChange(existing, result.value).map(line)).toEqual([
      'am 2027-05-03T08:00→2027-05-03T09:00 alice',
      'new-1 2027-05-03T09:00→2027-05-03T10:00 bob',
      'new-2 2027-05-03T10:00→2027-05-03T12:00 alice',
      'pm 2027-05-03T12:00→2027-05-03T18:00 bob',
      'night 2027-05-03T18:00→2027-05-04T08:00 carol',
    ]);
  });

  it.each([
    [
      'a reversed range',
      'INVALID_RANGE',
      'slots[1].end',
      [input('2027-05-10T08:00', '2027-05-10T09:00'), input('2027-05-10T10:00', '2027-05-10T09:00')],
    ],
    ['a zero-length slot', 'INVALID_RANGE', 'slots[0].end', [input('2027-05-10T08:00', '2027-05-10T08:00')]],
    ['a slot over 31 days', 'RANGE_TOO_LONG', 'slots[0].end', [input('2027-05-01T08:00', '2027-06-01T08:01')]],
    ['a malformed start', 'INVALID_LOCAL_DATE_TIME', 'slots[0].start', [input('2027-05-10 08:00', '2027-05-10T09:00')]],
    [
      'a date that does not exist',
      'INVALID_LOCAL_DATE_TIME',
      'slots[0].start',
      [input('2027-02-29T08:00', '2027-03-01T09:00')],
    ],
    [
      'no assignee',
      'REQUIRED',
      'slots[0].assignees',
      [{ start: '2027-05-10T08:00', end: '2027-05-10T09:00', assignees: [] }],
    ],
    [
      'an unknown assignee kind',
      'INVALID_ASSIGNEE',
      'slots[0].assignees[1].kind',
      [{ start: '2027-05-10T08:00', end: '2027-05-10T09:00', assignees: [alice, { kind: 'robot', id: 'r2' }] }],
    ],
    [
      'an assignee twice',
      'DUPLICATE_ASSIGNEE',
      'slots[0].assignees[2]',
      [{ start: '2027-05-10T08:00', end: '2027-05-10T09:00', assignees: [alice, bob, alice] }],
    ],
    [
      'inputs overlapping each other',
      'INPUTS_OVERLAP',
      'slots[2]',
      [
        input('2027-05-10T08:00', '2027-05-10T12:00'),
        input('2027-05-10T14:00', '2027-05-10T15:00'),
        input('2027-05-10T11:00', '2027-05-10T13:00'),
      ],
    ],
    ['an empty batch', 'REQUIRED', 'slots', []],
    [
      'a batch over 2,000 slots',
      'TOO_MANY',
      'slots',
      Array.from({ length: 2001 }, (_, i) =>
        input(
          LocalDateTime.parse('2027-01-01T00:00')
            .plusMinutes(i * 60)
            .toString(),
          LocalDateTime.parse('2027-01-01T00:30')
            .plusMinutes(i * 60)
            .toString(),
        ),
      ),
    ],
  ])('refuses %s: %s at %s', (_, code, field, inputs) => {
    refused(() => createSlots([], inputs, { hotlineId: H, ids: new SequentialIds(), mode: 'replace' }), code, field);
  });

  it('accepts a slot of exactly 31 days', () => {
    expect(
      createSlots([], [input('2027-05-01T08:00', '2027-06-01T08:00')], { hotlineId: H, ids: new SequentialIds() }).ok,
    ).toBe(true);
  });

  it('treats slots of another hotline among the existing ones as a bug', () => {
    expect(() =>
      createSlots(
        [aSlot('other', { start: '2027-05-01T08:00', end: '2027-05-01T09:00', assignees: [bob] })],
        [input('2027-05-02T08:00', '2027-05-02T09:00')],
        { hotlineId: H, ids: new SequentialIds() },
      ),
    ).toThrow(/belongs to hotline other/);
  });

  it.each([
    ['Europe/Paris', '2027-03-27T22:00', '2027-03-28T02:30', '2027-03-28T06:00', 7],
    ['Europe/Paris', '2027-10-30T22:00', '2027-10-31T02:30', '2027-10-31T06:00', 9],
    ['America/New_York', '2027-03-13T22:00', '2027-03-14T02:30', '2027-03-14T06:00', 7],
    ['Australia/Lord_Howe', '2027-10-02T22:00', '2027-10-03T02:15', '2027-10-03T06:00', 7.5],
  ])(
    'in %s, slots back to back at the change (%s→%s→%s) are accepted and leave no gap',
    (zone, start, handOver, end, hours) => {
      const result = createSlots([], [input(start, handOver, [alice]), input(handOver, end, [bob])], {
        hotlineId: H,
        ids: new SequentialIds(),
      });
      if (!result.ok) throw new Error('expected the write to succeed');
      const segments = ScheduleIndex.build(TimeZone.of(zone), applyChange([], result.value), []).segments(0, 4e12);
      expect(segments).toHaveLength(2);
      expect(segments[0].end).toBe(segments[1].start);
      expect((segments[1].end - segments[0].start) / HOUR_MS).toBe(hours);
    },
  );
});

describe('moveSlot', () => {
  it.each([
    [
      'to a free evening, keeping its wall-clock length',
      'night',
      '2027-05-04T20:00',
      'reject',
      { added: [], updated: ['night 2027-05-04T20:00→2027-05-05T10:00 carol'], removedIds: [] },
    ],
    [
      'to where it partly already is',
      'am',
      '2027-05-03T07:00',
      'reject',
      { added: [], updated: ['am 2027-05-03T07:00→2027-05-03T11:00 alice'], removedIds: [] },
    ],
    [
      'over another slot in replace mode',
      'am',
      '2027-05-03T14:00',
      'replace',
      {
        added: [],
        updated: ['pm 2027-05-03T12:00→2027-05-03T14:00 bob', 'am 2027-05-03T14:00→2027-05-03T18:00 alice'],
        removedIds: [],
      },
    ],
  ] as const)('moves a slot %s', (_, id, start, mode, expected) => {
    expect(shown(moveSlot(day(), id, { start, ids: new SequentialIds('new'), mode }))).toEqual(expected);
  });

  it('keeps 22:00→06:00 on the Paris nights clocks change: the same wall-clock length, another real length', () => {
    const existing = [aSlot(H, { start: '2027-03-20T22:00', end: '2027-03-21T06:00', assignees: [alice], id: 'n' })];
    const result = moveSlot(existing, 'n', { start: '2027-03-27T22:00', ids: new SequentialIds() });
    expect(shown(result)).toEqual({
      added: [],
      updated: ['n 2027-03-27T22:00→2027-03-28T06:00 alice'],
      removedIds: [],
    });
    if (!result.ok) throw new Error('expected the move to succeed');
    const [segment] = ScheduleIndex.build(
      TimeZone.of('Europe/Paris'),
      applyChange(existing, result.value),
      [],
    ).segments(0, 4e12);
    expect((segment.end - segment.start) / HOUR_MS).toBe(7);
  });

  it('refuses an overlap on the start field, and an unknown slot as NOT_FOUND', () => {
    expect(shown(moveSlot(day(), 'am', { start: '2027-05-03T15:00', ids: new SequentialIds() }))).toEqual(
      expect.objectContaining({ code: 'SLOT_OVERLAP', field: 'start', conflictingSlotIds: ['pm', 'night'] }),
    );
    expect(shown(moveSlot(day(), 'gone', { start: '2027-05-03T15:00', ids: new SequentialIds() }))).toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', field: 'id', missingIds: ['gone'] }),
    );
    refused(
      () => moveSlot(day(), 'am', { start: 'tomorrow', ids: new SequentialIds() }),
      'INVALID_LOCAL_DATE_TIME',
      'start',
    );
  });
});

describe('resizeSlot', () => {
  it.each([
    [
      'shrinks a slot',
      'pm',
      '2027-05-03T13:00',
      '2027-05-03T17:00',
      'reject',
      { added: [], updated: ['pm 2027-05-03T13:00→2027-05-03T17:00 bob'], removedIds: [] },
    ],
    [
      'grows into a neighbour in replace mode',
      'pm',
      '2027-05-03T10:00',
      '2027-05-03T18:00',
      'replace',
      {
        added: [],
        updated: ['am 2027-05-03T08:00→2027-05-03T10:00 alice', 'pm 2027-05-03T10:00→2027-05-03T18:00 bob'],
        removedIds: [],
      },
    ],
    [
      'swallows both neighbours in replace mode',
      'pm',
      '2027-05-03T08:00',
      '2027-05-04T08:00',
      'replace',
      {
        added: [],
        updated: ['pm 2027-05-03T08:00→2027-05-04T08:00 bob'],
        removedIds: ['am', 'night'],
      },
    ],
  ] as const)('%s', (_, id, start, end, mode, expected) => {
    expect(shown(resizeSlot(day(), id, { start, end, ids: new SequentialIds('new'), mode }))).toEqual(expected);
  });

  it.each([
    ['2027-05-03T11:00', '2027-05-03T18:00', 'start', ['am']],
    ['2027-05-03T12:00', '2027-05-03T19:00', 'end', ['night']],
  ])('names the edge that ran into a neighbour (%s→%s: %s)', (start, end, field, conflictingSlotIds) => {
    expect(shown(resizeSlot(day(), 'pm', { start, end, ids: new SequentialIds() }))).toEqual(
      expect.objectContaining({ code: 'SLOT_OVERLAP', field, conflictingSlotIds }),
    );
  });

  it('refuses an empty or reversed range and an unknown slot', () => {
    refused(
      () => resizeSlot(day(), 'pm', { start: '2027-05-03T13:00', end: '2027-05-03T13:00', ids: new SequentialIds() }),
      'INVALID_RANGE',
      'end',
    );
    refused(
      () => resizeSlot(day(), 'pm', { start: '2027-05-03T13:00', end: '2027-05-03T12:00', ids: new SequentialIds() }),
      'INVALID_RANGE',
      'end',
    );
    expect(
      shown(
        resizeSlot(day(), 'nope', { start: '2027-05-03T13:00', end: '2027-05-03T14:00', ids: new SequentialIds() }),
      ),
    ).toEqual(expect.objectContaining({ code: 'NOT_FOUND', field: 'id' }));
  });
});

describe('deleteSlots and setSlotAssignees', () => {
  it('deletes the slots named', () => {
    expect(shown(deleteSlots(day(), ['night', 'am']))).toEqual({ added: [], updated: [], removedIds: ['night', 'am'] });
  });

  it('reports every unknown id, naming the first', () => {
    expect(shown(deleteSlots(day(), ['am', 'x', 'y']))).toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', field: 'ids[1]', missingIds: ['x', 'y'] }),
    );
  });

  it.each([
    [[], 'REQUIRED', 'ids'],
    [['am', 'pm', 'am'], 'DUPLICATE_ID', 'ids[2]'],
  ])('refuses %p', (ids, code, field) => refused(() => deleteSlots(day(), ids), code, field));

  it('replaces the escalation levels of a slot', () => {
    expect(shown(setSlotAssignees(day(), 'pm', [carol, alice]))).toEqual({
      added: [],
      updated: ['pm 2027-05-03T12:00→2027-05-03T18:00 carol,alice'],
      removedIds: [],
    });
    expect(shown(setSlotAssignees(day(), 'pm', [bob]))).toEqual({ added: [], updated: [], removedIds: [] });
    expect(shown(setSlotAssignees(day(), 'zz', [bob]))).toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', field: 'id', missingIds: ['zz'] }),
    );
    refused(() => setSlotAssignees(day(), 'pm', [bob, bob]), 'DUPLICATE_ASSIGNEE', 'assignees[1]');
  });
});

describe('applyChange', () => {
  it('refuses a change naming a slot it does not have: a bug, not a refusal', () => {
    expect(() => applyChange(day(), { added: [], updated: [], removedIds: ['ghost'] })).toThrow(/ghost/);
  });
});
