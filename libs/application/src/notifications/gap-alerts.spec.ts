import { HOUR_MS, Id, LocalDate, PersonRepository, Slot, parseInstant } from '@dutyline/domain';
import { ManualClock, TEST_ACCOUNT, aHotline, aPerson, aSlot, personRef } from '@dutyline/domain/testing';
import { InMemoryDutyline } from '../testing';
import { CoverageQueries } from '../coverage';
import { GapAlerts } from './gap-alerts';
import { InMemoryGapAlertStateStore, InMemoryNotificationSettings, RecordingMailer } from './testing';
import { notificationSettings } from '../shared';

const HOTLINE = { accountId: TEST_ACCOUNT, hotlineId: 'hl' };

/** A hotline run by alice, supervised by the boss (who gets the alerts), with a manual clock. */
async function world(
  options: {
    timeZone?: string;
    serviceHours?: { windows: { days: string[]; start: string; end: string }[] };
    now?: string;
  } = {},
) {
  const clock = new ManualClock(options.now ?? '2027-03-01T09:00:00Z');
  const db = new InMemoryDutyline(clock);
  await db.people.savePerson(aPerson({ id: 'alice' }));
  await db.people.savePerson(aPerson({ id: 'boss', email: 'boss@example.com' }));
  await db.people.savePerson(aPerson({ id: 'ghost', numbers: [] }));
  await db.hotlines.save(
    aHotline({
      id: 'hl',
      timeZone: options.timeZone ?? 'Europe/Paris',
      supervisorIds: ['boss'],
      serviceHours: options.serviceHours,
    }),
  );
  const mailer = new RecordingMailer();
  const state = new InMemoryGapAlertStateStore();
  const settings = new InMemoryNotificationSettings();
  // Each batch of people read, by the ids asked for.
  const peopleReads: Id[][] = [];
  const people = new Proxy(db.people, {
    get: (target, name, receiver): unknown =>
      name === 'peopleByIds'
        ? (accountId: Id, ids: readonly Id[]) => {
            peopleReads.push([...ids]);
            return target.peopleByIds(accountId, ids);
          }
        : Reflect.get(target, name, receiver),
  }) satisfies PersonRepository;
  const alerts = new GapAlerts({
    coverage: new CoverageQueries({ hotlines: db.hotlines, schedules: db.schedules, people, teams: db.teams }),
    state,
    settings,
    mailer,
    clock,
  });
  let version = 0;
  const schedule = {
    add: async (...slots: Slot[]) =>
      void (version = (
        await db.schedules.applyChange(TEST_ACCOUNT, 'hl', {
          expectedVersion: version,
          change: { added: slots, updated: [], removedIds: [] },
        })
      ).version),
    update: async (...slots: Slot[]) =>
      void (version = (
        await db.schedules.applyChange(TEST_ACCOUNT, 'hl', {
          expectedVersion: version,
          change: { added: [], updated: slots, removedIds: [] },
        })
      ).version),
    remove: async (...ids: string[]) =>
      void (version = (
        await db.schedules.applyChange(TEST_ACCOUNT, 'hl', {
          expectedVersion: version,
          change: { added: [], updated: [], removedIds: ids },
        })
      ).version),
  };
  const run = async () => {
    const before = mailer.sent.length;
    const outcome = await alerts.check(HOTLINE);
    return { outcome, mails: mailer.sent.slice(before) };
  };
  return { clock, db, mailer, state, settings, schedule, run, peopleReads };
}

const alice = [personRef({ id: 'alice' })];

/** Back-to-back day (06:00→22:00) and night (22:00→06:00) slots by alice from `from` for `days` days. */
function roundTheClock(from: string, days: number, skip: readonly string[] = []): Slot[] {
  const first = LocalDate.parse(from);
  return Array.from({ length: days }, (_, i) => first.plusDays(i)).flatMap((day) => {
    const next = day.plusDays(1).toString();
    return [
      aSlot('hl', { start: `${day}T06:00`, end: `${day}T22:00`, assignees: alice, id: `day-${day}` }),
      aSlot('hl', { start: `${day}T22:00`, end: `${next}T06:00`, assignees: alice, id: `night-${day}` }),
    ].filter((s) => !skip.includes(s.id));
  });
}

