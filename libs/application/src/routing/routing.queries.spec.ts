import { DialStep, HOUR_MS, parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { createApplication } from '../application';
import { InMemoryDutyline, aCaller, refusalOf, seedSampleDirectory, valueOf } from '../testing';

const caller = aCaller('acct-a');
const stranger = aCaller('acct-b', 'user-b');

/** Days 06:00→18:00 (Alice), evenings 18:00→22:00 (the crew), nights 22:00→06:00 (Bob), back to back around a date. */
async function world(timeZone: string, firstDay: string, days = 4) {
  const store = new InMemoryDutyline(new ManualClock('2027-03-01T09:00:00Z'), new SequentialIds('id'));
  const app = store.application();
  const dir = await seedSampleDirectory(app, caller, { timeZone });
  const b = await seedSampleDirectory(app, stranger, { variant: 1 });
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  const date = (d: number) => new Date(first + d * 24 * HOUR_MS).toISOString().slice(0, 10);
  const slots = Array.from({ length: days }, (_, d) => [
    { start: `${date(d)}T06:00`, end: `${date(d)}T18:00`, assignees: [{ kind: 'person', id: dir.alice.id }] },
    { start: `${date(d)}T18:00`, end: `${date(d)}T22:00`, assignees: [{ kind: 'team', id: dir.crew.id }] },
    { start: `${date(d)}T22:00`, end: `${date(d + 1)}T06:00`, assignees: [{ kind: 'person', id: dir.bob.id }] },
  ]).flat();
  valueOf(await app.schedule.createSlots(caller, dir.hotline.id, { slots }));
  const names = new Map([dir.alice, dir.bob, dir.carol, dir.crew].map((x) => [x.id, x.name]));
  const onCall = async (at: string) =>
    valueOf(await app.routing.onCallNow(caller, dir.hotline.id, at)).onCall.levels.map((l) => names.get(l.id));
  return { store, app, ...dir, b, onCall, H: dir.hotline.id };
}

describe('RoutingQueries.onCallNow across clock changes', () => {
  it.each([
    ['Paris, before the jump (01:59 CET)', 'Europe/Paris', '2027-03-28T00:59:00Z', 'Bob'],
    ['Paris, after the jump (03:00 CEST)', 'Europe/Paris', '2027-03-28T01:00:00Z', 'Bob'],
    ['Paris, last minute of the 7 h night', 'Europe/Paris', '2027-03-28T03:59:00Z', 'Bob'],
    ['Paris, 06:00 CEST', 'Europe/Paris', '2027-03-28T04:00:00Z', 'Alice'],
    ['Paris, the evening before (21:59 CET)', 'Europe/Paris', '2027-03-27T20:59:00Z', 'Maintenance crew'],
  ])('spring: %s', async (_, zone, at, expected) => {
    const w = await world(zone, '2027-03-26');
    expect(await w.onCall(at)).toEqual([expected]);
  });

  it.each([
    ['Paris, first 02:30 (CEST)', '2027-10-31T00:30:00Z', 'Bob'],
    ['Paris, second 02:30 (CET)', '2027-10-31T01:30:00Z', 'Bob'],
    ['Paris, last minute of the 9 h night', '2027-10-31T04:59:00Z', 'Bob'],
    ['Paris, 06:00 CET', '2027-10-31T05:00:00Z', 'Alice'],
  ])('autumn: %s', async (_, at, expected) => {
    const w = await world('Europe/Paris', '2027-10-29');
    expect(await w.onCall(at)).toEqual([expected]);
  });

  it.each([
    ['America/New_York', '2027-03-12', '2027-03-14T03:00:00Z', '2027-03-14T10:00:00Z', 7],
    ['Australia/Lord_Howe (30 minutes back)', '2027-04-02', '2027-04-03T11:00:00Z', '2027-04-03T19:30:00Z', 8.5],
    ['Asia/Tokyo (no DST)', '2027-03-27', '2027-03-27T13:00:00Z', '2027-03-27T21:00:00Z', 8],
  ])(
    '%s: the night holds until 06:00 local, however long it is',
    async (label, firstDay, nightStart, nightEnd, hours) => {
      const w = await world(label.split(' ')[0], firstDay);
      const start = valueOf(await w.app.routing.onCallNow(caller, w.H, nightStart));
      expect(start.onCall.levels).toEqual([{ kind: 'person', id: w.bob.id }]);
      expect(start.nextChangeAt).toBe(parseInstant(nightEnd));
      expect(parseInstant(nightEnd) - parseInstant(nightStart)).toBe(hours * HOUR_MS);
    },
  );

  it('tells when duty changes next: the 7 h night of 28 March ends at 06:00 CEST', async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    const answer = valueOf(await w.app.routing.onCallNow(caller, w.H, '2027-03-27T21:00:00Z'));
    expect(answer.nextChangeAt).toBe(parseInstant('2027-03-28T04:00:00Z'));
  });

  it('answers now when no instant is given, and nobody outside the schedule', async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    const answer = valueOf(await w.app.routing.onCallNow(caller, w.H));
    expect(answer).toMatchObject({ at: parseInstant('2027-03-01T09:00:00Z'), onCall: { levels: [], slotId: null } });
  });
});

