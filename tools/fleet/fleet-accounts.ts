// One fleet account, built with the domain's constructors (so every row is one the product accepts):
// people with one to three numbers, teams, hotlines in several zones, weeks of three-level slots with
// some gaps, a few overrides.
import {
  Account,
  AssigneeRef,
  Hotline,
  HotlineInput,
  Instant,
  LocalDate,
  LocalTime,
  Override,
  Person,
  Slot,
  hotline,
  override,
  person,
  team,
} from '@dutyline/domain';
import type { BulkAccount } from '@dutyline/persistence';
import { Random, between, pick, sample, seededRandom } from '../bench/support/domain-fixtures';

/** Every fleet account id starts with it: `--delete` removes exactly these accounts. */
export const FLEET_PREFIX = 'fleet-';

export interface FleetShape {
  readonly accounts: number;
  readonly hotlines: number;
  readonly people: number;
  readonly weeks: number;
  /** Monday (local) of the first week of slots; the call history ends there. */
  readonly from: LocalDate;
  readonly seed: number;
  /** Start of every account id. @defaultValue FLEET_PREFIX */
  readonly prefix?: string;
  /** Where the hotlines' numbers start in their ranges (the first hotline's index). @defaultValue 0 */
  readonly firstNumber?: number;
}

interface FleetZone {
  readonly zone: string;
  readonly language: string;
  /** E.164 prefix of a geographic range, completed by the hotline's fleet-wide index. */
  readonly prefix: string;
  readonly digits: number;
}

/** Hotline numbers: valid geographic ranges no other test or bench uses. */
export const FLEET_ZONES: readonly FleetZone[] = [
  { zone: 'Europe/Paris', language: 'fr-FR', prefix: '+3397', digits: 7 },
  { zone: 'Europe/London', language: 'en-GB', prefix: '+44203', digits: 7 },
  { zone: 'America/New_York', language: 'en-US', prefix: '+16462', digits: 6 },
  { zone: 'Asia/Tokyo', language: 'ja-JP', prefix: '+8135', digits: 7 },
  { zone: 'Australia/Sydney', language: 'en-AU', prefix: '+6129', digits: 7 },
];

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

const OFFICE_HOURS: HotlineInput['serviceHours'] = {
  windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', end: '19:00' }],
};

/** Day, evening and night shifts in local time: [start hour, end hour, days the end is after]. */
const SHIFTS: readonly [number, number, number][] = [
  [8, 18, 0],
  [18, 23, 0],
  [23, 8, 1],
];

/** Share of the shifts left without a slot (coverage gaps). */
const GAP_SHARE = 0.03;
const OVERRIDES_PER_HOTLINE = 2;
const HOUR = 3_600_000;

/** Hotline numbers end with their index in six digits at most. */
export const MAX_FLEET_HOTLINES = 1_000_000;

export const fleetAccountId = (shape: FleetShape, index: number): string =>
  `${shape.prefix ?? FLEET_PREFIX}${String(index).padStart(5, '0')}`;

export function fleetHotlineNumber(globalIndex: number): string {
  const { prefix, digits } = FLEET_ZONES[globalIndex % FLEET_ZONES.length];
  return `${prefix}${String(globalIndex).padStart(digits, '0')}`;
}

/** Account `index` of the fleet: the same input gives the same rows. */
export function fleetAccount(shape: FleetShape, index: number, createdAt: Instant): BulkAccount {
  const random = seededRandom(shape.seed * 1_000_003 + index);
  const accountId = fleetAccountId(shape, index);
  const account: Account = { id: accountId, name: `Fleet ${String(index).padStart(5, '0')}`, createdAt };
  const people = Array.from({ length: shape.people }, (_, i) => fleetPerson(random, { accountId, i }));
  const teams = Array.from({ length: Math.max(1, Math.floor(shape.people / 5)) }, (_, i) =>
    team({
      id: `${accountId}-t${i}`,
      accountId,
      name: `Team ${i}`,
      colour: pick(random, COLOURS),
      memberIds: sample(random, people, between(random, 2, Math.min(4, people.length))).map((p) => p.id),
    }),
  );
  const pool: AssigneeRef[] = [
    ...people.map((p): AssigneeRef => ({ kind: 'person', id: p.id })),
    ...teams.map((t): AssigneeRef => ({ kind: 'team', id: t.id })),
  ];
  const hotlines = Array.from({ length: shape.hotlines }, (_, h) =>
    fleetHotline(random, { accountId, people, globalIndex: (shape.firstNumber ?? 0) + index * shape.hotlines + h, h }),
  );
  const slots = hotlines.flatMap((line) => weeksOfSlots(random, { line, shape, pool }));
  const overrides = hotlines.flatMap((line) => someOverrides(random, { line, shape, pool }));
  return { account, people, teams, hotlines, slots, overrides };
}

