// Seeded, reproducible inputs for the domain benchmarks: a directory with unreachable people, hotlines in
// mixed zones, a year of slots a hotline (three a day, some left empty) and overrides.
import {
  AssigneeRef,
  Directory,
  Hotline,
  HotlineInput,
  Id,
  Instant,
  LocalDate,
  LocalTime,
  Override,
  Person,
  Slot,
  TimeZone,
  directoryOf,
  hotline,
  person,
  team,
} from '@dutyline/domain';

/** mulberry32: a small seeded generator in [0, 1), so every run benchmarks the same input. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** Up to `count` distinct items, in random order. */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return chosen;
}

export const ACCOUNT = 'acct-bench';

export interface BenchDirectory {
  readonly directory: Directory;
  readonly people: readonly Person[];
  /** People and teams, to draw slot assignees from. */
  readonly assignees: readonly AssigneeRef[];
}

/**
 * `people` people with one to three numbers (about one in ten with every number disabled, one in twenty
 * with none) and `teams` teams of two to four of them.
 */
export function benchDirectory(random: Random, people = 200, teams = 30): BenchDirectory {
  let nextNumber = 0;
  const mobile = () => `+3361${String(nextNumber++).padStart(7, '0')}`;
  const persons = Array.from({ length: people }, (_, i) => {
    const roll = random();
    const count = roll < 0.05 ? 0 : between(random, 1, 3);
    const enabled = roll >= 0.05 && roll < 0.15 ? () => false : () => random() < 0.85;
    const numbers = Array.from({ length: count }, (_, n) => ({
      number: mobile(),
      label: n === 0 ? 'mobile' : 'other',
      ringTimeoutSeconds: between(random, 10, 40),
      enabled: enabled(),
    }));
    if (roll >= 0.15 && numbers.length > 0) numbers[0].enabled = true;
    return person({ id: `p${i}`, accountId: ACCOUNT, name: `Person ${i}`, colour: '#1f77b4', contactNumbers: numbers });
  });
  const teamList = Array.from({ length: teams }, (_, i) =>
    team({
      id: `t${i}`,
      accountId: ACCOUNT,
      name: `Team ${i}`,
      colour: '#2ca02c',
      memberIds: sample(random, persons, between(random, 2, 4)).map((p) => p.id),
    }),
  );
  return {
    directory: directoryOf(persons, teamList),
    people: persons,
    assignees: [
      ...persons.map((p): AssigneeRef => ({ kind: 'person', id: p.id })),
      ...teamList.map((t): AssigneeRef => ({ kind: 'team', id: t.id })),
    ],
  };
}

export const BENCH_ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Tokyo',
  'UTC',
  'Europe/London',
  'America/Los_Angeles',
];

const SERVICE_HOURS: readonly HotlineInput['serviceHours'][] = [
  { always: true },
  { windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', end: '18:00' }] },
  {
    windows: [
      { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '18:00', end: '08:00' },
      { days: ['SAT', 'SUN'], start: '00:00', end: '00:00' },
    ],
  },
];

/** A hotline in `zone`; about half 24/7, the rest office hours or nights and weekends. */
export function benchHotline(
  { id, zone, supervisors }: { id: Id; zone: string; supervisors: readonly Person[] },
  random: Random,
): Hotline {
  return hotline({
    id,
    accountId: ACCOUNT,
    name: `Hotline ${id}`,
    number: '+33140000000',
    timeZone: zone,
    supervisorIds: sample(random, supervisors, 2).map((p) => p.id),
    serviceHours: random() < 0.5 ? SERVICE_HOURS[0] : pick(random, SERVICE_HOURS),
  });
}

/** The shifts of a day in local time: office, evening, night (ending the next morning). */
const SHIFTS: readonly [number, number, number][] = [
  // start minute, end minute, days the end is after the start's day
  [8 * 60, 18 * 60, 0],
  [18 * 60, 23 * 60, 0],
  [23 * 60, 8 * 60, 1],
];

/**
 * Three back-to-back slots a day from `from` (local dates) for `days` days, each with one to three assignees
 * drawn from `pool`; a share `emptyShare` of the slots is left out, leaving gaps.
 */
export function slotsOverDays(
  {
    hotlineId,
    from,
    days,
    pool,
    emptyShare = 0,
  }: { hotlineId: Id; from: LocalDate; days: number; pool: readonly AssigneeRef[]; emptyShare?: number },
  random: Random,
): Slot[] {
  const slots: Slot[] = [];
  for (let d = 0; d < days; d++) {
    const day = from.plusDays(d);
    for (const [start, end, nextDay] of SHIFTS) {
      if (random() < emptyShare) continue;
      slots.push({
        id: `${hotlineId}-s${slots.length}`,
        hotlineId,
        start: day.at(LocalTime.of(Math.floor(start / 60), start % 60)),
        end: day.plusDays(nextDay).at(LocalTime.of(Math.floor(end / 60), end % 60)),
        assignees: sample(random, pool, between(random, 1, 3)),
      });
    }
  }
  return slots;
}

/** `count` overrides within `[from, to)`, one hour to three days long, a third of them for one level only. */
export function overridesWithin(
  {
    hotlineId,
    from,
    to,
    count,
    pool,
  }: { hotlineId: Id; from: Instant; to: Instant; count: number; pool: readonly AssigneeRef[] },
  random: Random,
): Override[] {
  const hour = 3_600_000;
  return Array.from({ length: count }, (_, i) => {
    const start = from + Math.floor((random() * (to - from)) / 60_000) * 60_000;
    return {
      id: `${hotlineId}-o${i}`,
      hotlineId,
      start,
      end: start + between(random, 1, 72) * hour,
      assignees: sample(random, pool, between(random, 1, 2)),
      level: random() < 1 / 3 ? between(random, 0, 2) : null,
      createdAt: start - between(random, 1, 240) * hour,
      reason: null,
    };
  });
}

/** Real-time bounds of the local calendar year `year` in `zone`. */
export function yearRange(zone: TimeZone, year: number): { start: Instant; end: Instant } {
  return {
    start: zone.toInstant(LocalDate.of(year, 1, 1).at(LocalTime.MIDNIGHT)),
    end: zone.toInstant(LocalDate.of(year + 1, 1, 1).at(LocalTime.MIDNIGHT)),
  };
}

/** The median of a few runs of `fn` (each timed by `time`). */
export function medianOf(runs: number, time: () => number): number {
  const values = Array.from({ length: runs }, time).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

/**
 * Wall and CPU time (user + system, all threads of this process) of one run of `fn`, in milliseconds, without
 * the full GC `timeMillis` starts with: on a heap of a million slots a forced GC takes seconds, and runs
 * that leave little garbage do not need one. CPU time hardly moves when other processes load the machine.
 */
export function elapsed(fn: () => unknown): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}