describe('GapAlerts (F16)', () => {
  it('e-mails a new gap once, to the supervisors, with the times in the hotline zone', async () => {
    const w = await world();
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-05T18:00', assignees: alice, id: 'a' }),
      aSlot('hl', { start: '2027-03-05T22:00', end: '2027-03-20T00:00', assignees: alice, id: 'b' }),
    );

    const first = await w.run();
    expect(first.mails).toHaveLength(1);
    const [mail] = first.mails;
    expect(mail.to.map((e) => e.value)).toEqual(['boss@example.com']);
    expect(mail.subject).toBe('Nobody on duty on Maintenance on-call from 2027-03-05 18:00 (UTC+01:00)');
    expect(mail.text).toContain('from Fri 5 Mar 2027, 18:00 (Europe/Paris, UTC+01:00)');
    expect(mail.text).toContain('until Fri 5 Mar 2027, 22:00 (Europe/Paris, UTC+01:00)');
    expect(mail.text).toContain('Why: nobody is on the schedule.');
    expect(first.outcome.sent.map((n) => n.kind)).toEqual(['new']);

    w.clock.advance(HOUR_MS);
    const second = await w.run();
    expect(second.mails).toEqual([]);
    expect(second.outcome.status).toBe('checked');
  });

  it('reads the people once a check: the supervisors told are among those the coverage read', async () => {
    const w = await world();
    await w.schedule.add(
      aSlot('hl', { start: '2027-03-02T00:00', end: '2027-03-20T00:00', assignees: alice, id: 'a' }),
    );

    const { mails } = await w.run();
    expect(mails.map((mail) => mail.to.map((e) => e.value))).toEqual([['boss@example.com']]);
    expect(w.peopleReads).toEqual([['alice', 'boss']]);
  });

  it('re-announces a changed gap, then reports it resolved, and says nothing once it is closed', async () => {
    const w = await world();
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-05T18:00', assignees: alice, id: 'a' }),
      aSlot('hl', { start: '2027-03-05T22:00', end: '2027-03-20T00:00', assignees: alice, id: 'b' }),
    );
    await w.run();

    await w.schedule.update(
      aSlot('hl', { start: '2027-03-05T21:00', end: '2027-03-20T00:00', assignees: alice, id: 'b' }),
    );
    const changed = await w.run();
    expect(changed.mails.map((m) => m.subject)).toEqual([
      'Changed: nobody on duty on Maintenance on-call from 2027-03-05 18:00 (UTC+01:00)',
    ]);
    expect(changed.mails[0].text).toContain('until Fri 5 Mar 2027, 21:00 (Europe/Paris, UTC+01:00)');
    expect(changed.mails[0].text).toContain(
      'Announced before as: from Fri 5 Mar 2027, 18:00 (Europe/Paris, UTC+01:00) until Fri 5 Mar 2027, 22:00',
    );

    await w.schedule.add(
      aSlot('hl', { start: '2027-03-05T18:00', end: '2027-03-05T21:00', assignees: alice, id: 'fill' }),
    );
    const resolved = await w.run();
    expect(resolved.mails.map((m) => m.subject)).toEqual([
      'Resolved: duty covered again on Maintenance on-call from 2027-03-05 18:00 (UTC+01:00)',
    ]);

    expect((await w.run()).mails).toEqual([]);
  });

  it('never reports a past gap: one that ended as announced is forgotten without a "resolved"', async () => {
    const w = await world();
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-01T12:00', assignees: alice, id: 'a' }),
      aSlot('hl', { start: '2027-03-01T14:00', end: '2027-03-30T00:00', assignees: alice, id: 'b' }),
    );
    expect((await w.run()).mails).toHaveLength(1);

    w.clock.set('2027-03-01T12:30:00Z'); // 13:30 in Paris: the gap is under way
    expect((await w.run()).mails).toEqual([]);
    w.clock.set('2027-03-01T13:00:00Z'); // 14:00: it is over
    expect((await w.run()).mails).toEqual([]);
    expect((await w.state.gapAlertState(HOTLINE)).announced).toEqual([]);
  });

  it('announces a gap already under way once, and keeps it as one gap while it lasts', async () => {
    const w = await world({ now: '2027-03-01T10:00:00Z' });
    await w.schedule.add(
      aSlot('hl', { start: '2027-03-01T15:00', end: '2027-03-30T00:00', assignees: alice, id: 'b' }),
    );
    const first = await w.run();
    expect(first.mails.map((m) => m.subject)).toEqual([
      'Nobody on duty on Maintenance on-call from 2027-03-01 11:00 (UTC+01:00)',
    ]);
    w.clock.advance(2 * HOUR_MS);
    expect((await w.run()).mails).toEqual([]);
  });

  it('sends nothing for nights outside the service hours of an office-hours hotline', async () => {
    const office = { windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', end: '18:00' }] };
    const w = await world({ serviceHours: office, now: '2027-03-01T20:00:00Z' }); // Monday 21:00 in Paris
    const days = Array.from({ length: 20 }, (_, i) => LocalDate.parse('2027-03-01').plusDays(i)).filter(
      (d) => d.weekday <= 5,
    );
    await w.schedule.add(
      ...days.map((d) => aSlot('hl', { start: `${d}T08:00`, end: `${d}T18:00`, assignees: alice, id: `office-${d}` })),
    );
    const night = await w.run();
    expect(night.mails).toEqual([]);
    expect(night.outcome.status).toBe('checked');
  });

  it('counts only reachable people: someone with no enabled number leaves a gap', async () => {
    const w = await world();
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-05T18:00', assignees: alice, id: 'a' }),
      aSlot('hl', {
        start: '2027-03-05T18:00',
        end: '2027-03-05T22:00',
        assignees: [personRef({ id: 'ghost' })],
        id: 'ghost',
      }),
      aSlot('hl', { start: '2027-03-05T22:00', end: '2027-03-20T00:00', assignees: alice, id: 'b' }),
    );
    const { mails } = await w.run();
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Why: the people scheduled have no number that can be rung.');
  });

  it.each([
    // zone, night whose 22:00→06:00 slot is missing, run at, expected gap start and end (UTC)
    ['Europe/Paris', '2027-03-27', '2027-03-20T12:00:00Z', '2027-03-27T21:00:00Z', '2027-03-28T04:00:00Z', 7],
    ['Europe/Paris', '2027-10-30', '2027-10-25T12:00:00Z', '2027-10-30T20:00:00Z', '2027-10-31T05:00:00Z', 9],
    ['America/New_York', '2027-03-13', '2027-03-10T12:00:00Z', '2027-03-14T03:00:00Z', '2027-03-14T10:00:00Z', 7],
    ['Australia/Lord_Howe', '2027-04-03', '2027-03-30T12:00:00Z', '2027-04-03T11:00:00Z', '2027-04-03T19:30:00Z', 8.5],
    ['Asia/Tokyo', '2027-03-27', '2027-03-20T12:00:00Z', '2027-03-27T13:00:00Z', '2027-03-27T21:00:00Z', 8],
  ])(
    'on the night of %s %s: back-to-back slots leave no gap; the missing night is one exact gap',
    async (zone, night, now, start, end, hours) => {
      const from = LocalDate.parse(night).plusDays(-10).toString();
      const w = await world({ timeZone: zone, now });
      await w.schedule.add(...roundTheClock(from, 30));
      expect((await w.run()).mails).toEqual([]);

      await w.schedule.remove(`night-${night}`);
      const { mails } = await w.run();
      expect(mails).toHaveLength(1);
      const [gap] = (await w.state.gapAlertState(HOTLINE)).announced;
      expect([gap.start, gap.end]).toEqual([parseInstant(start), parseInstant(end)]);
      expect((gap.end - gap.start) / HOUR_MS).toBe(hours);
      expect(mails[0].text).toContain(`, 22:00 (${zone}`);
      expect(mails[0].text).toContain(`, 06:00 (${zone}`);
    },
  );

  it('uses the hotline look-ahead: a gap beyond it is announced only once the window reaches it', async () => {
    const w = await world();
    await w.settings.saveNotificationSettings(
      TEST_ACCOUNT,
      'hl',
      notificationSettings({ gapAlerts: { lookAheadDays: 3 } }),
    );
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-05T18:00', assignees: alice, id: 'a' }),
      aSlot('hl', { start: '2027-03-05T22:00', end: '2027-03-20T00:00', assignees: alice, id: 'b' }),
    );
    expect((await w.run()).mails).toEqual([]);
    w.clock.set('2027-03-03T09:00:00Z');
    expect((await w.run()).mails).toHaveLength(1);
  });

  it('does not re-announce a gap running past the window when its end comes into view', async () => {
    const w = await world();
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-10T00:00', assignees: alice, id: 'a' }),
      aSlot('hl', { start: '2027-03-16T00:00', end: '2027-04-30T00:00', assignees: alice, id: 'b' }),
    );
    const first = await w.run();
    expect(first.mails).toHaveLength(1);
    expect(first.mails[0].text).toContain('(the end of the look-ahead)');
    w.clock.set('2027-03-05T09:00:00Z');
    expect((await w.run()).mails).toEqual([]);
  });

  it('announces nothing and remembers nothing while nobody can be told', async () => {
    const w = await world();
    await w.db.hotlines.save(aHotline({ id: 'hl', timeZone: 'Europe/Paris', supervisorIds: [] }));
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-05T18:00', assignees: alice, id: 'a' }),
    );
    expect((await w.run()).outcome.status).toBe('no-recipient');
    await w.settings.saveNotificationSettings(
      TEST_ACCOUNT,
      'hl',
      notificationSettings({ gapAlerts: { emails: ['desk@example.com'] } }),
    );
    const { mails } = await w.run();
    expect(mails.map((m) => m.to.map((e) => e.value))).toEqual([['desk@example.com']]);
  });

  it('keeps a notice owed when the mail server is down, and sends it on the next run', async () => {
    const w = await world();
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-05T18:00', assignees: alice, id: 'a' }),
      aSlot('hl', { start: '2027-03-05T22:00', end: '2027-03-20T00:00', assignees: alice, id: 'b' }),
    );
    w.mailer.failNext(new Error('ECONNREFUSED'));
    await expect(w.run()).rejects.toThrow('ECONNREFUSED');
    expect((await w.state.gapAlertState(HOTLINE)).outbox).toHaveLength(1);
    expect(await w.state.hotlinesWithPendingGapNotices()).toEqual([HOTLINE]);

    const retry = await w.run();
    expect(retry.mails).toHaveLength(1);
    expect(retry.mails[0].idempotencyKey).toMatch(/^hl@2027-03-05T17:00:00.000Z\/new\/2027-03-05T21:00:00.000Z@/);
    expect((await w.state.gapAlertState(HOTLINE)).outbox).toEqual([]);
    expect((await w.run()).mails).toEqual([]);
  });

  it('forgets the state when the hotline is deleted or its alerts are turned off', async () => {
    const w = await world();
    await w.schedule.add(
      aSlot('hl', { start: '2027-02-28T00:00', end: '2027-03-05T18:00', assignees: alice, id: 'a' }),
    );
    await w.run();
    await w.settings.saveNotificationSettings(
      TEST_ACCOUNT,
      'hl',
      notificationSettings({ gapAlerts: { enabled: false } }),
    );
    expect(await w.run()).toEqual({ outcome: { status: 'disabled', sent: [], refused: [] }, mails: [] });
    expect((await w.state.gapAlertState(HOTLINE)).announced).toEqual([]);
    await w.settings.saveNotificationSettings(TEST_ACCOUNT, 'hl', notificationSettings());
    await w.db.hotlines.delete(TEST_ACCOUNT, 'hl');
    expect((await w.run()).outcome.status).toBe('hotline-gone');
  });
});