function fleetPerson(random: Random, { accountId, i }: { accountId: string; i: number }): Person {
  const numbers = Array.from({ length: between(random, 1, 3) }, (_, n) => ({
    // French and British mobiles, 7 digits of the person and number.
    number: random() < 0.7 ? `+3361${digits(i * 3 + n, 7)}` : `+44740${digits(i * 3 + n, 7)}`,
    label: n === 0 ? 'mobile' : n === 1 ? 'work' : 'home',
    ringTimeoutSeconds: between(random, 15, 30),
    enabled: n === 0 || random() < 0.9,
  }));
  return person({
    id: `${accountId}-p${i}`,
    accountId,
    name: `Person ${i}`,
    colour: pick(random, COLOURS),
    email: `person${i}@${accountId}.fleet.example`,
    contactNumbers: numbers,
  });
}

function fleetHotline(
  random: Random,
  {
    accountId,
    people,
    globalIndex,
    h,
  }: { accountId: string; people: readonly Person[]; globalIndex: number; h: number },
): Hotline {
  const zone = FLEET_ZONES[globalIndex % FLEET_ZONES.length];
  return hotline({
    id: `${accountId}-h${h}`,
    accountId,
    name: `Hotline ${h}`,
    number: fleetHotlineNumber(globalIndex),
    timeZone: zone.zone,
    language: zone.language,
    supervisorIds: sample(random, people, Math.min(people.length, between(random, 1, 2))).map((p) => p.id),
    serviceHours: random() < 0.25 ? OFFICE_HOURS : { always: true },
  });
}

/** Three shifts a day over the weeks, three levels each, a few shifts left empty. */
function weeksOfSlots(
  random: Random,
  { line, shape, pool }: { line: Hotline; shape: FleetShape; pool: readonly AssigneeRef[] },
): Slot[] {
  const slots: Slot[] = [];
  for (let d = 0; d < shape.weeks * 7; d++) {
    const day = shape.from.plusDays(d);
    for (const [start, end, nextDay] of SHIFTS) {
      if (random() < GAP_SHARE) continue;
      slots.push({
        id: `${line.id}-s${slots.length}`,
        hotlineId: line.id,
        start: day.at(LocalTime.of(start, 0)),
        end: day.plusDays(nextDay).at(LocalTime.of(end, 0)),
        assignees: sample(random, pool, Math.min(3, pool.length)),
      });
    }
  }
  return slots;
}

function someOverrides(
  random: Random,
  { line, shape, pool }: { line: Hotline; shape: FleetShape; pool: readonly AssigneeRef[] },
): Override[] {
  const from = line.timeZone.toInstant(shape.from.at(LocalTime.MIDNIGHT));
  // Made the day before the first week: deterministic, and never over before it is made.
  const createdAt = from - 24 * HOUR;
  const span = shape.weeks * 7 * 24;
  return Array.from({ length: OVERRIDES_PER_HOTLINE }, (_, i) => {
    const start = from + between(random, 0, span - 24) * HOUR;
    return override({
      id: `${line.id}-o${i}`,
      hotlineId: line.id,
      start,
      end: start + between(random, 2, 24) * HOUR,
      assignees: [pick(random, pool)],
      level: random() < 0.5 ? 0 : null,
      createdAt,
      reason: 'Fleet: swapped duty',
    });
  });
}

const digits = (value: number, width: number): string => String(value).padStart(width, '0');
