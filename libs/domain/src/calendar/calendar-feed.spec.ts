import { directoryOf } from '../directory/team';
import { DAY_MS, HOUR_MS, TimeZone, parseInstant } from '../shared';
import { aHotline, aPerson, aSlot, aTeam, anOverride, personRef, teamRef } from '../testing';
import { calendarFeedWindow, hotlineCalendar, isWritableInZone, personCalendar } from './calendar-feed';

const window = calendarFeedWindow(parseInstant('2027-03-01T12:00:00Z'));
const iso = (at: number) => new Date(at).toISOString();

describe('calendar feeds', () => {
  const alice = aPerson({
    name: 'Alice',
    numbers: [
      { number: '+33612345601', label: 'mobile' },
      { number: '+33145000001', label: 'home' },
      { number: '+33145000009', label: 'old', enabled: false },
    ],
  });
  const bob = aPerson({ name: 'Bob', numbers: [{ number: '+33612345602', label: 'mobile' }] });
  const crew = aTeam([bob, alice], { name: 'Équipe maintenance' });
  const paris = aHotline({ name: 'Maintenance (astreinte)', number: '+33184800000' });
  const directory = directoryOf([alice, bob], [crew]);

  it('covers 30 days back to 180 days ahead', () => {
    expect([iso(window.start), iso(window.end)]).toEqual(['2027-01-30T12:00:00.000Z', '2027-08-28T12:00:00.000Z']);
  });

  it("puts a person's slots in real time, 7 h and 9 h on the nights the clocks change, with hotline, level and numbers", () => {
    const spring = aSlot(paris.id, {
      start: '2027-03-27T22:00',
      end: '2027-03-28T06:00',
      assignees: [personRef(alice)],
      id: 'spring',
    });
    const autumn = aSlot(paris.id, {
      start: '2027-10-30T22:00',
      end: '2027-10-31T06:00',
      assignees: [personRef(bob), personRef(alice)],
      id: 'autumn',
    });
    const feed = personCalendar(
      { person: alice, schedules: [{ hotline: paris, slots: [spring, autumn], overrides: [] }] },
      directory,
      {
        start: parseInstant('2027-01-01T00:00:00Z'),
        end: parseInstant('2028-01-01T00:00:00Z'),
      },
    );
    expect(feed.events.map((e) => [e.uid, iso(e.start), (e.end - e.start) / HOUR_MS, e.summary])).toEqual([
      ['slot-spring@dutyline', '2027-03-27T21:00:00.000Z', 7, 'Maintenance (astreinte) — level 1'],
      ['slot-autumn@dutyline', '2027-10-30T20:00:00.000Z', 9, 'Maintenance (astreinte) — level 2'],
    ]);
    expect(feed.events[0].description).toBe(
      'Level 1 on Maintenance (astreinte) (+33184800000).\nYour numbers, rung in order:\n1. mobile +33612345601\n2. home +33145000001',
    );
    expect(feed.name).toBe('Alice — on call');
  });

  it("includes a team's slots for its members, saying through which team, and overrides marked as such", () => {
    const slot = aSlot(paris.id, {
      start: '2027-03-02T08:00',
      end: '2027-03-02T18:00',
      assignees: [personRef(bob), teamRef(crew)],
      id: 'team-slot',
    });
    const other = aSlot(paris.id, {
      start: '2027-03-03T08:00',
      end: '2027-03-03T18:00',
      assignees: [personRef(bob)],
      id: 'bob-only',
    });
    const cover = anOverride(paris.id, {
      start: '2027-03-04T10:00:00Z',
      end: '2027-03-04T12:00:00Z',
      assignees: [personRef(alice)],
      id: 'cover',
      level: 0,
      reason: 'Bob at the dentist',
    });
    const feed = personCalendar(
      { person: alice, schedules: [{ hotline: paris, slots: [slot, other], overrides: [cover] }] },
      directory,
      window,
    );
    expect(feed.events.map((e) => [e.uid, e.summary])).toEqual([
      ['slot-team-slot@dutyline', 'Maintenance (astreinte) — level 2'],
      ['override-cover@dutyline', 'Maintenance (astreinte) — level 1 (override)'],
    ]);
    expect(feed.events[0].description.split('\n')[0]).toBe(
      'Level 2 on Maintenance (astreinte) (+33184800000) via team Équipe maintenance, whose members are rung in order: Bob, Alice (you).',
    );
    expect(feed.events[1].description.split('\n').slice(0, 2)).toEqual([
      "Override: replaces the schedule's level 1 for this time.",
      'Reason: Bob at the dentist',
    ]);
  });

  it("lists a hotline's slots and overrides with the assignees by level and every number rung in order", () => {
    const slot = aSlot(paris.id, {
      start: '2027-03-02T08:00',
      end: '2027-03-02T18:00',
      assignees: [personRef(alice), teamRef(crew)],
      id: 'day',
    });
    const takeover = anOverride(paris.id, {
      start: '2027-03-02T09:00:00Z',
      end: '2027-03-02T10:00:00Z',
      assignees: [personRef(bob)],
      id: 'now',
    });
    const feed = hotlineCalendar({ hotline: paris, slots: [slot], overrides: [takeover] }, directory, window);
    expect(feed.events.map((e) => [e.uid, e.summary])).toEqual([
      ['slot-day@dutyline', 'Level 1: Alice · Level 2: Équipe maintenance'],
      ['override-now@dutyline', 'Override — Level 1: Bob'],
    ]);
    expect(feed.events[0].description).toBe(
      [
        'Rung in order:',
        '1. Alice (level 1) — mobile +33612345601',
        '2. Alice (level 1) — home +33145000001',
        '3. Bob (level 2, team Équipe maintenance) — mobile +33612345602',
        '4. Alice (level 2, team Équipe maintenance) — mobile +33612345601',
        '5. Alice (level 2, team Équipe maintenance) — home +33145000001',
      ].join('\n'),
    );
    expect(feed.name).toBe('Maintenance (astreinte) — on call');
  });

  it('leaves out shifts outside the window and slots lying wholly in a skipped hour', () => {
    const skipped = aSlot(paris.id, {
      start: '2027-03-28T02:15',
      end: '2027-03-28T02:45',
      assignees: [personRef(alice)],
      id: 'skipped',
    });
    const old = aSlot(paris.id, {
      start: '2027-01-01T08:00',
      end: '2027-01-01T18:00',
      assignees: [personRef(alice)],
      id: 'old',
    });
    const past = anOverride(paris.id, {
      start: '2027-01-02T08:00:00Z',
      end: '2027-01-02T09:00:00Z',
      assignees: [personRef(alice)],
      id: 'past',
    });
    const edge = aSlot(paris.id, {
      start: '2027-01-30T08:00',
      end: '2027-01-31T08:00',
      assignees: [personRef(alice)],
      id: 'edge',
    });
    const feed = hotlineCalendar({ hotline: paris, slots: [skipped, old, edge], overrides: [past] }, directory, window);
    expect(feed.events.map((e) => e.uid)).toEqual(['slot-edge@dutyline']);
  });

  it('knows which instants have a wall-clock time of their own (not either pass of a repeated hour)', () => {
    const paris = TimeZone.of('Europe/Paris');
    const firstPass = parseInstant('2027-10-31T00:30:00Z'); // 02:30 CEST, again at 02:30 CET an hour later
    const springGap = parseInstant('2027-03-28T01:00:00Z'); // 03:00 CEST, right after the skipped hour
    expect(
      [firstPass - HOUR_MS, firstPass, firstPass + HOUR_MS, firstPass + 2 * HOUR_MS, springGap, firstPass + DAY_MS].map(
        (at) => isWritableInZone(paris, at),
      ),
    ).toEqual([true, false, false, true, true, true]);
    const lordHowe = TimeZone.of('Australia/Lord_Howe');
    const back = parseInstant('2027-04-03T15:00:00Z'); // 02:00 LHDT becomes 01:30 LHST: 01:30–02:00 happens twice
    expect(
      [back - 31 * 60_000, back - 15 * 60_000, back + 15 * 60_000, back + 31 * 60_000].map((at) =>
        isWritableInZone(lordHowe, at),
      ),
    ).toEqual([true, false, false, true]);
  });
});
