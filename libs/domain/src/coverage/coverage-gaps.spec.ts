import { AssigneeRef } from '../directory/assignee';
import { Directory, directoryOf } from '../directory/team';
import { OnCallSegment } from '../schedule/slot';
import { HOUR_MS, LocalDateTime, TimeZone, ValidationError, formatInstant, parseInstant } from '../shared';
import { aHotline, aPerson, aSlot, aTeam, personRef, teamRef } from '../testing/builders';
import { Gap, coverageGaps } from './coverage-gaps';
import { fixedSegments, onCall, slotSegments } from './segment-source.fixtures';

const alice = aPerson({ id: 'alice' });
const bruno = aPerson({
  id: 'bruno',
  numbers: [
    { number: '+33611111111', enabled: false },
    { number: '+33622222222', enabled: false },
  ],
});
const chloe = aPerson({ id: 'chloe', numbers: [] });
const directory = directoryOf(
  [alice, bruno, chloe],
  [aTeam([bruno, alice], { id: 'crew' }), aTeam([bruno, chloe], { id: 'ghosts' })],
);
const A = personRef(alice);
const B = personRef(bruno);
const C = personRef(chloe);

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
const EVERY_DAY = [...WEEKDAYS, 'SAT', 'SUN'];
const allDay = aHotline({ id: 'hl-247', timeZone: 'Europe/Paris' });
const office = aHotline({
  id: 'hl-office',
  timeZone: 'Europe/Paris',
  serviceHours: { windows: [{ days: WEEKDAYS, start: '09:00', end: '17:00' }] },
});
const nights = aHotline({
  id: 'hl-nights',
  timeZone: 'Europe/Paris',
  serviceHours: { windows: [{ days: EVERY_DAY, start: '22:00', end: '06:00' }] },
});

const range = (start: string, end: string) => ({ start: parseInstant(start), end: parseInstant(end) });
const local = (zone: string, wall: string) => TimeZone.of(zone).toInstant(LocalDateTime.parse(wall));
const JUNE_1 = range('2027-06-01T00:00:00Z', '2027-06-02T00:00:00Z');
/** Alice on duty on 1 June 2027 except 10:00Z–12:00Z. */
const holeAt10 = fixedSegments([
  onCall('2027-06-01T00:00:00Z', '2027-06-01T10:00:00Z', [A]),
  onCall('2027-06-01T12:00:00Z', '2027-06-02T00:00:00Z', [A]),
]);

/** `start → end reason` plus the flags that are set, for readable expectations. */
const shown = (gaps: Gap[]) =>
  gaps.map((g) =>
    [
      `${formatInstant(g.start)} → ${formatInstant(g.end)} ${g.reason}`,
      g.startsBeforeRange && 'startsBeforeRange',
      g.endsAfterRange && 'endsAfterRange',
    ]
      .filter(Boolean)
      .join(' '),
  );
const hoursOf = (gaps: Gap[]) => gaps.map((g) => (g.end - g.start) / HOUR_MS);

