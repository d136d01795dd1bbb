// planCall on a hotline with one year of slots (three a day, one to three assignees incl. teams) and
// 1,000 overrides: the schedule index is built once, then each call asks it at a random instant.
import { LocalDate, ScheduleIndex, TimeZone, planCall } from '@dutyline/domain';
import { goal, percentile, report, sampleMicros, timeMillis } from './support/measure';
import {
  benchDirectory,
  benchHotline,
  medianOf,
  overridesWithin,
  seededRandom,
  slotsOverDays,
  yearRange,
} from './support/domain-fixtures';

const NAME = 'callplan';
const CALLS = 200_000;
const MEDIAN_GOAL_MICROS = 20;

const random = seededRandom(2027);
const { directory, people, assignees } = benchDirectory(random);
const zone = TimeZone.of('Europe/Paris');
const hotline = benchHotline({ id: 'hl-bench', zone: zone.name, supervisors: people }, random);
const year = yearRange(zone, 2027);
const slots = slotsOverDays(
  { hotlineId: hotline.id, from: LocalDate.of(2026, 12, 31), days: 366, pool: assignees },
  random,
);
const overrides = overridesWithin(
  { hotlineId: hotline.id, from: year.start, to: year.end, count: 1_000, pool: assignees },
  random,
);

let index = ScheduleIndex.build(zone, slots, overrides);
const buildMillis = medianOf(5, () => timeMillis(() => (index = ScheduleIndex.build(zone, slots, overrides))));
const instants = Array.from({ length: CALLS }, () => year.start + Math.floor(random() * (year.end - year.start)));
const micros = sampleMicros(
  (i) => planCall({ hotline, schedule: index, directory, at: instants[i] }).steps.length,
  CALLS,
  20_000,
);
const median = percentile(micros, 50);

report(NAME, { metric: 'slots', value: slots.length, unit: 'count' });
report(NAME, { metric: 'overrides', value: overrides.length, unit: 'count' });
report(NAME, { metric: 'index-build', value: buildMillis, unit: 'ms' });
report(NAME, { metric: 'median', value: median, unit: 'us' });
report(NAME, { metric: 'p99', value: percentile(micros, 99), unit: 'us' });
goal(NAME, `median <= ${MEDIAN_GOAL_MICROS} us`, median <= MEDIAN_GOAL_MICROS);
