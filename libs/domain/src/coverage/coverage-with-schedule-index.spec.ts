import { directoryOf } from '../directory/team';
import { ScheduleIndex } from '../schedule/schedule-index';
import { HOUR_MS, LocalDate, LocalDateTime, TimeZone, formatInstant } from '../shared';
import { aHotline, aPerson, aSlot, anOverride, personRef } from '../testing/builders';
import { coverageGaps } from './coverage-gaps';
import { coverageSummary } from './coverage-summary';

// The same questions as coverage-gaps.spec.ts, asked of the real schedule index on the nights clocks change.
const alice = aPerson({ id: 'alice' });
const bruno = aPerson({ id: 'bruno', numbers: [{ number: '+33611111111', enabled: false }] });
const directory = directoryOf([alice, bruno]);
const A = personRef(alice);
const B = personRef(bruno);
const H = 'hl-dst';
const local = (zone: string, wall: string) => TimeZone.of(zone).toInstant(LocalDateTime.parse(wall));
const nextDay = (day: string) => LocalDate.parse(day).plusDays(1).toString();

describe('coverage over a ScheduleIndex', () => {
  it.each([
    // zone, evening, a wall-clock time skipped or repeated that night where slots meet
    ['Europe/Paris', '2027-03-27', '02:30'],
    ['Europe/Paris', '2027-10-30', '02:30'],
    ['America/New_York', '2027-03-13', '02:30'],
    ['America/New_York', '2027-11-06', '01:30'],
    ['Australia/Lord_Howe', '2027-10-02', '02:15'],
    ['Australia/Lord_Howe', '2027-04-03', '01:45'],
    ['Asia/Tokyo', '2027-03-27', '02:30'],
  ])('%s, night of %s: slots back to back at %s leave a 24/7 hotline covered', (zone, evening, meet) => {
    const morning = nextDay(evening);
    const schedule = ScheduleIndex.build(
      TimeZone.of(zone),
      [
        aSlot(H, { start: `${evening}T00:00`, end: `${morning}T${meet}`, assignees: [A] }),
        aSlot(H, { start: `${morning}T${meet}`, end: `${nextDay(morning)}T00:00`, assignees: [A] }),
      ],
      [],
    );
    const summary = coverageSummary({
      hotline: aHotline({ id: H, timeZone: zone }),
      schedule,
      directory,
      range: { start: local(zone, `${evening}T00:00`), end: local(zone, `${nextDay(morning)}T00:00`) },
    });
    expect(summary).toMatchObject({ fullyCovered: true, coveredFraction: 1, gaps: [] });
  });

  it.each([
    // zone, evening, real hours of a 01:00→04:00 wall-clock hole
    ['Europe/Paris', '2027-03-27', 2],
    ['Europe/Paris', '2027-10-30', 4],
    ['America/New_York', '2027-03-13', 2],
    ['America/New_York', '2027-11-06', 4],
    ['Australia/Lord_Howe', '2027-10-02', 2.5],
    ['Australia/Lord_Howe', '2027-04-03', 3.5],
    ['Asia/Tokyo', '2027-10-30', 3],
  ])('%s, night of %s: a 01:00→04:00 hole is a gap of %s real hours', (zone, evening, hours) => {
    const morning = nextDay(evening);
    const schedule = ScheduleIndex.build(
      TimeZone.of(zone),
      [
        aSlot(H, { start: `${evening}T20:00`, end: `${morning}T01:00`, assignees: [A] }),
        aSlot(H, { start: `${morning}T04:00`, end: `${morning}T08:00`, assignees: [A] }),
      ],
      [],
    );
    const gaps = coverageGaps({
      hotline: aHotline({ id: H, timeZone: zone }),
      schedule,
      directory,
      range: { start: local(zone, `${evening}T20:00`), end: local(zone, `${morning}T08:00`) },
    });
    expect(gaps.map((g) => [g.start, (g.end - g.start) / HOUR_MS, g.reason])).toEqual([
      [local(zone, `${morning}T01:00`), hours, 'nobody-scheduled'],
    ]);
  });

  it('holds a nights-only hotline through the week clocks go back, night slot by night slot', () => {
    const zone = TimeZone.of('Europe/Paris');
    const evenings = Array.from({ length: 7 }, (_, i) => LocalDate.parse('2027-10-28').plusDays(i).toString());
    const schedule = ScheduleIndex.build(
      zone,
      evenings.map((day) => aSlot(H, { start: `${day}T22:00`, end: `${nextDay(day)}T06:00`, assignees: [A] })),
      [],
    );
    const hotline = aHotline({
      id: H,
      timeZone: 'Europe/Paris',
      serviceHours: {
        windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], start: '22:00', end: '06:00' }],
      },
    });
    const summary = coverageSummary({
      hotline,
      schedule,
      directory,
      range: { start: local('Europe/Paris', '2027-10-28T12:00'), end: local('Europe/Paris', '2027-11-04T12:00') },
    });
    expect(summary).toMatchObject({ fullyCovered: true, serviceMs: (7 * 8 + 1) * HOUR_MS });
  });

  it.each([
    // what the override does, who holds the slots, the override, the gaps
    [
      'sends calls to someone unreachable: a gap as long as the override',
      A,
      anOverride(H, { start: '2027-10-31T00:30:00Z', end: '2027-10-31T01:30:00Z', assignees: [B] }),
      ['2027-10-31T00:30:00.000Z → 2027-10-31T01:30:00.000Z nobody-reachable'],
    ],
    [
      'adds a reachable second level to unreachable slots: no gap',
      B,
      anOverride(H, { start: '2027-10-30T22:00:00Z', end: '2027-10-31T04:00:00Z', assignees: [A], level: 1 }),
      [],
    ],
  ])('an override on the night clocks go back %s', (_, holder, override, expected) => {
    const zone = TimeZone.of('Europe/Paris');
    const slots = [
      aSlot(H, { start: '2027-10-31T00:00', end: '2027-10-31T02:30', assignees: [holder] }),
      aSlot(H, { start: '2027-10-31T02:30', end: '2027-10-31T05:00', assignees: [holder] }),
    ];
    const gaps = coverageGaps({
      hotline: aHotline({ id: H, timeZone: 'Europe/Paris' }),
      schedule: ScheduleIndex.build(zone, slots, [override]),
      directory,
      range: { start: local('Europe/Paris', '2027-10-31T00:00'), end: local('Europe/Paris', '2027-10-31T05:00') },
    });
    expect(gaps.map((g) => `${formatInstant(g.start)} → ${formatInstant(g.end)} ${g.reason}`)).toEqual(expected);
  });
});