describe('coverageGaps', () => {
  // The schedules below hold nothing outside 1 June, so gaps reaching the range's edges go on beyond it.
  it.each<[string, AssigneeRef[], AssigneeRef[], string[]]>([
    ['someone reachable all day', [A], [A], []],
    [
      'a person whose numbers are all disabled',
      [A],
      [B],
      ['2027-06-01T12:00:00.000Z → 2027-06-02T00:00:00.000Z nobody-reachable endsAfterRange'],
    ],
    [
      'a person with no number at all',
      [A],
      [C],
      ['2027-06-01T12:00:00.000Z → 2027-06-02T00:00:00.000Z nobody-reachable endsAfterRange'],
    ],
    [
      'a person the directory does not know',
      [A],
      [{ kind: 'person', id: 'gone' }],
      ['2027-06-01T12:00:00.000Z → 2027-06-02T00:00:00.000Z nobody-reachable endsAfterRange'],
    ],
    ['a team with one reachable member', [A], [teamRef({ id: 'crew' })], []],
    [
      'a team of unreachable members',
      [A],
      [teamRef({ id: 'ghosts' })],
      ['2027-06-01T12:00:00.000Z → 2027-06-02T00:00:00.000Z nobody-reachable endsAfterRange'],
    ],
    ['an unreachable first level and a reachable second level', [A], [B, A], []],
    [
      'unreachable levels only',
      [B, C],
      [A],
      ['2027-06-01T00:00:00.000Z → 2027-06-01T12:00:00.000Z nobody-reachable startsBeforeRange'],
    ],
  ])('decides who holds duty: %s', (_, morning, afternoon, expected) => {
    const schedule = fixedSegments([
      onCall('2027-06-01T00:00:00Z', '2027-06-01T12:00:00Z', morning),
      onCall('2027-06-01T12:00:00Z', '2027-06-02T00:00:00Z', afternoon),
    ]);
    expect(shown(coverageGaps({ hotline: allDay, schedule, directory, range: JUNE_1 }))).toEqual(expected);
  });

  it.each<[string, OnCallSegment[], string[]]>([
    [
      'nobody at all',
      [],
      ['2027-06-01T00:00:00.000Z → 2027-06-02T00:00:00.000Z nobody-scheduled startsBeforeRange endsAfterRange'],
    ],
    [
      'a hole between two duties',
      holeAt10.segments(JUNE_1.start, JUNE_1.end),
      ['2027-06-01T10:00:00.000Z → 2027-06-01T12:00:00.000Z nobody-scheduled'],
    ],
    [
      'an unreachable duty then nobody, as one gap',
      [
        onCall('2027-06-01T00:00:00Z', '2027-06-01T10:00:00Z', [A]),
        onCall('2027-06-01T10:00:00Z', '2027-06-01T11:00:00Z', [B]),
      ],
      ['2027-06-01T10:00:00.000Z → 2027-06-02T00:00:00.000Z mixed endsAfterRange'],
    ],
    [
      'two unreachable duties back to back, as one gap',
      [
        onCall('2027-06-01T00:00:00Z', '2027-06-01T06:00:00Z', [A]),
        onCall('2027-06-01T06:00:00Z', '2027-06-01T07:00:00Z', [B]),
        onCall('2027-06-01T07:00:00Z', '2027-06-01T08:00:00Z', [C]),
        onCall('2027-06-01T08:00:00Z', '2027-06-02T00:00:00Z', [A]),
      ],
      ['2027-06-01T06:00:00.000Z → 2027-06-01T08:00:00.000Z nobody-reachable'],
    ],
    [
      'several gaps, in order',
      [
        onCall('2027-06-01T02:00:00Z', '2027-06-01T03:00:00Z', [A]),
        onCall('2027-06-01T05:00:00Z', '2027-06-01T23:00:00Z', [A]),
      ],
      [
        '2027-06-01T00:00:00.000Z → 2027-06-01T02:00:00.000Z nobody-scheduled startsBeforeRange',
        '2027-06-01T03:00:00.000Z → 2027-06-01T05:00:00.000Z nobody-scheduled',
        '2027-06-01T23:00:00.000Z → 2027-06-02T00:00:00.000Z nobody-scheduled endsAfterRange',
      ],
    ],
  ])('finds the gaps of a 24/7 hotline: %s', (_, segments, expected) => {
    expect(
      shown(coverageGaps({ hotline: allDay, schedule: fixedSegments(segments), directory, range: JUNE_1 })),
    ).toEqual(expected);
  });

  describe('service hours', () => {
    // Week of Monday 2027-06-07; Paris is on +02:00, so 09:00–17:00 is 07:00Z–15:00Z.
    const WEEK = range('2027-06-06T22:00:00Z', '2027-06-13T22:00:00Z');
    const officeDuty = (lastEnd: string) =>
      fixedSegments(
        ['07', '08', '09', '10', '11'].map((day) =>
          onCall(`2027-06-${day}T07:00:00Z`, day === '09' ? lastEnd : `2027-06-${day}T15:00:00Z`, [A]),
        ),
      );

    it('leaves nights and weekends of an office-hours hotline alone', () => {
      expect(
        coverageGaps({ hotline: office, schedule: officeDuty('2027-06-09T15:00:00Z'), directory, range: WEEK }),
      ).toEqual([]);
    });

    it('finds only the part of a short duty that falls in office hours', () => {
      expect(
        shown(coverageGaps({ hotline: office, schedule: officeDuty('2027-06-09T14:00:00Z'), directory, range: WEEK })),
      ).toEqual(['2027-06-09T14:00:00.000Z → 2027-06-09T15:00:00.000Z nobody-scheduled']);
    });

    it('counts duty outside service hours for nothing', () => {
      const evenings = fixedSegments([onCall('2027-06-07T15:00:00Z', '2027-06-08T07:00:00Z', [A])]);
      expect(hoursOf(coverageGaps({ hotline: office, schedule: evenings, directory, range: WEEK }))).toEqual([
        8, 8, 8, 8, 8,
      ]);
    });

    it('finds a gap in an overnight service window', () => {
      // Nights 22:00→06:00 (20:00Z→04:00Z); on the night of 8 June Alice leaves at 02:00 (00:00Z).
      const schedule = fixedSegments([
        onCall('2027-06-07T20:00:00Z', '2027-06-08T04:00:00Z', [A]),
        onCall('2027-06-08T20:00:00Z', '2027-06-09T00:00:00Z', [A]),
        onCall('2027-06-09T20:00:00Z', '2027-06-10T04:00:00Z', [A]),
      ]);
      expect(
        shown(
          coverageGaps({
            hotline: nights,
            schedule,
            directory,
            range: range('2027-06-07T12:00:00Z', '2027-06-10T12:00:00Z'),
          }),
        ),
      ).toEqual(['2027-06-09T00:00:00.000Z → 2027-06-09T04:00:00.000Z nobody-scheduled']);
    });
  });

  describe('on the nights clocks change', () => {
    const hotlineIn = (zone: string) => aHotline({ id: 'hl-dst', timeZone: zone });
    const night = (zone: string, evening: string, morning: string) => ({
      start: local(zone, `${evening}T20:00`),
      end: local(zone, `${morning}T08:00`),
    });

    it.each([
      // zone, evening, next morning, a wall-clock time skipped or repeated that night where slots meet
      ['Europe/Paris', '2027-03-27', '2027-03-28', '02:30'],
      ['Europe/Paris', '2027-10-30', '2027-10-31', '02:30'],
      ['America/New_York', '2027-03-13', '2027-03-14', '02:30'],
      ['America/New_York', '2027-11-06', '2027-11-07', '01:30'],
      ['Australia/Lord_Howe', '2027-10-02', '2027-10-03', '02:15'],
      ['Australia/Lord_Howe', '2027-04-03', '2027-04-04', '01:45'],
      ['Asia/Tokyo', '2027-03-27', '2027-03-28', '02:30'],
    ])('%s, night of %s: slots back to back at %s leave no gap', (zone, evening, morning, meet) => {
      const schedule = slotSegments(TimeZone.of(zone), [
        aSlot('hl-dst', { start: `${evening}T20:00`, end: `${morning}T${meet}`, assignees: [A] }),
        aSlot('hl-dst', { start: `${morning}T${meet}`, end: `${morning}T08:00`, assignees: [A] }),
      ]);
      expect(
        coverageGaps({ hotline: hotlineIn(zone), schedule, directory, range: night(zone, evening, morning) }),
      ).toEqual([]);
    });

    it.each([
      // zone, evening, next morning, real length of the 01:00→04:00 wall-clock hole
      ['Europe/Paris', '2027-03-27', '2027-03-28', 2],
      ['Europe/Paris', '2027-10-30', '2027-10-31', 4],
      ['America/New_York', '2027-03-13', '2027-03-14', 2],
      ['America/New_York', '2027-11-06', '2027-11-07', 4],
      ['Australia/Lord_Howe', '2027-10-02', '2027-10-03', 2.5],
      ['Australia/Lord_Howe', '2027-04-03', '2027-04-04', 3.5],
      ['Asia/Tokyo', '2027-03-27', '2027-03-28', 3],
    ])('%s, night of %s: a 01:00→04:00 hole lasts %s real hours', (zone, evening, morning, hours) => {
      const schedule = slotSegments(TimeZone.of(zone), [
        aSlot('hl-dst', { start: `${evening}T20:00`, end: `${morning}T01:00`, assignees: [A] }),
        aSlot('hl-dst', { start: `${morning}T04:00`, end: `${morning}T08:00`, assignees: [A] }),
      ]);
      const gaps = coverageGaps({
        hotline: hotlineIn(zone),
        schedule,
        directory,
        range: night(zone, evening, morning),
      });
      expect(gaps.map((g) => g.start)).toEqual([local(zone, `${morning}T01:00`)]);
      expect(hoursOf(gaps)).toEqual([hours]);
    });

    it.each([
      ['Europe/Paris', '2027-03-27', '2027-03-28', 7],
      ['Europe/Paris', '2027-10-30', '2027-10-31', 9],
      ['America/New_York', '2027-11-06', '2027-11-07', 9],
      ['Australia/Lord_Howe', '2027-10-02', '2027-10-03', 7.5],
      ['Asia/Tokyo', '2027-10-30', '2027-10-31', 8],
    ])('%s, night of %s: an unstaffed 22:00→06:00 service night is a %s h gap', (zone, evening, morning, hours) => {
      const nightsThere = aHotline({
        id: 'hl-dst',
        timeZone: zone,
        serviceHours: { windows: [{ days: EVERY_DAY, start: '22:00', end: '06:00' }] },
      });
      const gaps = coverageGaps({
        hotline: nightsThere,
        schedule: fixedSegments([]),
        directory,
        range: night(zone, evening, morning),
      });
      expect(hoursOf(gaps)).toEqual([hours]);
      expect(gaps[0].end).toBe(local(zone, `${morning}T06:00`));
    });
  });

  describe('clipping to the range', () => {
    it.each([
      [
        'inside the gap',
        range('2027-06-01T11:00:00Z', '2027-06-01T11:30:00Z'),
        ['2027-06-01T11:00:00.000Z → 2027-06-01T11:30:00.000Z nobody-scheduled startsBeforeRange endsAfterRange'],
      ],
      [
        'over its end',
        range('2027-06-01T11:00:00Z', '2027-06-01T13:00:00Z'),
        ['2027-06-01T11:00:00.000Z → 2027-06-01T12:00:00.000Z nobody-scheduled startsBeforeRange'],
      ],
      [
        'over its start',
        range('2027-06-01T09:00:00Z', '2027-06-01T11:00:00Z'),
        ['2027-06-01T10:00:00.000Z → 2027-06-01T11:00:00.000Z nobody-scheduled endsAfterRange'],
      ],
      [
        'exactly the gap',
        range('2027-06-01T10:00:00Z', '2027-06-01T12:00:00Z'),
        ['2027-06-01T10:00:00.000Z → 2027-06-01T12:00:00.000Z nobody-scheduled'],
      ],
      ['missing it', range('2027-06-01T12:00:00Z', '2027-06-01T13:00:00Z'), []],
    ])('flags a gap cut by a range %s', (_, query, expected) => {
      expect(shown(coverageGaps({ hotline: allDay, schedule: holeAt10, directory, range: query }))).toEqual(expected);
    });

    it.each([
      [
        'ends with service hours',
        '2027-06-07T15:00:00Z',
        ['2027-06-07T07:00:00.000Z → 2027-06-07T15:00:00.000Z nobody-scheduled'],
      ],
      [
        'ends mid-service',
        '2027-06-07T10:00:00Z',
        ['2027-06-07T07:00:00.000Z → 2027-06-07T10:00:00.000Z nobody-scheduled endsAfterRange'],
      ],
    ])('does not flag time outside service hours: a range that %s', (_, end, expected) => {
      const gaps = coverageGaps({
        hotline: office,
        schedule: fixedSegments([]),
        directory,
        range: { start: parseInstant('2027-06-07T07:00:00Z'), end: parseInstant(end) },
      });
      expect(shown(gaps)).toEqual(expected);
    });

    it('flags a gap continuing before the range across a change of reason', () => {
      const schedule = fixedSegments([onCall('2027-06-01T08:00:00Z', '2027-06-01T10:00:00Z', [B])]);
      expect(
        shown(
          coverageGaps({
            hotline: allDay,
            schedule,
            directory,
            range: range('2027-06-01T10:00:00Z', '2027-06-01T11:00:00Z'),
          }),
        ),
      ).toEqual([
        '2027-06-01T10:00:00.000Z → 2027-06-01T11:00:00.000Z nobody-scheduled startsBeforeRange endsAfterRange',
      ]);
    });
  });

  describe('identity', () => {
    const gapOf = (schedule = holeAt10, query = JUNE_1, hotline = allDay) => {
      const gaps = coverageGaps({ hotline, schedule, directory, range: query });
      expect(gaps).toHaveLength(1);
      return gaps[0];
    };
    const later = fixedSegments([
      onCall('2027-06-01T00:00:00Z', '2027-06-01T10:00:00Z', [A]),
      onCall('2027-06-01T13:00:00Z', '2027-06-02T00:00:00Z', [A]),
    ]);

    it('names a gap by hotline and start, and fingerprints it with its end', () => {
      expect(gapOf()).toMatchObject({
        key: 'hl-247@2027-06-01T10:00:00.000Z',
        fingerprint: 'hl-247@2027-06-01T10:00:00.000Z/2027-06-01T12:00:00.000Z',
      });
    });

    it.each([
      [
        'the same gap seen through another range',
        () => gapOf(holeAt10, range('2027-06-01T06:00:00Z', '2027-06-01T18:00:00Z')),
        true,
        true,
      ],
      [
        'the same gap running past two different horizons',
        () => gapOf(holeAt10, range('2027-06-01T09:00:00Z', '2027-06-01T11:00:00Z')),
        true,
        false,
      ],
      ['the gap extended by an hour', () => gapOf(later), true, false],
      [
        'the same gap on another hotline',
        () => gapOf(holeAt10, JUNE_1, aHotline({ id: 'hl-other', timeZone: 'Europe/Paris' })),
        false,
        false,
      ],
    ])('%s: same key %s, same fingerprint %s', (_, other, sameKey, sameFingerprint) => {
      const gap = gapOf();
      const seen = other();
      expect(seen.key === gap.key).toBe(sameKey);
      expect(seen.fingerprint === gap.fingerprint).toBe(sameFingerprint);
    });

    it('keeps the fingerprint of a gap running past a sliding horizon', () => {
      const first = gapOf(holeAt10, range('2027-06-01T09:00:00Z', '2027-06-01T11:00:00Z'));
      const second = gapOf(holeAt10, range('2027-06-01T09:15:00Z', '2027-06-01T11:15:00Z'));
      expect(first.fingerprint).toBe('hl-247@2027-06-01T10:00:00.000Z/open');
      expect(second.fingerprint).toBe(first.fingerprint);
    });

    it('is plain data', () => {
      const gap = gapOf();
      expect(JSON.parse(JSON.stringify(gap))).toEqual(gap);
    });
  });

  it.each([
    ['an end before the start', range('2027-06-02T00:00:00Z', '2027-06-01T00:00:00Z'), 'INVALID_RANGE', 'range.end'],
    ['an empty range', range('2027-06-01T00:00:00Z', '2027-06-01T00:00:00Z'), 'INVALID_RANGE', 'range.end'],
    ['more than 400 days', range('2027-01-01T00:00:00Z', '2028-02-06T00:00:00Z'), 'RANGE_TOO_LONG', 'range.end'],
    ['an end that is not a whole millisecond', { start: 0, end: 1.5 }, 'INVALID_INSTANT', 'range.end'],
  ])('refuses %s', (_, query, code, field) => {
    const run = () => coverageGaps({ hotline: allDay, schedule: holeAt10, directory, range: query });
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(expect.objectContaining({ code, field }));
  });

  it('accepts a range of exactly 400 days', () => {
    expect(
      coverageGaps({
        hotline: allDay,
        schedule: fixedSegments([]),
        directory,
        range: range('2027-01-01T00:00:00Z', '2028-02-05T00:00:00Z'),
      }),
    ).toHaveLength(1);
  });

  it('refuses segments that overlap, as a broken schedule source', () => {
    const broken = {
      segments: () => [
        onCall('2027-06-01T00:00:00Z', '2027-06-01T12:00:00Z', [A]),
        onCall('2027-06-01T11:00:00Z', '2027-06-01T13:00:00Z', [A]),
      ],
    };
    expect(() => coverageGaps({ hotline: allDay, schedule: broken, directory, range: JUNE_1 })).toThrow(
      /segment 1 .* overlaps/,
    );
  });

  it('looks up each assignee once per call however many segments name them', () => {
    const lookups: string[] = [];
    const counting: Directory = {
      person: (id) => (lookups.push(id), directory.person(id)),
      team: (id) => directory.team(id),
    };
    const hourly = Array.from({ length: 24 }, (_, h) => ({
      ...onCall('2027-06-01T00:00:00Z', '2027-06-01T01:00:00Z', [h % 2 ? B : A, A]),
      start: JUNE_1.start + h * HOUR_MS,
      end: JUNE_1.start + (h + 1) * HOUR_MS,
    }));
    expect(
      coverageGaps({ hotline: allDay, schedule: fixedSegments(hourly), directory: counting, range: JUNE_1 }),
    ).toEqual([]);
    expect(lookups.sort()).toEqual(['alice', 'bruno']);
  });
});
