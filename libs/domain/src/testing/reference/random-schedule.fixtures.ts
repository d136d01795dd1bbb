/**
 * fast-check generators for the property tests: a small directory with unreachable people and teams,
 * random hotlines, slots (back to back or with holes, often across the nights clocks change), overrides
 * and service hours, around dates where the chosen zone changes its clocks and around others.
 * Every bound falls on a whole minute so the minute-by-minute references are exact.
 */
import fc from 'fast-check';
import { AssigneeRef } from '../../directory/assignee';
import { Hotline, HotlineInput } from '../../directory/hotline';
import { Directory, directoryOf } from '../../directory/team';
import { Override, Slot } from '../../schedule/slot';
import { DAY_MS, Instant, LocalDate, LocalTime, MINUTE_MS, TimeZone, formatInstant } from '../../shared';
import { aHotline, aPerson, aTeam } from '../builders';

export const PROPERTY_SEED = 20270328;
/** A few seconds on a quiet machine; room for a loaded CI runner. */
export const PROPERTY_TIMEOUT_MS = 60_000;

const mobile = (n: number) => `+336123456${String(n).padStart(2, '0')}`;
const CALL_CENTRE = '+33140000099';

const alice = aPerson({
  id: 'alice',
  name: 'Alice',
  numbers: [
    { number: mobile(1), label: 'mobile' },
    { number: CALL_CENTRE, label: 'call centre', ringTimeoutSeconds: 40 },
  ],
});
const bruno = aPerson({
  id: 'bruno',
  name: 'Bruno',
  numbers: [
    { number: mobile(2), enabled: false },
    { number: mobile(3), ringTimeoutSeconds: 15 },
  ],
});
const chloe = aPerson({ id: 'chloe', name: 'Chloé', numbers: [{ number: mobile(4), enabled: false }] });
const david = aPerson({ id: 'david', name: 'David', numbers: [] });
const emma = aPerson({
  id: 'emma',
  name: 'Emma',
  numbers: [{ number: CALL_CENTRE, label: 'call centre' }, { number: mobile(5) }],
});
const farid = aPerson({ id: 'farid', name: 'Farid', numbers: [{ number: mobile(6), ringTimeoutSeconds: 60 }] });

/**
 * Alice and Emma share the call centre's number; Chloé (numbers all disabled) and David (no number) are
 * unreachable; `night-crew` has only them; `nobody` has no member; `duo` lists a person the directory
 * does not know; `ghost` and `ghost-team` are not in the directory at all.
 */
export const PROPERTY_DIRECTORY: Directory = directoryOf(
  [alice, bruno, chloe, david, emma, farid],
  [
    aTeam([bruno, alice], { id: 'maintenance' }),
    aTeam([chloe, david], { id: 'night-crew' }),
    aTeam([], { id: 'nobody' }),
    { ...aTeam([farid], { id: 'duo' }), memberIds: ['farid', 'left-company'] },
  ],
);

const ASSIGNEES: readonly AssigneeRef[] = [
  ...['alice', 'bruno', 'chloe', 'david', 'emma', 'farid', 'ghost'].map((id): AssigneeRef => ({ kind: 'person', id })),
  ...['maintenance', 'night-crew', 'nobody', 'duo', 'ghost-team'].map((id): AssigneeRef => ({ kind: 'team', id })),
];

/** Distinct assignees in escalation order. */
export const assigneesArb = (maxLength: number): fc.Arbitrary<AssigneeRef[]> =>
  fc.uniqueArray(fc.constantFrom(...ASSIGNEES), { minLength: 1, maxLength, selector: (a) => `${a.kind}:${a.id}` });

export const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tokyo', 'UTC'] as const;

/** Local dates on which each zone changes its clocks in 2027 (early morning). */
export const CLOCK_CHANGES: readonly [string, string][] = [
  ['Europe/Paris', '2027-03-28'],
  ['Europe/Paris', '2027-10-31'],
  ['America/New_York', '2027-03-14'],
  ['America/New_York', '2027-11-07'],
  ['Australia/Lord_Howe', '2027-04-04'],
  ['Australia/Lord_Howe', '2027-10-03'],
];
const OTHER_DATES = ['2027-03-28', '2027-10-31', '2027-01-01', '2027-06-15', '2028-02-29'];

