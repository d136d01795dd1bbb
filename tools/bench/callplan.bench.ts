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
const hotline = benchHotline('hl-bench', zone.name, random, people);
const year = yearRange(zone, 2027);
const slots = slotsOverDays(hotline.id, LocalDate.of(2026, 12, 31), 366, random, assignees);
const overrides = overridesWithin(hotline.id, year.start, year.end, 1_000, random, assignees);

let index = ScheduleIndex.build(zone, slots, overrides);
const buildMillis = medianOf(5, () => timeMillis(() => (index = ScheduleIndex.build(zone, slots, overrides))));
const instants = Array.from({ length: CALLS }, () => year.start + Math.floor(random() * (year.end - year.start)));
const micros = sampleMicros((i) => planCall(hotline, index, directory, instants[i]).steps.length, CALLS, 20_000);
const median = percentile(micros, 50);

report(NAME, 'slots', slots.length, 'count');
report(NAME, 'overrides', overrides.length, 'count');
report(NAME, 'index-build', buildMillis, 'ms');
report(NAME, 'median', median, 'us');
report(NAME, 'p99', percentile(micros, 99), 'us');
goal(NAME, `median <= ${MEDIAN_GOAL_MICROS} us`, median <= MEDIAN_GOAL_MICROS);
