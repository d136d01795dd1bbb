import { HOUR_MS, Slot, VersionConflictError, parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InMemoryDutyline, aCaller, refusalOf, seedSampleDirectory, valueOf } from '../testing';
import { ScheduleService } from './schedule.service';

const caller = aCaller('acct-a', 'user-a');
const stranger = aCaller('acct-b', 'user-b');

async function world(options: { maxScheduleAttempts?: number; timeZone?: string } = {}) {
  const store = new InMemoryDutyline(new ManualClock('2027-03-20T09:00:00Z'), new SequentialIds('id'));
  const app = store.application({ maxScheduleAttempts: options.maxScheduleAttempts });
  const a = await seedSampleDirectory(app, caller, { timeZone: options.timeZone });
  const b = await seedSampleDirectory(app, stranger, { variant: 1 });
  const names = new Map([a.alice, a.bob, a.carol, a.crew].map((x) => [x.id, x.name]));
  const line = (s: Slot) => `${s.start}→${s.end} ${s.assignees.map((x) => names.get(x.id) ?? x.id).join(',')}`;
  /** The whole stored schedule of account A's hotline, as lines. */
  const lines = async (hotlineId = a.hotline.id) =>
    valueOf(
      await app.schedule.slots(caller, hotlineId, { from: '2026-12-01T00:00', to: '2027-12-01T00:00' }),
    ).slots.map(line);
  const person = (p: { id: string }) => ({ kind: 'person', id: p.id });
  return { store, app, ...a, b, line, lines, person, H: a.hotline.id };
}

const refused = (promise: Promise<unknown>, code: string, field: string) =>
  expect(promise).rejects.toMatchObject({ name: 'ValidationError', code, field });