/**
 * Where a case happens: a zone and a local day `D` (clocks change early on `D` when the zone does);
 * slots lie in the wall-clock stretch `D-1 12:00 → D+1 12:00`, and `window` is that stretch in real
 * time, whole minutes, with three hours of margin each side.
 */
export interface Scene {
  readonly zone: TimeZone;
  readonly day: LocalDate;
  readonly window: { readonly start: Instant; readonly end: Instant };
}

/** Local wall-clock minutes from `D 00:00` to where a scene starts, and its length. */
const SCENE_OFFSET = -12 * 60;
const SCENE_MINUTES = 2 * 1440;

export const sceneArb: fc.Arbitrary<Scene> = fc
  .oneof(fc.constantFrom(...CLOCK_CHANGES), fc.tuple(fc.constantFrom(...ZONES), fc.constantFrom(...OTHER_DATES)))
  .map(([zoneName, date]) => {
    const zone = TimeZone.of(zoneName);
    const day = LocalDate.parse(date);
    const origin = day.at(LocalTime.MIDNIGHT).plusMinutes(SCENE_OFFSET);
    const from = zone.toInstant(origin);
    const to = zone.toInstant(origin.plusMinutes(SCENE_MINUTES));
    return { zone, day, window: { start: from - 3 * 60 * MINUTE_MS, end: to + 3 * 60 * MINUTE_MS } };
  });

/** Wall-clock times of the night the clocks change (`D-1 22:00`, `D 00:00 … 06:00`), as minutes from the scene's start. */
const NIGHT_MARKS = [-120, 0, 60, 90, 120, 135, 150, 180, 210, 360].map((m) => m - SCENE_OFFSET);
const cutArb = fc.oneof(
  fc.integer({ min: 0, max: SCENE_MINUTES }),
  fc.integer({ min: 0, max: SCENE_MINUTES / 30 }).map((k) => k * 30),
  fc.constantFrom(...NIGHT_MARKS),
);

/** Non-overlapping local slots over the scene: cut points, each stretch between two either a slot or a hole. */
export const slotsArb = (hotlineId: string, scene: Scene): fc.Arbitrary<Slot[]> =>
  fc
    .tuple(
      fc.uniqueArray(cutArb, { minLength: 2, maxLength: 12 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), assigneesArb(3)), { minLength: 11, maxLength: 11 }),
    )
    .map(([cuts, fills]) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const origin = scene.day.at(LocalTime.MIDNIGHT).plusMinutes(SCENE_OFFSET);
      const slots: Slot[] = [];
      for (let i = 0; i + 1 < sorted.length; i++) {
        const [hole, assignees] = fills[i];
        if (hole === 0) continue; // one stretch in four is left empty
        slots.push({
          id: `slot-${i + 1}`,
          hotlineId,
          start: origin.plusMinutes(sorted[i]),
          end: origin.plusMinutes(sorted[i + 1]),
          assignees,
        });
      }
      return slots;
    });