describe('RoutingQueries.callPlan', () => {
  const dialled = (steps: readonly { kind: string }[]) =>
    steps.map((s) => (s.kind === 'dial' ? `${(s as DialStep).personName} ${(s as DialStep).via}` : s.kind));

  it.each([
    [
      'in the DST night: Bob, then the supervisor, then voicemail',
      '2027-03-28T02:00:00Z',
      ['Bob on-call', 'Alice supervisor', 'voicemail'],
    ],
    [
      'in the evening: the crew in order',
      '2027-03-27T18:00:00Z',
      ['Bob on-call', 'Carol on-call', 'Alice supervisor', 'voicemail'],
    ],
  ])('plans a call %s', async (_, at, expected) => {
    const w = await world('Europe/Paris', '2027-03-26');
    expect(dialled(valueOf(await w.app.routing.callPlan(caller, w.H, at)).steps)).toEqual(expected);
  });

  it('follows an override made a moment ago on the very next call (F7)', async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    const clock = w.store.clock as ManualClock;
    clock.set('2027-03-28T02:00:00Z');
    expect(dialled(valueOf(await w.app.routing.callPlan(caller, w.H)).steps)[0]).toBe('Bob on-call');
    valueOf(
      await w.app.schedule.createOverride(caller, w.H, {
        end: '2027-03-28T03:00:00Z',
        assignees: [{ kind: 'person', id: w.carol.id }],
      }),
    );
    clock.advance(1);
    expect(dialled(valueOf(await w.app.routing.callPlan(caller, w.H)).steps)[0]).toBe('Carol on-call');
  });

  it('follows a number disabled a moment ago: the directory is read per call', async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    valueOf(
      await w.app.directory.setContactNumberEnabled(caller, w.bob.id, {
        number: w.bob.contactNumbers[0].number.e164,
        enabled: false,
      }),
    );
    expect(dialled(valueOf(await w.app.routing.callPlan(caller, w.H, '2027-03-28T02:00:00Z')).steps)).toEqual([
      'Alice supervisor',
      'voicemail',
    ]);
  });

  it('plans by the number dialled, for the carrier path, without an account', async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    const plan = await w.app.routing.callPlanForNumber(w.hotline.number.e164, parseInstant('2027-03-28T02:00:00Z'));
    expect(plan).toMatchObject({
      hotline: { id: w.H, accountId: 'acct-a' },
      steps: [expect.objectContaining({ personId: w.bob.id }), expect.anything(), expect.anything()],
    });
    expect(await w.app.routing.callPlanForNumber('+33199999999', 0)).toBeUndefined();
  });

  it.each([
    [
      'onCallNow',
      (w: Awaited<ReturnType<typeof world>>) =>
        w.app.routing.onCallNow(stranger, w.H, '2027-03-28T02:00:00Z').then(refusalOf),
    ],
    [
      'callPlan',
      (w: Awaited<ReturnType<typeof world>>) =>
        w.app.routing.callPlan(stranger, w.H, '2027-03-28T02:00:00Z').then(refusalOf),
    ],
  ])("%s answers NOT_FOUND for another account's hotline", async (_, ask) => {
    const w = await world('Europe/Paris', '2027-03-26');
    expect(await ask(w)).toMatchObject({ code: 'NOT_FOUND', field: 'hotlineId' });
  });

  it('refuses an instant without an offset, naming at', async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    await expect(w.app.routing.callPlan(caller, w.H, '2027-03-28T02:00')).rejects.toMatchObject({
      code: 'INVALID_INSTANT',
      field: 'at',
    });
  });
});

describe('RoutingQueries cache', () => {
  it('reads the slots of a day once while the version stays, and the version on every call', async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    const before = {
      slots: w.store.db.count('Schedule.slots'),
      versions: w.store.db.count('Schedule.scheduleVersion'),
    };
    for (const at of ['2027-03-28T00:30:00Z', '2027-03-28T02:00:00Z', '2027-03-28T09:00:00Z'])
      valueOf(await w.app.routing.callPlan(caller, w.H, at));
    expect(w.store.db.count('Schedule.slots') - before.slots).toBe(1);
    expect(w.store.db.count('Schedule.scheduleVersion') - before.versions).toBe(3);
  });

  it("follows a write made through another instance at once: the other instance's version moved", async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    const otherInstance = w.store.application();
    expect(await w.onCall('2027-03-28T02:00:00Z')).toEqual(['Bob']);
    const [night] = valueOf(
      await otherInstance.schedule.slots(caller, w.H, { from: '2027-03-28T03:00', to: '2027-03-28T04:00' }),
    ).slots;
    valueOf(
      await otherInstance.schedule.reassignSlot(caller, w.H, {
        id: night.id,
        assignees: [{ kind: 'person', id: w.carol.id }],
      }),
    );
    expect(await w.onCall('2027-03-28T02:00:00Z')).toEqual(['Carol']);
  });

  it('reads slots on every call when the store cannot tell its version', async () => {
    const w = await world('Europe/Paris', '2027-03-26');
    const { versions: _withoutVersions, ...ports } = w.store;
    const app = createApplication(ports);
    const before = w.store.db.count('Schedule.slots');
    valueOf(await app.routing.callPlan(caller, w.H, '2027-03-28T00:30:00Z'));
    valueOf(await app.routing.callPlan(caller, w.H, '2027-03-28T00:31:00Z'));
    expect(w.store.db.count('Schedule.slots') - before).toBe(2);
  });
});