describe('ScheduleService: slots in batches', () => {
  it('creates a batch, stores it at the next version and records who did it, before and after', async () => {
    const w = await world();
    const written = valueOf(
      await w.app.schedule.createSlots(caller, w.H, {
        slots: [
          { start: '2027-03-22T08:00', end: '2027-03-22T18:00', assignees: [w.person(w.alice)] },
          {
            start: '2027-03-22T18:00',
            end: '2027-03-23T08:00',
            assignees: [w.person(w.bob), { kind: 'team', id: w.crew.id }],
          },
        ],
      }),
    );
    expect(written.version).toBe(1);
    expect(written.added.map(w.line)).toEqual([
      '2027-03-22T08:00→2027-03-22T18:00 Alice',
      '2027-03-22T18:00→2027-03-23T08:00 Bob,Maintenance crew',
    ]);
    expect(await w.lines()).toEqual(written.added.map(w.line));
    const [entry] = w.store.audit.entries('acct-a').filter((e) => e.entityType === 'schedule');
    expect(entry).toMatchObject({
      action: 'schedule.slots-created',
      entityId: w.H,
      actor: { kind: 'user', id: 'user-a' },
      at: parseInstant('2027-03-20T09:00:00Z'),
      before: { version: 0, slots: [] },
      after: {
        version: 1,
        removedIds: [],
        slots: [expect.objectContaining({ start: '2027-03-22T08:00', end: '2027-03-22T18:00' }), expect.anything()],
      },
    });
  });

  it.each([
    ['a reversed slot', [{ start: '2027-03-22T10:00', end: '2027-03-22T09:00' }], 'INVALID_RANGE', 'slots[0].end'],
    [
      'a malformed time',
      [{ start: '2027-03-22 10:00', end: '2027-03-22T12:00' }],
      'INVALID_LOCAL_DATE_TIME',
      'slots[0].start',
    ],
    [
      'an impossible date',
      [{ start: '2027-02-30T10:00', end: '2027-03-01T12:00' }],
      'INVALID_LOCAL_DATE_TIME',
      'slots[0].start',
    ],
    [
      'two inputs overlapping',
      [
        { start: '2027-03-22T10:00', end: '2027-03-22T12:00' },
        { start: '2027-03-22T11:00', end: '2027-03-22T13:00' },
      ],
      'INPUTS_OVERLAP',
      'slots[1]',
    ],
    ['a slot over 31 days', [{ start: '2027-03-01T00:00', end: '2027-04-02T00:00' }], 'RANGE_TOO_LONG', 'slots[0].end'],
  ])('refuses %s before reading anything, naming the input', async (_, inputs, code, field) => {
    const w = await world();
    const before = w.store.db.calls.length;
    await refused(
      w.app.schedule.createSlots(caller, w.H, { slots: inputs.map((i) => ({ ...i, assignees: [w.person(w.alice)] })) }),
      code,
      field,
    );
    expect(w.store.db.calls.slice(before)).toEqual([]);
  });

  it('refuses an assignee of another account as unknown, at its input path', async () => {
    const w = await world();
    const slots = [
      { start: '2027-03-22T08:00', end: '2027-03-22T18:00', assignees: [w.person(w.alice)] },
      { start: '2027-03-22T18:00', end: '2027-03-23T08:00', assignees: [w.person(w.bob), w.person(w.b.alice)] },
    ];
    await refused(w.app.schedule.createSlots(caller, w.H, { slots }), 'UNKNOWN_ASSIGNEE', 'slots[1].assignees[1].id');
    expect(await w.lines()).toEqual([]);
  });

  it("answers NOT_FOUND for another account's hotline and changes nothing there", async () => {
    const w = await world();
    const result = await w.app.schedule.createSlots(caller, w.b.hotline.id, {
      slots: [{ start: '2027-03-22T08:00', end: '2027-03-22T18:00', assignees: [w.person(w.alice)] }],
    });
    expect(refusalOf(result)).toMatchObject({ code: 'NOT_FOUND', field: 'hotlineId' });
    expect(
      valueOf(
        await w.app.schedule.slots(stranger, w.b.hotline.id, { from: '2027-01-01T00:00', to: '2027-12-01T00:00' }),
      ).version,
    ).toBe(0);
  });

  it('refuses an overlap by default and makes room in replace mode', async () => {
    const w = await world();
    valueOf(
      await w.app.schedule.createSlots(caller, w.H, {
        slots: [{ start: '2027-03-22T08:00', end: '2027-03-22T18:00', assignees: [w.person(w.alice)] }],
      }),
    );
    const overlapping = [{ start: '2027-03-22T12:00', end: '2027-03-22T14:00', assignees: [w.person(w.bob)] }];
    expect(refusalOf(await w.app.schedule.createSlots(caller, w.H, { slots: overlapping }))).toMatchObject({
      code: 'SLOT_OVERLAP',
      field: 'slots[0]',
    });
    valueOf(await w.app.schedule.createSlots(caller, w.H, { slots: overlapping, mode: 'replace' }));
    expect(await w.lines()).toEqual([
      '2027-03-22T08:00→2027-03-22T12:00 Alice',
      '2027-03-22T12:00→2027-03-22T14:00 Bob',
      '2027-03-22T14:00→2027-03-22T18:00 Alice',
    ]);
  });

  it.each([
    ['clocks go forward (Paris, 2027-03-28)', '2027-03-27T22:00', '2027-03-28T06:00', 7],
    ['clocks go back (Paris, 2027-10-31)', '2027-10-30T22:00', '2027-10-31T06:00', 9],
    ['an ordinary night', '2027-05-01T22:00', '2027-05-02T06:00', 8],
  ])('keeps the wall-clock bounds of a night when %s: %s→%s lasts %i h', async (_, start, end, hours) => {
    const w = await world();
    const [slot] = valueOf(
      await w.app.schedule.createSlots(caller, w.H, { slots: [{ start, end, assignees: [w.person(w.bob)] }] }),
    ).added;
    const zone = w.hotline.timeZone;
    expect(`${slot.start}→${slot.end}`).toBe(`${start}→${end}`);
    expect(zone.toInstant(slot.end) - zone.toInstant(slot.start)).toBe(hours * HOUR_MS);
  });
});