/** Overrides in real time within the scene's window, full or single-level, overlapping, with colliding `createdAt`. */
export const overridesArb = (hotlineId: string, scene: Scene): fc.Arbitrary<Override[]> => {
  const windowMinutes = (scene.window.end - scene.window.start) / MINUTE_MS;
  return fc
    .array(
      fc.record({
        startMinute: fc.integer({ min: 0, max: windowMinutes - 1 }),
        minutes: fc.oneof(
          fc.integer({ min: 1, max: 90 }),
          fc.integer({ min: 1, max: 24 }).map((h) => h * 60),
        ),
        assignees: assigneesArb(2),
        level: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 2 }),
        createdMinute: fc.integer({ min: 0, max: 8 }),
      }),
      { maxLength: 6 },
    )
    .map((drafts) =>
      drafts.map((d, i) => ({
        id: `ovr-${i + 1}`,
        hotlineId,
        start: scene.window.start + d.startMinute * MINUTE_MS,
        end: scene.window.start + (d.startMinute + d.minutes) * MINUTE_MS,
        assignees: d.assignees,
        level: d.level,
        createdAt: scene.window.start - DAY_MS + d.createdMinute * MINUTE_MS,
        reason: null,
      })),
    );
};

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const pad = (n: number) => String(n).padStart(2, '0');
const timeArb = fc
  .oneof(
    fc.integer({ min: 0, max: 1439 }),
    fc.integer({ min: 0, max: 47 }).map((k) => k * 30),
    fc.constantFrom(0, 60, 90, 120, 135, 150, 180, 360, 480, 1080, 1320),
  )
  .map((m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

/** 24/7, or one to three weekly windows (an end at or before the start runs overnight). */
export const serviceHoursArb: fc.Arbitrary<HotlineInput['serviceHours']> = fc.oneof(
  fc.constant({ always: true as const }),
  fc.record({
    windows: fc.array(fc.record({ days: fc.subarray(WEEKDAYS, { minLength: 1 }), start: timeArb, end: timeArb }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
);

const SCENARIOS: readonly HotlineInput['scenario'][] = [
  [{ kind: 'supervisors' }, { kind: 'voicemail' }],
  [{ kind: 'voicemail', greeting: { text: 'Please leave a message.' } }],
  [{ kind: 'supervisors' }, { kind: 'message', message: { text: 'Nobody can take your call.' } }],
  [{ kind: 'message', message: { audioUrl: 'https://example.com/closed.mp3' } }],
];

export const hotlineArb = (id: string, scene: Scene): fc.Arbitrary<Hotline> =>
  fc
    .record({
      supervisorIds: fc.uniqueArray(fc.constantFrom('alice', 'chloe', 'farid', 'emma', 'ghost'), { maxLength: 3 }),
      scenario: fc.constantFrom(...SCENARIOS),
      serviceHours: serviceHoursArb,
    })
    .map((input) => aHotline({ id, timeZone: scene.zone.name, ...input }));

/** A whole case: scene, hotline, slots and overrides. */
export interface ScheduleCase {
  readonly scene: Scene;
  readonly hotline: Hotline;
  readonly slots: readonly Slot[];
  readonly overrides: readonly Override[];
}

const refText = (a: AssigneeRef) => (a.kind === 'team' ? `team:${a.id}` : a.id);

/** A counterexample as a reader wants it: zone, slots in wall time, overrides in UTC, service hours. */
function describeCase(c: ScheduleCase): string {
  const hours = c.hotline.serviceHours;
  return JSON.stringify({
    zone: c.scene.zone.name,
    day: c.scene.day.toString(),
    slots: c.slots.map((s) => `${s.id} ${s.start}→${s.end} [${s.assignees.map(refText).join(', ')}]`),
    overrides: c.overrides.map(
      (o) =>
        `${o.id} ${formatInstant(o.start)}→${formatInstant(o.end)} level=${o.level ?? 'all'} created=${formatInstant(o.createdAt)} [${o.assignees.map(refText).join(', ')}]`,
    ),
    serviceHours:
      hours.kind === 'always' ? '24/7' : hours.windows.map((w) => `${w.days.names.join(',')} ${w.start}→${w.end}`),
    supervisors: c.hotline.supervisorIds,
    scenario: c.hotline.scenario.map((step) => step.kind),
  });
}

export const scheduleCaseArb: fc.Arbitrary<ScheduleCase> = sceneArb.chain((scene) =>
  fc
    .record({
      scene: fc.constant(scene),
      hotline: hotlineArb('hl-prop', scene),
      slots: slotsArb('hl-prop', scene),
      overrides: overridesArb('hl-prop', scene),
    })
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) })),
);

/** Instants to ask about: any millisecond of the window, or exactly on / just around a boundary of the case. */
export const instantsArb = (c: ScheduleCase): fc.Arbitrary<Instant[]> => {
  const boundaries = [
    ...c.slots.flatMap((s) => [c.scene.zone.toInstant(s.start), c.scene.zone.toInstant(s.end)]),
    ...c.overrides.flatMap((o) => [o.start, o.end]),
  ];
  const { start, end } = c.scene.window;
  const anywhere = fc.integer({ min: start, max: end - 1 });
  if (boundaries.length === 0) return fc.array(anywhere, { minLength: 1, maxLength: 12 });
  const nearBoundary = fc
    .tuple(fc.constantFrom(...boundaries), fc.constantFrom(-1, 0, 1))
    .map(([at, shift]) => at + shift);
  return fc.array(fc.oneof(anywhere, nearBoundary), { minLength: 1, maxLength: 12 });
};