describe('ScheduleService: move, resize, delete, reassign', () => {
  async function withNight() {
    const w = await world();
    const written = valueOf(
      await w.app.schedule.createSlots(caller, w.H, {
        slots: [
          { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [w.person(w.bob)] },
          { start: '2027-03-28T06:00', end: '2027-03-28T18:00', assignees: [w.person(w.alice)] },
        ],
      }),
    );
    const [night, day] = written.added;
    return { ...w, night, day };
  }

  it('moves the DST night a week later, keeping its 8 wall-clock hours', async () => {
    const w = await withNight();
    const moved = valueOf(await w.app.schedule.moveSlot(caller, w.H, { id: w.night.id, start: '2027-04-03T22:00' }));
    expect(moved.updated.map(w.line)).toEqual(['2027-04-03T22:00→2027-04-04T06:00 Bob']);
    expect(await w.lines()).toEqual([
      '2027-03-28T06:00→2027-03-28T18:00 Alice',
      '2027-04-03T22:00→2027-04-04T06:00 Bob',
    ]);
  });

  it.each([
    [
      'a move into the next slot',
      (w: Awaited<ReturnType<typeof withNight>>) =>
        w.app.schedule.moveSlot(caller, w.H, { id: w.night.id, start: '2027-03-28T02:00' }),
      'SLOT_OVERLAP',
      'start',
    ],
    [
      'a resize over the next slot',
      (w: Awaited<ReturnType<typeof withNight>>) =>
        w.app.schedule.resizeSlot(caller, w.H, { id: w.night.id, start: '2027-03-27T22:00', end: '2027-03-28T07:00' }),
      'SLOT_OVERLAP',
      'end',
    ],
    [
      'an unknown slot',
      (w: Awaited<ReturnType<typeof withNight>>) =>
        w.app.schedule.moveSlot(caller, w.H, { id: 'nope', start: '2027-03-28T02:00' }),
      'NOT_FOUND',
      'id',
    ],
    [
      "another account's slot id",
      (w: Awaited<ReturnType<typeof withNight>>) =>
        w.app.schedule.deleteSlots(stranger, w.b.hotline.id, { ids: [w.night.id] }),
      'NOT_FOUND',
      'ids[0]',
    ],
  ])('refuses %s as a value', async (_, act, code, field) => {
    const w = await withNight();
    expect(refusalOf(await act(w))).toMatchObject({ code, field });
    expect(await w.lines()).toEqual([
      '2027-03-27T22:00→2027-03-28T06:00 Bob',
      '2027-03-28T06:00→2027-03-28T18:00 Alice',
    ]);
  });

  it('resizes across the skipped hour: 22:00→07:00 then lasts 8 h of real time', async () => {
    const w = await withNight();
    valueOf(
      await w.app.schedule.resizeSlot(caller, w.H, {
        id: w.day.id,
        start: '2027-03-28T07:00',
        end: '2027-03-28T18:00',
      }),
    );
    const resized = valueOf(
      await w.app.schedule.resizeSlot(caller, w.H, {
        id: w.night.id,
        start: '2027-03-27T22:00',
        end: '2027-03-28T07:00',
      }),
    );
    const [slot] = resized.updated;
    expect(w.hotline.timeZone.toInstant(slot.end) - w.hotline.timeZone.toInstant(slot.start)).toBe(8 * HOUR_MS);
  });

  it('refuses a resize ending before it starts, naming end', async () => {
    const w = await withNight();
    await refused(
      w.app.schedule.resizeSlot(caller, w.H, { id: w.night.id, start: '2027-03-28T06:00', end: '2027-03-27T22:00' }),
      'INVALID_RANGE',
      'end',
    );
  });

  it('deletes a batch and reassigns a slot, each as one audited write', async () => {
    const w = await withNight();
    valueOf(
      await w.app.schedule.reassignSlot(caller, w.H, {
        id: w.day.id,
        assignees: [w.person(w.carol), w.person(w.alice)],
      }),
    );
    expect(await w.lines()).toEqual([
      '2027-03-27T22:00→2027-03-28T06:00 Bob',
      '2027-03-28T06:00→2027-03-28T18:00 Carol,Alice',
    ]);
    const deleted = valueOf(await w.app.schedule.deleteSlots(caller, w.H, { ids: [w.night.id, w.day.id] }));
    expect(deleted).toMatchObject({ removedIds: [w.night.id, w.day.id], version: 3 });
    expect(await w.lines()).toEqual([]);
    expect(
      w.store.audit
        .entries('acct-a')
        .filter((e) => e.entityType === 'schedule')
        .map((e) => e.action),
    ).toEqual(['schedule.slots-created', 'schedule.slot-reassigned', 'schedule.slots-deleted']);
  });

  it.each([
    ['a duplicate id', ['a', 'a'], 'DUPLICATE_ID', 'ids[1]'],
    ['no id', [], 'REQUIRED', 'ids'],
    ['a malformed id', ['not an id'], 'INVALID_ID', 'ids[0]'],
  ])('refuses deleting with %s', async (_, ids, code, field) => {
    const w = await withNight();
    await refused(w.app.schedule.deleteSlots(caller, w.H, { ids }), code, field);
  });
});

describe('ScheduleService: predefined periods over a range (F5)', () => {
  it('applies the weeknights preset over the week clocks go forward: Monday to Thursday, 18:00→08:00', async () => {
    const w = await world();
    valueOf(
      await w.app.schedule.applyPattern(caller, w.H, {
        patternId: 'preset-weeknights',
        from: '2027-03-22',
        to: '2027-03-28',
        assignees: [w.person(w.bob)],
      }),
    );
    expect(await w.lines()).toEqual([
      '2027-03-22T18:00→2027-03-23T08:00 Bob',
      '2027-03-23T18:00→2027-03-24T08:00 Bob',
      '2027-03-24T18:00→2027-03-25T08:00 Bob',
      '2027-03-25T18:00→2027-03-26T08:00 Bob',
    ]);
  });

  it("applies an account's own pattern; another account cannot use it", async () => {
    const w = await world();
    const nights = await w.app.patterns.createPattern(caller, {
      name: 'Weekend nights',
      windows: [{ days: ['SAT', 'SUN'], start: '22:00', end: '06:00' }],
    });
    valueOf(
      await w.app.schedule.applyPattern(caller, w.H, {
        patternId: nights.id,
        from: '2027-10-30',
        to: '2027-10-31',
        assignees: [{ kind: 'team', id: w.crew.id }],
      }),
    );
    expect(await w.lines()).toEqual([
      '2027-10-30T22:00→2027-10-31T06:00 Maintenance crew',
      '2027-10-31T22:00→2027-11-01T06:00 Maintenance crew',
    ]);
    const refusal = refusalOf(
      await w.app.schedule.applyPattern(stranger, w.b.hotline.id, {
        patternId: nights.id,
        from: '2027-10-30',
        to: '2027-10-31',
        assignees: [w.person(w.b.alice)],
      }),
    );
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', field: 'patternId' });
  });

  it.each([
    ['the last date before the first', { from: '2027-03-28', to: '2027-03-22' }, 'INVALID_RANGE', 'to'],
    ['over a year', { from: '2027-01-01', to: '2028-01-10' }, 'RANGE_TOO_LONG', 'to'],
    ['a malformed date', { from: '22/03/2027', to: '2027-03-28' }, 'INVALID_LOCAL_DATE', 'from'],
  ])('refuses %s', async (_, range, code, field) => {
    const w = await world();
    await refused(
      w.app.schedule.applyPattern(caller, w.H, { patternId: 'preset-weekend', ...range, assignees: [w.person(w.bob)] }),
      code,
      field,
    );
  });
});

describe('ScheduleService: copies (F6)', () => {
  /** The week of Monday 2027-03-22, whose Sunday is the night clocks go forward: days and nights back to back. */
  async function withDstWeek() {
    const w = await world();
    const slots = Array.from({ length: 7 }, (_, d) => {
      const day = `2027-03-${22 + d}`;
      const next = d === 6 ? '2027-03-29' : `2027-03-${23 + d}`;
      return [
        { start: `${day}T08:00`, end: `${day}T20:00`, assignees: [w.person(w.alice)] },
        { start: `${day}T20:00`, end: `${next}T08:00`, assignees: [w.person(w.bob)] },
      ];
    }).flat();
    valueOf(await w.app.schedule.createSlots(caller, w.H, { slots }));
    return w;
  }

  it('copies a day to other dates, its night whole', async () => {
    const w = await withDstWeek();
    const copied = valueOf(await w.app.schedule.copyDay(caller, w.H, { day: '2027-03-27', targets: ['2027-10-30'] }));
    expect(copied.added.map(w.line)).toEqual([
      '2027-10-30T08:00→2027-10-30T20:00 Alice',
      '2027-10-30T20:00→2027-10-31T08:00 Bob',
    ]);
  });

  it('repeats the DST week three times without a gap or an overlap, keeping wall-clock times', async () => {
    const w = await withDstWeek();
    const repeated = valueOf(await w.app.schedule.repeatWeek(caller, w.H, { week: '2027-03-22', times: 3 }));
    expect(repeated.added).toHaveLength(42);
    const all = valueOf(
      await w.app.schedule.slots(caller, w.H, { from: '2027-03-22T00:00', to: '2027-04-20T00:00' }),
    ).slots;
    all.slice(1).forEach((s, i) => expect(s.start.equals(all[i].end)).toBe(true));
    expect(all.at(-1)!.end.toString()).toBe('2027-04-19T08:00');
  });

  it('copies a week onto target weeks and refuses a target that is not a Monday', async () => {
    const w = await withDstWeek();
    valueOf(await w.app.schedule.copyWeek(caller, w.H, { week: '2027-03-22', targets: ['2027-10-25'] }));
    expect((await w.lines()).filter((l) => l.startsWith('2027-10-31'))).toEqual([
      '2027-10-31T08:00→2027-10-31T20:00 Alice',
      '2027-10-31T20:00→2027-11-01T08:00 Bob',
    ]);
    await refused(
      w.app.schedule.copyWeek(caller, w.H, { week: '2027-03-22', targets: ['2027-10-26'] }),
      'NOT_A_MONDAY',
      'targets[0]',
    );
  });

  it('refuses a copy onto slots already there, then replaces them when asked', async () => {
    const w = await withDstWeek();
    expect(
      refusalOf(await w.app.schedule.copyDay(caller, w.H, { day: '2027-03-27', targets: ['2027-03-28'] })),
    ).toMatchObject({ code: 'SLOT_OVERLAP', field: 'targets[0]' });
    valueOf(await w.app.schedule.copyDay(caller, w.H, { day: '2027-03-22', targets: ['2027-03-28'], mode: 'replace' }));
    expect((await w.lines()).filter((l) => l.startsWith('2027-03-28'))).toEqual([
      '2027-03-28T08:00→2027-03-28T20:00 Alice',
      '2027-03-28T20:00→2027-03-29T08:00 Bob',
    ]);
  });

  it('copies to another hotline of the account in its own zone, the same wall-clock times', async () => {
    const w = await withDstWeek();
    const newYork = valueOf(
      await w.app.hotlines.createHotline(caller, {
        name: 'US desk',
        number: '+12125550100',
        timeZone: 'America/New_York',
      }),
    );
    valueOf(
      await w.app.schedule.copyToHotline(caller, {
        sourceHotlineId: w.H,
        targetHotlineId: newYork.id,
        from: '2027-03-22',
        to: '2027-03-28',
        targetFrom: '2027-03-08',
      }),
    );
    const copied = await w.lines(newYork.id);
    expect(copied).toHaveLength(14);
    // New York clocks go forward early on Sunday 14 March 2027: Saturday's 20:00→08:00 lasts 11 h there.
    const saturdayNight = valueOf(
      await w.app.schedule.slots(caller, newYork.id, { from: '2027-03-13T20:00', to: '2027-03-13T21:00' }),
    ).slots[0];
    expect(saturdayNight.start.toString()).toBe('2027-03-13T20:00');
    expect(newYork.timeZone.toInstant(saturdayNight.end) - newYork.timeZone.toInstant(saturdayNight.start)).toBe(
      11 * HOUR_MS,
    );
  });

  it("refuses copying from or to another account's hotline", async () => {
    const w = await withDstWeek();
    const from = await w.app.schedule.copyToHotline(caller, {
      sourceHotlineId: w.b.hotline.id,
      targetHotlineId: w.H,
      from: '2027-03-22',
      to: '2027-03-28',
      targetFrom: '2027-04-05',
    });
    const to = await w.app.schedule.copyToHotline(caller, {
      sourceHotlineId: w.H,
      targetHotlineId: w.b.hotline.id,
      from: '2027-03-22',
      to: '2027-03-28',
    });
    expect([refusalOf(from), refusalOf(to)]).toMatchObject([
      { code: 'NOT_FOUND', field: 'sourceHotlineId' },
      { code: 'NOT_FOUND', field: 'targetHotlineId' },
    ]);
    expect(
      valueOf(
        await w.app.schedule.slots(stranger, w.b.hotline.id, { from: '2027-01-01T00:00', to: '2027-12-01T00:00' }),
      ).slots,
    ).toEqual([]);
  });
});

describe('ScheduleService: two editors at once', () => {
  const slot = (w: Awaited<ReturnType<typeof world>>, start: string, end: string) => ({
    start,
    end,
    assignees: [w.person(w.alice)],
  });

  it('retries a write that lost the race on a fresh read: both writes are kept', async () => {
    const w = await world();
    // The other editor writes between our read and our write.
    w.store.schedules.interleave(async () => {
      valueOf(
        await w.app.schedule.createSlots(aCaller('acct-a', 'user-2'), w.H, {
          slots: [slot(w, '2027-03-22T08:00', '2027-03-22T12:00')],
        }),
      );
    });
    const ours = valueOf(
      await w.app.schedule.createSlots(caller, w.H, { slots: [slot(w, '2027-03-22T12:00', '2027-03-22T18:00')] }),
    );
    expect(ours.version).toBe(2);
    expect(await w.lines()).toEqual([
      '2027-03-22T08:00→2027-03-22T12:00 Alice',
      '2027-03-22T12:00→2027-03-22T18:00 Alice',
    ]);
    expect(w.store.db.count('Schedule.applyChange')).toBe(3);
  });

  it('re-checks the rules on the fresh read: the loser of a race for the same hours gets SLOT_OVERLAP', async () => {
    const w = await world();
    w.store.schedules.interleave(async () => {
      valueOf(
        await w.app.schedule.createSlots(aCaller('acct-a', 'user-2'), w.H, {
          slots: [slot(w, '2027-03-22T10:00', '2027-03-22T14:00')],
        }),
      );
    });
    expect(
      refusalOf(
        await w.app.schedule.createSlots(caller, w.H, { slots: [slot(w, '2027-03-22T12:00', '2027-03-22T18:00')] }),
      ),
    ).toMatchObject({ code: 'SLOT_OVERLAP' });
    expect(await w.lines()).toEqual(['2027-03-22T10:00→2027-03-22T14:00 Alice']);
  });

  it('gives up with a version conflict after its attempts, having written nothing', async () => {
    const w = await world({ maxScheduleAttempts: 2 });
    const rival = aCaller('acct-a', 'user-2');
    w.store.schedules.interleave(
      async () =>
        void (await w.app.schedule.createSlots(rival, w.H, {
          slots: [slot(w, '2027-03-23T08:00', '2027-03-23T09:00')],
        })),
    );
    w.store.schedules.interleave(() => {}); // the rival's own write goes through
    w.store.schedules.interleave(
      async () =>
        void (await w.app.schedule.createSlots(rival, w.H, {
          slots: [slot(w, '2027-03-24T08:00', '2027-03-24T09:00')],
        })),
    );
    await expect(
      w.app.schedule.createSlots(caller, w.H, { slots: [slot(w, '2027-03-22T08:00', '2027-03-22T09:00')] }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(await w.lines()).toEqual([
      '2027-03-23T08:00→2027-03-23T09:00 Alice',
      '2027-03-24T08:00→2027-03-24T09:00 Alice',
    ]);
  });
});

describe('ScheduleService: the version the editor loaded (expectedVersion)', () => {
  const slot = (w: Awaited<ReturnType<typeof world>>, start: string, end: string) => ({
    start,
    end,
    assignees: [w.person(w.alice)],
  });
  const conflict = (currentVersion: number, had: number) => ({
    code: 'SCHEDULE_VERSION_CONFLICT',
    field: 'expectedVersion',
    currentVersion,
    message: `The schedule was changed by someone else (version ${currentVersion}, you had ${had}).`,
  });

  it('writes when the schedule is still at the version loaded, and refuses once it moved on, writing nothing', async () => {
    const w = await world();
    expect(
      valueOf(
        await w.app.schedule.createSlots(caller, w.H, {
          slots: [slot(w, '2027-03-22T08:00', '2027-03-22T12:00')],
          expectedVersion: 0,
        }),
      ).version,
    ).toBe(1);
    const applies = w.store.db.count('Schedule.applyChange');
    const stale = await w.app.schedule.createSlots(caller, w.H, {
      slots: [slot(w, '2027-03-22T12:00', '2027-03-22T18:00')],
      expectedVersion: 0,
    });
    expect(refusalOf(stale)).toEqual(conflict(1, 0));
    expect(w.store.db.count('Schedule.applyChange')).toBe(applies);
    expect(await w.lines()).toEqual(['2027-03-22T08:00→2027-03-22T12:00 Alice']);
  });

  it('refuses a stale write even when it would change nothing, and before its own overlap', async () => {
    const w = await world();
    const [first] = valueOf(
      await w.app.schedule.createSlots(caller, w.H, { slots: [slot(w, '2027-03-22T08:00', '2027-03-22T12:00')] }),
    ).added;
    expect(refusalOf(await w.app.schedule.deleteSlots(caller, w.H, { ids: [first.id], expectedVersion: 7 }))).toEqual(
      conflict(1, 7),
    );
    expect(
      refusalOf(
        await w.app.schedule.createSlots(caller, w.H, {
          slots: [slot(w, '2027-03-22T10:00', '2027-03-22T11:00')],
          expectedVersion: 0,
        }),
      ),
    ).toEqual(conflict(1, 0));
    expect(
      refusalOf(
        await w.app.schedule.moveSlot(caller, w.H, { id: first.id, start: '2027-03-23T08:00', expectedVersion: 0 }),
      ),
    ).toEqual(conflict(1, 0));
    expect(await w.lines()).toEqual(['2027-03-22T08:00→2027-03-22T12:00 Alice']);
  });

  it('refuses, instead of retrying, when another editor writes between its read and its compare-and-set', async () => {
    const w = await world();
    w.store.schedules.interleave(async () => {
      valueOf(
        await w.app.schedule.createSlots(aCaller('acct-a', 'user-2'), w.H, {
          slots: [slot(w, '2027-03-22T08:00', '2027-03-22T12:00')],
        }),
      );
    });
    const ours = await w.app.schedule.createSlots(caller, w.H, {
      slots: [slot(w, '2027-03-22T12:00', '2027-03-22T18:00')],
      expectedVersion: 0,
    });
    expect(refusalOf(ours)).toEqual(conflict(1, 0));
    // The rival's write, and our one attempt that lost the compare-and-set: no second try.
    expect(w.store.db.count('Schedule.applyChange')).toBe(2);
    expect(await w.lines()).toEqual(['2027-03-22T08:00→2027-03-22T12:00 Alice']);
  });

  it("checks the target hotline's version on a copy to another hotline", async () => {
    const w = await world();
    valueOf(
      await w.app.schedule.createSlots(caller, w.H, {
        slots: [slot(w, '2027-03-22T08:00', '2027-03-22T12:00'), slot(w, '2027-03-23T08:00', '2027-03-23T12:00')],
      }),
    );
    const target = valueOf(
      await w.app.hotlines.createHotline(caller, {
        name: 'Second desk',
        number: '+33184800001',
        timeZone: 'Europe/Paris',
      }),
    );
    const input = { sourceHotlineId: w.H, targetHotlineId: target.id, from: '2027-03-22', to: '2027-03-22' };
    expect(valueOf(await w.app.schedule.copyToHotline(caller, { ...input, expectedVersion: 0 })).version).toBe(1);
    expect(
      refusalOf(
        await w.app.schedule.copyToHotline(caller, { ...input, to: '2027-03-23', mode: 'replace', expectedVersion: 0 }),
      ),
    ).toEqual(conflict(1, 0));
    expect(await w.lines(target.id)).toEqual(['2027-03-22T08:00→2027-03-22T12:00 Alice']);
  });

  it('refuses a version that cannot be one before reading the schedule', async () => {
    const w = await world();
    await refused(
      w.app.schedule.createSlots(caller, w.H, {
        slots: [slot(w, '2027-03-22T08:00', '2027-03-22T12:00')],
        expectedVersion: -1,
      }),
      'INVALID_VERSION',
      'expectedVersion',
    );
    await refused(
      w.app.schedule.copyWeek(caller, w.H, { week: '2027-03-22', targets: ['2027-03-29'], expectedVersion: 1.5 }),
      'INVALID_VERSION',
      'expectedVersion',
    );
  });
});

describe('ScheduleService: dry runs', () => {
  /** Office hours (Alice) and nights (Bob) the week of 22 March; Bob alone on Monday 29 March. */
  async function withWeek() {
    const w = await world();
    const changes: number[] = [];
    const schedule = new ScheduleService({ ...w.store, onScheduleChanged: ({ version }) => changes.push(version) });
    const days = ['2027-03-22', '2027-03-23', '2027-03-24'];
    valueOf(
      await schedule.createSlots(caller, w.H, {
        slots: days.flatMap((d, i) => [
          { start: `${d}T08:00`, end: `${d}T18:00`, assignees: [w.person(w.alice)] },
          { start: `${d}T18:00`, end: `${days[i + 1] ?? '2027-03-25'}T08:00`, assignees: [w.person(w.bob)] },
        ]),
      }),
    );
    const [monday] = valueOf(
      await schedule.createSlots(caller, w.H, {
        slots: [{ start: '2027-03-29T06:00', end: '2027-03-29T12:00', assignees: [w.person(w.bob)] }],
      }),
    ).added;
    return { ...w, schedule, changes, monday };
  }

  it('answers what a replacing copy would add, trim and remove, and stores nothing: no version, audit entry or change event', async () => {
    const w = await withWeek();
    const before = {
      lines: await w.lines(),
      audit: w.store.audit.entries('acct-a').length,
      changes: [...w.changes],
      applies: w.store.db.count('Schedule.applyChange'),
    };
    const preview = valueOf(
      await w.schedule.copyWeek(caller, w.H, {
        week: '2027-03-22',
        targets: ['2027-03-29'],
        mode: 'replace',
        dryRun: true,
      }),
    );
    expect(preview.version).toBe(2);
    expect(preview.added.map(w.line)).toEqual([
      '2027-03-29T08:00→2027-03-29T18:00 Alice',
      '2027-03-29T18:00→2027-03-30T08:00 Bob',
      '2027-03-30T08:00→2027-03-30T18:00 Alice',
      '2027-03-30T18:00→2027-03-31T08:00 Bob',
      '2027-03-31T08:00→2027-03-31T18:00 Alice',
      '2027-03-31T18:00→2027-04-01T08:00 Bob',
    ]);
    expect(preview.updated.map(w.line)).toEqual(['2027-03-29T06:00→2027-03-29T08:00 Bob']);
    expect([preview.removedIds, preview.removed]).toEqual([[], []]);
    expect({
      lines: await w.lines(),
      audit: w.store.audit.entries('acct-a').length,
      changes: w.changes,
      applies: w.store.db.count('Schedule.applyChange'),
    }).toEqual(before);
  });

  it('answers the removed slots as they were, as the real write then does', async () => {
    const w = await withWeek();
    const input = { week: '2027-03-22', targets: ['2027-03-29'], mode: 'replace' as const };
    valueOf(
      await w.schedule.resizeSlot(caller, w.H, { id: w.monday.id, start: '2027-03-29T09:00', end: '2027-03-29T10:00' }),
    );
    const dry = valueOf(await w.schedule.copyWeek(caller, w.H, { ...input, dryRun: true }));
    expect(dry.removed.map(w.line)).toEqual(['2027-03-29T09:00→2027-03-29T10:00 Bob']);
    expect(dry.removedIds).toEqual([w.monday.id]);
    const real = valueOf(await w.schedule.copyWeek(caller, w.H, input));
    expect([real.version, real.removed.map(w.line), real.added.length]).toEqual([
      4,
      ['2027-03-29T09:00→2027-03-29T10:00 Bob'],
      6,
    ]);
    expect(w.changes).toEqual([1, 2, 3, 4]);
  });

  it('refuses what the real write refuses: the overlap, with the slots in the way', async () => {
    const w = await withWeek();
    const dry = await w.schedule.copyWeek(caller, w.H, { week: '2027-03-22', targets: ['2027-03-29'], dryRun: true });
    expect(refusalOf(dry)).toMatchObject({
      code: 'SLOT_OVERLAP',
      field: 'targets[0]',
      conflictingSlotIds: [w.monday.id],
    });
    expect(refusalOf(await w.schedule.deleteSlots(caller, w.H, { ids: ['nope'], dryRun: true }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'ids[0]',
    });
  });

  it('previews a delete with the version loaded, and refuses one made for an older version', async () => {
    const w = await withWeek();
    const preview = valueOf(
      await w.schedule.deleteSlots(caller, w.H, { ids: [w.monday.id], expectedVersion: 2, dryRun: true }),
    );
    expect([preview.version, preview.removed.map(w.line)]).toEqual([2, ['2027-03-29T06:00→2027-03-29T12:00 Bob']]);
    expect(
      refusalOf(await w.schedule.deleteSlots(caller, w.H, { ids: [w.monday.id], expectedVersion: 1, dryRun: true })),
    ).toMatchObject({ code: 'SCHEDULE_VERSION_CONFLICT', currentVersion: 2 });
    expect(await w.lines()).toContain('2027-03-29T06:00→2027-03-29T12:00 Bob');
  });
});

describe('ScheduleService: overrides (F7)', () => {
  it('creates an override from now until a given instant and ends it early', async () => {
    const w = await world();
    const { override } = valueOf(
      await w.app.schedule.createOverride(caller, w.H, {
        end: '2027-03-20T14:00:00+01:00',
        assignees: [w.person(w.carol)],
        reason: 'Bob at the dentist',
      }),
    );
    expect(override).toMatchObject({
      start: parseInstant('2027-03-20T09:00:00Z'),
      end: parseInstant('2027-03-20T13:00:00Z'),
      reason: 'Bob at the dentist',
    });
    const ended = valueOf(
      await w.app.schedule.endOverride(caller, w.H, { id: override!.id, at: '2027-03-20T10:00:00Z' }),
    );
    expect(ended.override).toMatchObject({ end: parseInstant('2027-03-20T10:00:00Z') });
    expect(
      w.store.audit
        .entries('acct-a')
        .filter((e) => e.entityType === 'override')
        .map((e) => e.action),
    ).toEqual(['override.created', 'override.ended']);
  });

  it('removes an override that had not begun when it is ended', async () => {
    const w = await world();
    const { override } = valueOf(
      await w.app.schedule.createOverride(caller, w.H, {
        start: '2027-03-21T08:00:00Z',
        end: '2027-03-21T10:00:00Z',
        assignees: [w.person(w.carol)],
      }),
    );
    expect(valueOf(await w.app.schedule.endOverride(caller, w.H, { id: override!.id })).override).toBeNull();
    expect(
      valueOf(await w.app.schedule.overrides(caller, w.H, { from: '2027-03-21T00:00:00Z', to: '2027-03-22T00:00:00Z' }))
        .overrides,
    ).toEqual([]);
  });

  it.each([
    ['an end before the start', { start: '2027-03-21T10:00:00Z', end: '2027-03-21T08:00:00Z' }, 'INVALID_RANGE', 'end'],
    ['an end already past', { start: '2027-03-19T08:00:00Z', end: '2027-03-19T10:00:00Z' }, 'ALREADY_OVER', 'end'],
    ['an instant without offset', { end: '2027-03-21T10:00' }, 'INVALID_INSTANT', 'end'],
  ])('refuses %s', async (_, times, code, field) => {
    const w = await world();
    await refused(
      w.app.schedule.createOverride(caller, w.H, { ...times, assignees: [w.person(w.carol)] }),
      code,
      field,
    );
  });

  it("cannot end or see another account's override", async () => {
    const w = await world();
    const { override } = valueOf(
      await w.app.schedule.createOverride(caller, w.H, { end: '2027-03-20T14:00:00Z', assignees: [w.person(w.carol)] }),
    );
    expect(refusalOf(await w.app.schedule.endOverride(stranger, w.b.hotline.id, { id: override!.id }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    expect(
      refusalOf(
        await w.app.schedule.overrides(stranger, w.H, { from: '2027-03-20T00:00:00Z', to: '2027-03-21T00:00:00Z' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'hotlineId' });
    expect(
      valueOf(await w.app.schedule.overrides(caller, w.H, { from: '2027-03-20T00:00:00Z', to: '2027-03-21T00:00:00Z' }))
        .overrides,
    ).toHaveLength(1);
  });
});
